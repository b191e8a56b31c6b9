import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { modelRowColumns, selectWithAncestors } from "@/db/columns";
import type { ModelRow } from "@/db/domain/catalog";
import { isSlug } from "@/db/domain/rules";
import { models } from "@/db/schema";

export async function getModelBySlug(db: Db, slug: string) {
  if (!isSlug(slug)) return null;
  const [row] = await db.select().from(models).where(eq(models.slug, slug));
  return row ?? null;
}

/**
 * The model, its family chain (nearest first) and its direct members (for families): three
 * indexed reads, however large the catalog.
 */
export async function getModelWithFamily(db: Db, slug: string) {
  if (!isSlug(slug)) return null;
  const [model] = await db
    .select({ ...modelRowColumns, createdAt: models.createdAt, checkedAt: models.checkedAt })
    .from(models)
    .where(eq(models.slug, slug));
  if (!model) return null;
  const [chain, members] = await Promise.all([
    model.familyId === null ? [] : selectWithAncestors(db, [model.familyId]),
    db
      .select(modelRowColumns)
      .from(models)
      .where(eq(models.familyId, model.id))
      .orderBy(asc(models.name)),
  ]);
  const families: ModelRow[] = chain.map(({ depth: _, ...m }) => m);
  return { model, families, members };
}
