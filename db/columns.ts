/*
 * The column sets the app reads, shared by the server's queries (db/queries, server-only) and the
 * code the command-line tools also run (db/catalog-index.ts), so a row is read the same way
 * everywhere. Connections are passed in: nothing here opens the app's database.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Db, intArray, rowsOf, type Tx } from "./client";
import type { ClaimRow, ModelRow } from "./domain/catalog";
import { type Claim, claims, models, sources, sourceVersions } from "./schema";

/** A source as a citation shows it (everything but its text). */
export const sourceRefColumns = {
  slug: sources.slug,
  title: sources.title,
  publisher: sources.publisher,
  publishedOn: sources.publishedOn,
  url: sources.url,
  kind: sources.kind,
  tier: sources.tier,
  mirrorOf: sources.mirrorOf,
};

/**
 * The version a claim cites (join source_versions on claims.version_id): its number, date and
 * address, the source's newest number, and whether the claim waits for a maintainer's review.
 */
export const citedVersionColumns = {
  number: sourceVersions.number,
  publishedOn: sourceVersions.publishedOn,
  url: sourceVersions.url,
  commit: sourceVersions.commit,
  newest:
    sql<number>`(select max(v.number) from source_versions v where v.source_id = ${claims.sourceId})`.mapWith(
      Number,
    ),
  waiting: sql<boolean>`exists (select 1 from claim_reviews r where r.claim_id = ${claims.id} and r.resolved_at is null)`,
};

export const claimColumns = {
  id: claims.id,
  modelId: claims.modelId,
  field: claims.field,
  label: claims.label,
  settings: claims.settings,
  variant: claims.variant,
  condition: claims.condition,
  settingsQuote: claims.settingsQuote,
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
  versionNumber:
    sql<number>`(select v.number from source_versions v where v.id = ${claims.versionId})`.mapWith(
      Number,
    ),
  source: sourceRefColumns,
};

/**
 * The live claims of one claim's group: same model, field, label, variant, condition and
 * settings (the one-preferred index's columns). Ranks and the one-preferred rule are per group.
 */
export function sameGroup(
  claim: Pick<Claim, "modelId" | "field" | "label" | "variant" | "condition" | "settings">,
): SQL | undefined {
  return and(
    eq(claims.modelId, claim.modelId),
    eq(claims.field, claim.field),
    eq(claims.label, claim.label),
    eq(claims.variant, claim.variant),
    eq(claims.condition, claim.condition),
    eq(claims.settings, claim.settings),
    isNull(claims.retiredAt),
  );
}

/** A model or family as the catalog logic needs it (ModelRow). */
export const modelRowColumns = {
  id: models.id,
  slug: models.slug,
  name: models.name,
  kind: models.kind,
  familyId: models.familyId,
  developer: models.developer,
  description: models.description,
  status: models.status,
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

/**
 * These models and every family above them, each with its distance from the nearest model asked
 * for (0 for the models themselves), nearest first. The database refuses family loops
 * (0001_integrity.sql); the depth bound is a second guard.
 */
export async function selectWithAncestors(
  db: Db | Tx,
  ids: number[],
): Promise<(ModelRow & { depth: number })[]> {
  if (ids.length === 0) return [];
  const chain = rowsOf<{ id: number; depth: number }>(
    await db.execute(sql`
      with recursive chain(id, family_id, depth) as (
        select id, family_id, 0 from models where id = any(${intArray(ids)}::int[])
        union all
        select m.id, m.family_id, c.depth + 1 from models m join chain c on m.id = c.family_id
        where c.depth < 16
      )
      select id, min(depth) as depth from chain group by id`),
  );
  const depthOf = new Map(chain.map((r) => [Number(r.id), Number(r.depth)]));
  const rows = await db
    .select(modelRowColumns)
    .from(models)
    .where(sql`${models.id} = any(${intArray([...depthOf.keys()])}::int[])`);
  return rows
    .map((m) => ({ ...m, depth: depthOf.get(m.id) ?? 0 }))
    .sort((a, b) => a.depth - b.depth);
}
