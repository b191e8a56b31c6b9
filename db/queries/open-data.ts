import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { selectLiveClaims } from "@/db/columns";
import type { ClaimRow } from "@/db/domain/catalog";
import type { CatalogQuery } from "@/db/domain/catalog-query";
import { passageHref } from "@/db/domain/passage-link";
import { models } from "@/db/schema";
import { getLastUpdated, queryCatalog } from "./catalog";

export type OpenClaim = ReturnType<typeof toOpenClaim>;

/** A claim as the API and CSV give it; `family` is set when it is the family's, not the model's own. */
function toOpenClaim(c: ClaimRow, family: string | null = null) {
  return {
    id: c.id,
    family,
    field: c.field,
    label: c.label || null,
    variant: c.variant || null,
    condition: c.condition || null,
    settings: c.settings || null,
    settingsQuote: c.settingsQuote,
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
    /** The source version the offsets are in (GET /api/sources/<slug>?version=N has its text). */
    version: c.versionNumber ?? null,
    source: c.source,
    links: {
      claim: `/claims/${c.id}`,
      passage: passageHref(c.source.slug, c.id, c.versionNumber),
      text: `/api/sources/${c.source.slug}${c.versionNumber ? `?version=${c.versionNumber}` : ""}`,
    },
  };
}

/** One page of the filtered catalog, each model with its cited claims. */
async function openDataPage(db: Db, query: CatalogQuery, perPage: number) {
  const result = await queryCatalog(db, query, perPage);
  // The rows' families too: the table shows a family's value where a model states none.
  const familySlugs = [...new Set(result.rows.flatMap((r) => r.families))];
  const families =
    familySlugs.length === 0
      ? []
      : await db
          .select({ id: models.id, slug: models.slug })
          .from(models)
          .where(inArray(models.slug, familySlugs));
  const familyIdOf = new Map(families.map((f) => [f.slug, f.id]));
  const claims = await selectLiveClaims(db, {
    modelIds: [...result.rows.map((r) => r.id), ...families.map((f) => f.id)],
    provenance: query.provenance,
  });
  const byModel = new Map<number, ClaimRow[]>();
  for (const c of claims) {
    const list = byModel.get(c.modelId);
    if (list) list.push(c);
    else byModel.set(c.modelId, [c]);
  }
  const claimsOf = (r: (typeof result.rows)[number]) => [
    ...(byModel.get(r.id) ?? []).map((c) => toOpenClaim(c)),
    ...r.families.flatMap((slug) =>
      (byModel.get(familyIdOf.get(slug) ?? -1) ?? []).map((c) => toOpenClaim(c, slug)),
    ),
  ];
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
      claims: claimsOf(r),
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
