import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { diffSnapshots } from "@/db/domain/result";
import { isSlug } from "@/db/domain/rules";
import { claims, models, revisions, type Snapshot, sources } from "@/db/schema";

/** Options for the editing forms' pickers. */
export async function listPickers(db: Db) {
  const [m, s] = await Promise.all([
    db
      .select({ id: models.id, slug: models.slug, name: models.name, kind: models.kind })
      .from(models)
      .orderBy(asc(models.name)),
    db
      .select({ id: sources.id, slug: sources.slug, title: sources.title })
      .from(sources)
      .orderBy(asc(sources.title)),
  ]);
  return { models: m, sources: s };
}

export async function getSourceText(db: Db, slug: string) {
  if (!isSlug(slug)) return null;
  const [row] = await db
    .select({ id: sources.id, slug: sources.slug, title: sources.title, text: sources.text })
    .from(sources)
    .where(eq(sources.slug, slug));
  return row ?? null;
}

export async function getClaimForEdit(db: Db, id: number) {
  const [row] = await db.select().from(claims).where(eq(claims.id, id));
  return row ?? null;
}

/** An entity's history, newest first, each entry with its field-by-field diff. */
export async function getHistory(
  db: Db,
  entityType: "claim" | "model" | "source",
  entityId: number,
) {
  const rows = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.revision));
  return rows.map((r) => ({
    revision: r.revision,
    action: r.action,
    authorName: r.authorName,
    createdAt: r.createdAt,
    reason: r.reason,
    diff: diffSnapshots(r.before, r.after),
  }));
}

/** The public log of recent changes across the catalog. */
export async function listRecentChanges(db: Db, limit = 100) {
  const rows = await db
    .select()
    .from(revisions)
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entityType,
    entityId: r.entityId,
    revision: r.revision,
    action: r.action,
    authorName: r.authorName,
    createdAt: r.createdAt,
    reason: r.reason,
    label: describe(r.after),
    slug: typeof r.after.slug === "string" ? r.after.slug : null,
    diff: r.before ? diffSnapshots(r.before, r.after) : [],
  }));
}

function describe(after: Snapshot): string {
  for (const key of ["valueText", "name", "title"]) {
    const v = after[key];
    if (typeof v === "string") return v;
  }
  return "";
}

/** The newest catalog entries, for /changes: what was added, and whether it is released. */
export async function listNewModels(db: Db, limit = 12) {
  return db
    .select({
      slug: models.slug,
      name: models.name,
      status: models.status,
      developer: models.developer,
      createdAt: models.createdAt,
    })
    .from(models)
    .where(eq(models.kind, "model"))
    .orderBy(desc(models.createdAt), desc(models.id))
    .limit(limit);
}
