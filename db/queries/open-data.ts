import "server-only";
import type { ClaimRow } from "@/db/domain/catalog";
import { type CatalogQuery, filterCatalog } from "@/db/domain/catalog-query";
import { loadCatalog } from "./catalog";

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

/** The filtered catalog with every value's citations: what /api/models and the CSV serve. */
export async function loadOpenData(query: CatalogQuery) {
  const { rows, models, claims, lastUpdated } = await loadCatalog(undefined, {
    provenance: query.provenance,
  });
  const { rows: shown } = filterCatalog(rows, query);
  const idBySlug = new Map(models.map((m) => [m.slug, m.id]));
  const claimsOf = new Map<number, ClaimRow[]>();
  for (const c of claims) {
    if (query.provenance && c.provenance !== query.provenance) continue;
    claimsOf.set(c.modelId, [...(claimsOf.get(c.modelId) ?? []), c]);
  }
  return {
    lastUpdated,
    models: shown.map((r) => ({
      slug: r.slug,
      name: r.name,
      developer: r.developer,
      family: r.family,
      architectureKind: r.architectureKind,
      values: r.cells,
      claims: (claimsOf.get(idBySlug.get(r.slug) ?? -1) ?? []).map(toOpenClaim),
    })),
  };
}
