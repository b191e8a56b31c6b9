import "server-only";
import { eq } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { isSlug } from "@/db/domain/ids";
import { models } from "@/db/schema";
import { listModels } from "./catalog";

export async function getModelBySlug(slug: string, db: Db = defaultDb) {
  if (!isSlug(slug)) return null;
  const [row] = await db.select().from(models).where(eq(models.slug, slug));
  return row ?? null;
}

/** The model, its family chain (nearest first) and its direct members (for families). */
export async function getModelWithFamily(slug: string, db: Db = defaultDb) {
  if (!isSlug(slug)) return null;
  const all = await listModels(db);
  const model = all.find((m) => m.slug === slug);
  if (!model) return null;
  const byId = new Map(all.map((m) => [m.id, m]));
  const chain = [];
  for (
    let f = model.familyId ? byId.get(model.familyId) : undefined;
    f && chain.length < 16;
    f = f.familyId ? byId.get(f.familyId) : undefined
  ) {
    chain.push(f);
  }
  const members = all.filter((m) => m.familyId === model.id);
  return { model, families: chain, members, all };
}
