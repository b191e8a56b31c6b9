import "server-only";
import { asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sourceRefColumns } from "@/db/columns";
import { isSlug } from "@/db/domain/rules";
import { claims, models, sources } from "@/db/schema";

export async function listSources(db: Db) {
  return db
    .select({
      ...sourceRefColumns,
      length: sql<number>`char_length(${sources.text})`.mapWith(Number),
      claimCount: count(claims.id),
    })
    .from(sources)
    .leftJoin(claims, sql`${claims.sourceId} = ${sources.id} and ${claims.retiredAt} is null`)
    .groupBy(sources.id)
    .orderBy(asc(sources.tier), asc(sources.title));
}

/** Null for an unknown or malformed slug: junk from a URL never reaches the query. */
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
      quoteStart: claims.quoteStart,
      quoteEnd: claims.quoteEnd,
      model: { slug: models.slug, name: models.name },
    })
    .from(claims)
    .innerJoin(models, eq(models.id, claims.modelId))
    .where(sql`${claims.sourceId} = ${source.id} and ${isNull(claims.retiredAt)}`)
    .orderBy(asc(claims.quoteStart), asc(claims.id));
  return { source, claims: cited };
}
