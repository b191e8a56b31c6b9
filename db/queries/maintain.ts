import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { isSlug } from "@/db/domain/ids";
import { diffSnapshots } from "@/db/domain/result";
import { claims, models, revisions, sources } from "@/db/schema";

/** Options for the editing forms' pickers. */
export async function listPickers(db: Db = defaultDb) {
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

export async function getSourceText(slug: string, db: Db = defaultDb) {
  if (!isSlug(slug)) return null;
  const [row] = await db
    .select({ id: sources.id, slug: sources.slug, title: sources.title, text: sources.text })
    .from(sources)
    .where(eq(sources.slug, slug));
  return row ?? null;
}

export async function getClaimForEdit(id: number, db: Db = defaultDb) {
  const [row] = await db.select().from(claims).where(eq(claims.id, id));
  return row ?? null;
}

/** An entity's history, newest first, each entry with its field-by-field diff. */
export async function getHistory(
  entityType: "claim" | "model" | "source",
  entityId: number,
  db: Db = defaultDb,
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
export async function listRecentChanges(limit = 100, db: Db = defaultDb) {
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
    label: describe(r.after as Record<string, unknown>),
    slug:
      typeof (r.after as { slug?: unknown }).slug === "string"
        ? (r.after as { slug: string }).slug
        : null,
    diff: r.before ? diffSnapshots(r.before, r.after) : [],
  }));
}

function describe(after: Record<string, unknown>): string {
  if (typeof after.valueText === "string") return after.valueText;
  if (typeof after.name === "string") return after.name;
  if (typeof after.title === "string") return after.title;
  return "";
}
