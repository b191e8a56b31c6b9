import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { intArray, rowsOf } from "@/db/client";
import { modelRowColumns } from "@/db/columns";
import type { ModelRow } from "@/db/domain/catalog";
import { isSlug } from "@/db/domain/ids";
import { models } from "@/db/schema";

export async function getModelBySlug(slug: string, db: Db = defaultDb) {
  if (!isSlug(slug)) return null;
  const [row] = await db.select().from(models).where(eq(models.slug, slug));
  return row ?? null;
}

/**
 * The model, its family chain (nearest first) and its direct members (for families): three
 * indexed reads, however large the catalog.
 */
export async function getModelWithFamily(slug: string, db: Db = defaultDb) {
  if (!isSlug(slug)) return null;
  const [model] = await db.select(modelRowColumns).from(models).where(eq(models.slug, slug));
  if (!model) return null;
  const [chainIds, members] = await Promise.all([
    // The database refuses family loops (0001_integrity.sql); the depth bound is a second guard.
    db.execute(sql`
      with recursive chain(id, family_id, depth) as (
        select id, family_id, 0 from models where id = ${model.familyId ?? -1}
        union all
        select m.id, m.family_id, c.depth + 1 from models m join chain c on m.id = c.family_id
        where c.depth < 16
      )
      select id, depth from chain`),
    db
      .select(modelRowColumns)
      .from(models)
      .where(eq(models.familyId, model.id))
      .orderBy(asc(models.name)),
  ]);
  const rows = rowsOf<{ id: number; depth: number }>(chainIds);
  const depthOf = new Map(rows.map((r) => [Number(r.id), Number(r.depth)]));
  const families: ModelRow[] =
    depthOf.size === 0
      ? []
      : (
          await db
            .select(modelRowColumns)
            .from(models)
            .where(sql`${models.id} = any(${intArray([...depthOf.keys()])}::int[])`)
        ).sort((a, b) => (depthOf.get(a.id) ?? 0) - (depthOf.get(b.id) ?? 0));
  return { model, families, members };
}
