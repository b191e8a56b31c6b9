import "server-only";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sourceRefColumns } from "@/db/columns";
import { isSlug } from "@/db/domain/rules";
import { textDiff } from "@/db/domain/text-diff";
import { claims, models, sources, sourceVersions } from "@/db/schema";
import { listVersions } from "./versions";

export async function listSources(db: Db) {
  return db
    .select({
      ...sourceRefColumns,
      length: sql<number>`char_length(${sources.text})`.mapWith(Number),
      versions:
        sql<number>`(select count(*) from source_versions v where v.source_id = ${sources.id})`.mapWith(
          Number,
        ),
      claimCount: count(claims.id),
    })
    .from(sources)
    .leftJoin(claims, sql`${claims.sourceId} = ${sources.id} and ${claims.retiredAt} is null`)
    .groupBy(sources.id)
    .orderBy(asc(sources.tier), asc(sources.title));
}

/**
 * A source with its versions and its live claims, each with the number of the version it cites
 * and whether it waits for review. Null for an unknown or malformed slug: junk from a URL never
 * reaches the query.
 */
export async function getSourceWithClaims(db: Db, slug: string) {
  if (!isSlug(slug)) return null;
  const [source] = await db.select().from(sources).where(eq(sources.slug, slug));
  if (!source) return null;
  const cited = await db
    .select({
      id: claims.id,
      field: claims.field,
      label: claims.label,
      valueText: claims.valueText,
      rank: claims.rank,
      provenance: claims.provenance,
      version: sourceVersions.number,
      quoteStart: claims.quoteStart,
      quoteEnd: claims.quoteEnd,
      waiting: sql<boolean>`exists (select 1 from claim_reviews r where r.claim_id = ${claims.id} and r.resolved_at is null)`,
      model: { slug: models.slug, name: models.name },
    })
    .from(claims)
    .innerJoin(models, eq(models.id, claims.modelId))
    .innerJoin(sourceVersions, eq(sourceVersions.id, claims.versionId))
    .where(and(eq(claims.sourceId, source.id), isNull(claims.retiredAt)))
    .orderBy(asc(claims.quoteStart), asc(claims.id));
  const versions = await listVersions(db, source.id);
  return { source, versions, claims: cited };
}

export type SourceView = {
  version?: number | null;
  from?: number | null;
  to?: number | null;
};

/**
 * What the source page shows: one version's text (the newest unless asked) with the claims that
 * cite it, or the difference between two versions. Null when the source or a version asked for
 * does not exist (a 404 for the page, never a guess at another version).
 */
export async function getSourcePage(db: Db, slug: string, view: SourceView) {
  const found = await getSourceWithClaims(db, slug);
  if (!found) return null;
  const { source, versions } = found;
  const newest = versions[versions.length - 1];
  if (!newest) throw new Error(`source ${slug} has no version`);
  const textOf = async (n: number) => {
    const [v] = await db
      .select({ text: sourceVersions.text })
      .from(sourceVersions)
      .where(and(eq(sourceVersions.sourceId, source.id), eq(sourceVersions.number, n)));
    return v?.text ?? null;
  };
  if (view.from != null || view.to != null) {
    const from = view.from ?? Math.max(1, (view.to ?? newest.number) - 1);
    const to = view.to ?? newest.number;
    const [a, b] = [await textOf(from), await textOf(to)];
    if (a === null || b === null) return null;
    return { ...found, shown: null, diff: { from, to, view: textDiff(a, b) } };
  }
  const number = view.version ?? newest.number;
  const text = number === newest.number ? source.text : await textOf(number);
  if (text === null) return null;
  return { ...found, shown: { number, text, newest: newest.number }, diff: null };
}
