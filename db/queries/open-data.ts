import "server-only";
import type { Db } from "@/db";
import { selectLiveClaims } from "@/db/columns";
import type { ClaimRow } from "@/db/domain/catalog";
import type { CatalogQuery } from "@/db/domain/catalog-query";
import { getLastUpdated, queryCatalog } from "./catalog";

export type OpenClaim = ReturnType<typeof toOpenClaim>;

function toOpenClaim(c: ClaimRow) {
  return {
    id: c.id,
    field: c.field,
    label: c.label || null,
    settings: c.settings || null,
    value: c.valueText,
    valueNum: c.valueNum,
    unit: c.unit,
    valueDate: c.valueDate,
    qualifier: c.qualifier,
    provenance: c.provenance,
    rank: c.rank,
    rankReason: c.rankReason,
    note: c.note,
    quote: c.quote,
    quoteStart: c.quoteStart,
    quoteEnd: c.quoteEnd,
    offsetUnit: "unicode code points" as const,
    source: c.source,
    links: { claim: `/claims/${c.id}`, passage: `/sources/${c.source.slug}#claim-${c.id}` },
  };
}

/** One page of the filtered catalog, each model with its cited claims. */
async function openDataPage(db: Db, query: CatalogQuery, perPage: number) {
  const result = await queryCatalog(db, query, perPage);
  const claims = await selectLiveClaims(db, {
    modelIds: result.rows.map((r) => r.id),
    provenance: query.provenance,
  });
  const byModel = new Map<number, ClaimRow[]>();
  for (const c of claims) {
    const list = byModel.get(c.modelId);
    if (list) list.push(c);
    else byModel.set(c.modelId, [c]);
  }
  return {
    page: result.page,
    pageCount: result.pageCount,
    perPage: result.perPage,
    total: result.matched,
    models: result.rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      developer: r.developer,
      family: r.family,
      architectureKind: r.architectureKind,
      values: r.cells,
      claims: (byModel.get(r.id) ?? []).map(toOpenClaim),
    })),
  };
}

/** One page of the filtered catalog with every value's citations: what /api/models serves. */
export async function loadOpenData(db: Db, query: CatalogQuery, perPage: number) {
  const [data, lastUpdated] = await Promise.all([
    openDataPage(db, query, perPage),
    getLastUpdated(db),
  ]);
  return { lastUpdated, ...data };
}

/**
 * Every matching model with its claims, a page at a time: the CSV export streams these, so its
 * memory stays one page whatever the catalog's size.
 */
export async function* eachOpenDataPage(db: Db, query: CatalogQuery, perPage = 500) {
  for (let page = 1; ; page++) {
    const data = await openDataPage(db, { ...query, page }, perPage);
    if (data.page < page) return;
    yield data.models;
    if (page >= data.pageCount) return;
  }
}
