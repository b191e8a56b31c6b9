import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { findCatalogDrift, rebuildCatalogRows } from "@/db/catalog-index";
import type { Db, Tx } from "@/db/client";
import {
  addSourceVersionIn,
  newestVersion,
  reanchorOnto,
  type VersionReport,
} from "@/db/queries/versions";
import {
  type Claim,
  claims,
  models,
  revisions,
  type Snapshot,
  sources,
  sourceVersions,
} from "@/db/schema";
import { buildSeedCatalog, type SeedCatalog } from "./build";
import type { VersionSeed } from "./histories";
import type { SourceSeed } from "./sources";

export const SEED_AUTHOR = "seed import";

export type SeedReport = {
  sources: number;
  models: number;
  claims: number;
  skipped: number;
  /** Per appended version of a stored history, what re-anchoring did. */
  reanchored: VersionReport[];
};

async function appendVersion(
  tx: Tx,
  slug: string,
  v: Pick<VersionSeed, "text" | "url" | "commit" | "publishedOn">,
): Promise<VersionReport> {
  const r = await addSourceVersionIn(
    tx,
    { id: null, name: SEED_AUTHOR },
    { slug, ...v, retrievedOn: null },
  );
  if (!r.ok) throw new Error(`${slug}: a stored version was refused: ${r.error}`);
  return r.data;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Loads the reviewed corpus. Idempotent: rows that exist (by slug / seed key) are left alone, so
 * maintainers' later edits survive a re-seed. Every row it creates gets a "create" revision.
 */
export async function seed(db: Db, catalog: SeedCatalog = buildSeedCatalog()): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    const report: SeedReport = { sources: 0, models: 0, claims: 0, skipped: 0, reanchored: [] };
    const log: (typeof revisions.$inferInsert)[] = [];
    const created = (
      entityType: "source" | "model" | "claim",
      row: { id: number },
      after: Snapshot,
    ) =>
      log.push({
        entityType,
        entityId: row.id,
        revision: 1,
        action: "create",
        after,
        authorName: SEED_AUTHOR,
      });

    // A source with a history is created as its first version, then given each later one.
    const firstOf = (s: SourceSeed) => {
      const first = s.history ? (s.history.earlier[0] ?? s.history.placed) : null;
      return first
        ? {
            ...s,
            text: first.text,
            url: first.url,
            publishedOn: first.publishedOn,
            commit: first.commit,
          }
        : s;
    };
    const createdSlugs = new Set<string>();
    for (const batch of chunks(catalog.sources, 20)) {
      const inserted = await tx
        .insert(sources)
        .values(batch.map((s) => firstOf(s)).map(({ file: _file, history: _h, ...s }) => s))
        .onConflictDoNothing({ target: sources.slug })
        .returning();
      for (const row of inserted) createdSlugs.add(row.slug);
      for (const row of inserted)
        created("source", row, {
          ...row,
          text: `(${row.text.length} characters, sha256 ${row.textSha256})`,
        });
      report.sources += inserted.length;
    }
    const histories = catalog.sources.filter((s) => s.history && createdSlugs.has(s.slug));
    for (const s of histories) {
      const h = s.history as NonNullable<SourceSeed["history"]>;
      if (h.earlier.length > 0)
        for (const v of [...h.earlier.slice(1), h.placed]) await appendVersion(tx, s.slug, v);
      // Version 1 took the address of its commit; the source keeps the document's own address.
      await tx.update(sources).set({ url: s.url }).where(eq(sources.slug, s.slug));
    }
    const existingSources = await tx
      .select({ id: sources.id, slug: sources.slug, sha: sources.textSha256 })
      .from(sources);
    const sourceId = new Map(existingSources.map((s) => [s.slug, s.id]));

    const insertedModels = await tx
      .insert(models)
      .values(catalog.models.map(({ family: _f, org: _o, ...m }) => m))
      .onConflictDoNothing({ target: models.slug })
      .returning();
    report.models = insertedModels.length;
    const allModels = await tx.select({ id: models.id, slug: models.slug }).from(models);
    const modelId = new Map(allModels.map((m) => [m.slug, m.id]));
    for (const m of catalog.models) {
      if (!m.family) continue;
      const id = modelId.get(m.slug) as number;
      const familyId = modelId.get(m.family);
      if (familyId === undefined)
        throw new Error(`model ${m.slug}: family ${m.family} is not in the catalog`);
      // Only fill a missing family link: a maintainer may have moved the model since.
      await tx
        .update(models)
        .set({ familyId })
        .where(sql`${models.id} = ${id} and ${models.familyId} is null`);
    }
    const familyOf = new Map(
      catalog.models.map((m) => [m.slug, m.family ? (modelId.get(m.family) ?? null) : null]),
    );
    for (const row of insertedModels)
      created("model", row, { ...row, familyId: familyOf.get(row.slug) ?? null });

    // Claims already present are skipped before the insert: the quote check runs before a
    // conflict is noticed, and a source may have newer versions than the one a claim was read on.
    const present = new Set(
      (
        await tx
          .select({ key: claims.seedKey })
          .from(claims)
          .where(sql`${claims.seedKey} is not null`)
      ).map((r) => r.key),
    );
    const fresh = catalog.claims.filter((c) => !present.has(c.seedKey));
    const insertedClaims: Claim[] = [];
    report.skipped += catalog.claims.length - fresh.length;
    // Each claim cites the stored version whose text is the one it was reviewed on (the seed's
    // text of its source), found by hash: on a fresh database that is the newest version; on one
    // where a maintainer has added versions since, the claim is re-anchored onto the newest below.
    const readOn = new Map<string, { id: number; newest: boolean }>();
    const citedSlugs = [...new Set(fresh.map((c) => c.source))];
    const stored =
      citedSlugs.length === 0
        ? []
        : await tx
            .select({ slug: sources.slug, id: sourceVersions.id, sha: sourceVersions.textSha256 })
            .from(sourceVersions)
            .innerJoin(sources, eq(sources.id, sourceVersions.sourceId))
            .where(inArray(sources.slug, citedSlugs))
            .orderBy(sourceVersions.number);
    for (const slug of citedSlugs) {
      const seedText = catalog.sources.find((s) => s.slug === slug)?.text;
      if (seedText === undefined) throw new Error(`claims cite ${slug}, which the seed lacks`);
      const sha = createHash("sha256").update(seedText, "utf8").digest("hex");
      const versions = stored.filter((v) => v.slug === slug);
      const match = versions.findLast((v) => v.sha === sha);
      if (!match)
        throw new Error(
          `source ${slug}: the seed's text is none of its stored versions; add it with npm run source:update first`,
        );
      readOn.set(slug, { id: match.id, newest: match === versions[versions.length - 1] });
    }
    for (const batch of chunks(fresh, 100)) {
      const inserted = await tx
        .insert(claims)
        .values(
          batch.map(({ model, source, ...c }) => {
            const mid = modelId.get(model);
            const sid = sourceId.get(source);
            if (mid === undefined || sid === undefined)
              throw new Error(`claim ${c.seedKey}: unknown model or source`);
            return {
              ...c,
              modelId: mid,
              sourceId: sid,
              authorName: SEED_AUTHOR,
              versionId: readOn.get(source)?.id,
            };
          }),
        )
        .onConflictDoNothing({ target: claims.seedKey })
        .returning();
      for (const row of inserted) created("claim", row, row);
      insertedClaims.push(...inserted);
      report.claims += inserted.length;
    }

    for (const batch of chunks(log, 200)) await tx.insert(revisions).values(batch);
    // New claims on a source that has moved on since its seed text: re-anchored as a new
    // version would, so none is left behind without a review.
    for (const [slug, at] of readOn) {
      if (at.newest) continue;
      const sid = sourceId.get(slug) as number;
      const newest = await newestVersion(tx, sid);
      const mine = insertedClaims.filter((c) => c.sourceId === sid);
      if (newest && mine.length > 0)
        report.reanchored.push(
          await reanchorOnto(tx, { id: null, name: SEED_AUTHOR }, { id: sid, slug }, newest, mine),
        );
    }
    // The versions after the one the claims were read on, re-anchoring them as a maintainer's
    // update would: what cannot be carried waits in the review queue.
    for (const s of histories)
      for (const v of s.history?.later ?? [])
        report.reanchored.push(await appendVersion(tx, s.slug, v));
    await rebuildCatalogRows(tx);
    return report;
  });
}

/** Every stored quote, re-checked in SQL against its version (the trigger checked on write). */
export async function findBrokenQuotes(db: Db) {
  return db
    .select({ id: claims.id, sourceId: claims.sourceId })
    .from(claims)
    .innerJoin(sourceVersions, eq(sourceVersions.id, claims.versionId))
    .where(
      sql`${sourceVersions.sourceId} <> ${claims.sourceId} or substring(${sourceVersions.text} from ${claims.quoteStart} + 1 for ${claims.quoteEnd} - ${claims.quoteStart}) is distinct from ${claims.quote}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dbHandle } = await import("@/db/index");
  const started = Date.now();
  try {
    const report = await seed(dbHandle.db);
    const broken = await findBrokenQuotes(dbHandle.db);
    if (broken.length > 0)
      throw new Error(`${broken.length} stored quotes do not match their sources`);
    const drift = await findCatalogDrift(dbHandle.db);
    if (drift.length > 0)
      throw new Error(`catalog rows disagree with the claims for: ${drift.join(", ")}`);
    console.log(
      `seeded (${dbHandle.driver}) in ${Date.now() - started} ms: +${report.sources} sources, +${report.models} models, +${report.claims} claims (${report.skipped} already present); every stored quote matches its source, every catalog row its claims`,
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await dbHandle.close();
  }
}
