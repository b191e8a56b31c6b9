/*
 * Keeps catalog_rows (the catalog table's read model, see db/schema.ts) equal to what
 * db/domain/catalog.ts computes from the claims. Writers call refreshCatalogRows inside their own
 * transaction with the models they touched, so a reader never sees a claim and a cell disagree;
 * seed, import and migrate call rebuildCatalogRows. Not server-only: the CLI scripts use it too.
 */
import { isDeepStrictEqual } from "node:util";
import { asc, eq, sql } from "drizzle-orm";
import { type Db, intArray, rowsOf, type Tx } from "./client";
import { selectLiveClaims, selectWithAncestors } from "./columns";
import { buildIndexRows, type IndexRow } from "./domain/catalog-index";
import { type CatalogView, catalogRows, catalogViews, claims, models } from "./schema";

type Conn = Db | Tx;

/** Models per batch in a full rebuild: bounds memory at ~15 claims a model. */
const REBUILD_BATCH = 1000;
/** Rows per insert statement (23 parameters a row, well under Postgres's 65,535). */
const INSERT_BATCH = 250;

/** The ids given plus every model below them in the family tree (a family's edit reaches them). */
async function withDescendants(tx: Conn, ids: number[]): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`
      with recursive below(id) as (
        select id from models where id = any(${intArray(ids)}::int[])
        union
        select m.id from models m join below b on m.family_id = b.id
      )
      select id from below`),
  );
  return rows.map((r) => Number(r.id));
}

/** What the stored rows of these models should be, computed from the claims as they are now. */
export async function computeIndexRows(
  tx: Conn,
  modelIds: number[],
  views: readonly CatalogView[] = catalogViews,
): Promise<IndexRow[]> {
  if (modelIds.length === 0) return [];
  // Cell choice needs each model's whole family chain, for inherited values.
  const chain = await selectWithAncestors(tx, modelIds);
  const wanted = new Set(modelIds);
  const rows = buildIndexRows(
    chain,
    await selectLiveClaims(tx, { modelIds: chain.map((m) => m.id) }),
    views,
  );
  return rows.filter((r) => wanted.has(r.modelId));
}

async function insertRows(tx: Tx, rows: IndexRow[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx.insert(catalogRows).values(rows.slice(i, i + INSERT_BATCH));
}

async function replaceRows(tx: Tx, modelIds: number[]) {
  const rows = await computeIndexRows(tx, modelIds);
  await tx
    .delete(catalogRows)
    .where(sql`${catalogRows.modelId} = any(${intArray(modelIds)}::int[])`);
  await insertRows(tx, rows);
}

/**
 * Serialises writers of the read model until commit, so two concurrent edits of one model cannot
 * each store a row computed without the other's change. The lock is the data_version row: every
 * write to the catalog's tables already takes it (its bump trigger, drizzle/0004), so taking it
 * here too gives every writer one lock and one order: no deadlock between a rebuild and an edit.
 */
async function lockCatalogWrites(tx: Tx) {
  await tx.execute(sql`update data_version set version = version + 1, changed_at = now()`);
}

/** Recomputes the rows of these models and of every model below them. */
export async function refreshCatalogRows(tx: Tx, modelIds: number[]): Promise<void> {
  if (modelIds.length === 0) return;
  await lockCatalogWrites(tx);
  await replaceRows(tx, await withDescendants(tx, [...new Set(modelIds)]));
}

/** The models whose rows depend on a source (its title is shown in every cell citing it). */
export async function modelsCitingSource(tx: Conn, sourceId: number): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ id: claims.modelId })
    .from(claims)
    .where(eq(claims.sourceId, sourceId));
  return rows.map((r) => r.id);
}

/** Rebuilds the whole read model inside the caller's transaction (seed, import, migrate). */
export async function rebuildCatalogRows(tx: Tx): Promise<{ models: number; rows: number }> {
  await lockCatalogWrites(tx);
  await tx.delete(catalogRows);
  const all = await tx.select({ id: models.id }).from(models).orderBy(asc(models.id));
  let count = 0;
  for (let i = 0; i < all.length; i += REBUILD_BATCH) {
    const rows = await computeIndexRows(
      tx,
      all.slice(i, i + REBUILD_BATCH).map((m) => m.id),
    );
    await insertRows(tx, rows);
    count += rows.length;
  }
  return { models: all.length, rows: count };
}

/**
 * The models whose stored rows differ from a fresh computation (missing, extra or changed):
 * empty when the read model is sound. Seeding and the tests check it.
 */
export async function findCatalogDrift(db: Conn): Promise<string[]> {
  const stored = await db.select().from(catalogRows);
  const all = await db.select({ id: models.id, slug: models.slug }).from(models);
  const slugOf = new Map(all.map((m) => [m.id, m.slug]));
  const fresh = await computeIndexRows(
    db,
    all.map((m) => m.id),
  );
  const key = (r: { view: string; modelId: number }) => `${r.view}:${r.modelId}`;
  const want = new Map(fresh.map((r) => [key(r), r]));
  const have = new Map(stored.map((r) => [key(r), r]));
  const drift = new Set<number>();
  for (const [k, r] of want) {
    // Through JSON, as jsonb stores it: undefined members vanish, key order does not matter.
    const h = have.get(k);
    if (!h || !isDeepStrictEqual(JSON.parse(JSON.stringify(r)), JSON.parse(JSON.stringify(h))))
      drift.add(r.modelId);
  }
  for (const [k, r] of have) if (!want.has(k)) drift.add(r.modelId);
  return [...drift].map((id) => slugOf.get(id) ?? `#${id}`).sort();
}
