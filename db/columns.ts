/*
 * The column sets the app reads, shared by the server's queries (db/queries, server-only) and the
 * code the command-line tools also run (db/catalog-index.ts), so a row is read the same way
 * everywhere. Connections are passed in: nothing here opens the app's database.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "./client";
import type { ClaimRow } from "./domain/catalog";
import { claims, models, sources } from "./schema";

/** A source as a citation shows it (everything but its text). */
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

/** A model or family as the catalog logic needs it (ModelRow). */
export const modelRowColumns = {
  id: models.id,
  slug: models.slug,
  name: models.name,
  kind: models.kind,
  familyId: models.familyId,
  developer: models.developer,
  description: models.description,
};

/**
 * Live (not retired) claims with their source's metadata, but not the source text: every one,
 * or only those of some models and of one provenance.
 */
export async function selectLiveClaims(
  db: Db | Tx,
  only: { modelIds?: number[]; provenance?: "publisher" | "third_party" | null } = {},
): Promise<ClaimRow[]> {
  if (only.modelIds?.length === 0) return [];
  return db
    .select(claimColumns)
    .from(claims)
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(
      and(
        isNull(claims.retiredAt),
        only.modelIds ? inArray(claims.modelId, only.modelIds) : undefined,
        only.provenance ? eq(claims.provenance, only.provenance) : undefined,
      ),
    )
    .orderBy(asc(claims.id));
}
