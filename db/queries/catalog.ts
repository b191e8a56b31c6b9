import "server-only";
import { asc, eq, isNull, max } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { buildCatalogRows, type ClaimRow, type ModelRow } from "@/db/domain/catalog";
import { claims, models, revisions, sources } from "@/db/schema";

export const sourceRefColumns = {
  slug: sources.slug,
  title: sources.title,
  publisher: sources.publisher,
  publishedOn: sources.publishedOn,
  url: sources.url,
  kind: sources.kind,
  tier: sources.tier,
};

export const claimColumns = {
  id: claims.id,
  modelId: claims.modelId,
  field: claims.field,
  label: claims.label,
  settings: claims.settings,
  valueText: claims.valueText,
  valueNum: claims.valueNum,
  unit: claims.unit,
  valueDate: claims.valueDate,
  qualifier: claims.qualifier,
  provenance: claims.provenance,
  rank: claims.rank,
  rankReason: claims.rankReason,
  note: claims.note,
  quote: claims.quote,
  quoteStart: claims.quoteStart,
  quoteEnd: claims.quoteEnd,
  source: sourceRefColumns,
};

export async function listModels(db: Db = defaultDb): Promise<ModelRow[]> {
  return db
    .select({
      id: models.id,
      slug: models.slug,
      name: models.name,
      kind: models.kind,
      familyId: models.familyId,
      developer: models.developer,
      description: models.description,
    })
    .from(models)
    .orderBy(asc(models.name));
}

/** Every live (not retired) claim with its source's metadata, but not the source text. */
export async function listLiveClaims(db: Db = defaultDb): Promise<ClaimRow[]> {
  return db
    .select(claimColumns)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(isNull(claims.retiredAt))
    .orderBy(asc(claims.id));
}

export async function getLastUpdated(db: Db = defaultDb): Promise<Date | null> {
  const [row] = await db.select({ at: max(revisions.createdAt) }).from(revisions);
  return row?.at ?? null;
}

/** The whole catalog as table rows (one per model), with the filter-relevant facets. */
export async function loadCatalog(
  db: Db = defaultDb,
  opts: { provenance?: "publisher" | "third_party" | null } = {},
) {
  const [modelRows, claimRows, lastUpdated] = await Promise.all([
    listModels(db),
    listLiveClaims(db),
    getLastUpdated(db),
  ]);
  const usable = opts.provenance
    ? claimRows.filter((c) => c.provenance === opts.provenance)
    : claimRows;
  return {
    rows: buildCatalogRows(modelRows, usable),
    models: modelRows,
    claims: claimRows,
    lastUpdated,
  };
}
