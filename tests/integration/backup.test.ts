import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMaintainer } from "@/db/accounts";
import { BackupError, exportCatalog, importCatalog } from "@/db/backup";
import { claims, models, revisions, sourceVersions } from "@/db/schema";
import { findBrokenQuotes, seed } from "@/seed/index";
import { createTestDb, type TestDb } from "../helpers/test-db";

let source: TestDb;
let target: TestDb;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDb(), createTestDb()]);
  await seed(source.db);
  // History beyond the seed: a maintainer's revision, and a family link created later.
  const m = await createMaintainer(source.db, "carol", "a long enough password");
  const [c] = await source.db.select().from(claims).where(eq(claims.seedKey, "claims.json#17"));
  await source.db
    .update(claims)
    .set({ note: "edited", revision: 2 })
    .where(eq(claims.id, c?.id ?? 0));
  await source.db.insert(revisions).values({
    entityType: "claim",
    entityId: c?.id ?? 0,
    revision: 2,
    action: "update",
    before: c,
    after: { ...c, note: "edited" },
    reason: "test",
    authorId: m.id,
    authorName: m.name,
  });
});
afterAll(async () => Promise.all([source?.close(), target?.close()]));

describe(`backup round trip (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("restores into an empty database with nothing lost or altered", async () => {
    const first = await exportCatalog(source.db);
    const [sourcesN, modelsN, claimsN] = [
      first.tables.sources.length,
      first.tables.models.length,
      first.tables.claims.length,
    ];
    expect(claimsN).toBeGreaterThan(1000);
    const created = first.tables.revisions.filter((r) => r.action === "create").length;
    expect(created).toBe(claimsN + sourcesN + modelsN);
    const revisionsN = first.tables.revisions.length;
    expect(first.tables.source_versions.length).toBeGreaterThan(sourcesN);
    // Through text, as the CLI writes it.
    const counts = await importCatalog(target.db, JSON.parse(JSON.stringify(first)));
    expect(counts).toEqual({
      maintainers: 1,
      sources: sourcesN,
      source_versions: first.tables.source_versions.length,
      models: modelsN,
      claims: claimsN,
      claim_reviews: first.tables.claim_reviews.length,
      revisions: revisionsN,
    });
    const second = await exportCatalog(target.db);
    expect(second.tables).toEqual(first.tables);
    expect(await findBrokenQuotes(target.db)).toEqual([]);
    // Identity sequences continue after the restored ids.
    const [m] = await target.db
      .insert(models)
      .values({ slug: "after-restore", name: "After", kind: "model", developer: "X" })
      .returning();
    expect(m?.id).toBe(modelsN + 1);
  });

  it("refuses to import over existing data, and refuses a file that is not a backup", async () => {
    const backup = await exportCatalog(source.db);
    await expect(importCatalog(source.db, backup)).rejects.toThrow(/not empty/);
    await expect(importCatalog(target.db, { format: "something else" } as never)).rejects.toThrow(
      BackupError,
    );
  });

  it("restores a backup made before source versions: each source becomes its version 1", async () => {
    const fresh = await (await import("../helpers/test-db")).createTestDb();
    try {
      const text = "Context length: 32,768 tokens.";
      const at = "2025-01-01T00:00:00.000Z";
      const v1 = {
        format: "open-weights-ledger/backup-v1",
        exportedAt: at,
        tables: {
          maintainers: [],
          sources: [
            {
              id: 1,
              slug: "old-card",
              title: "Old card",
              kind: "model_card",
              tier: "primary",
              text,
              text_sha256: "",
              revision: 1,
              created_at: at,
              updated_at: at,
            },
          ],
          models: [
            {
              id: 1,
              slug: "old-model",
              name: "Old",
              kind: "model",
              developer: "X",
              revision: 1,
              created_at: at,
              updated_at: at,
            },
          ],
          claims: [
            {
              id: 1,
              model_id: 1,
              field: "context_window",
              value_text: "32,768 tokens",
              value_num: 32768,
              unit: "tokens",
              provenance: "publisher",
              source_id: 1,
              quote: "32,768 tokens",
              quote_start: 16,
              quote_end: 29,
              author_name: "old",
              revision: 1,
              created_at: at,
              updated_at: at,
            },
          ],
          revisions: [],
        },
      };
      const counts = await importCatalog(fresh.db, v1 as never);
      expect(counts).toMatchObject({ sources: 1, claims: 1 });
      const versions = await fresh.db.select().from(sourceVersions);
      expect(versions.map((v) => [v.number, v.text])).toEqual([[1, text]]);
      const [claim] = await fresh.db.select().from(claims);
      expect(claim?.versionId).toBe(versions[0]?.id);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a backup whose source text is not its newest version, importing nothing", async () => {
    const fresh = await (await import("../helpers/test-db")).createTestDb();
    try {
      const backup = await exportCatalog(source.db);
      const versioned = backup.tables.source_versions.find((v) => Number(v.number) > 1);
      const row = backup.tables.sources.find((s) => s.id === versioned?.source_id) as {
        text: string;
      };
      row.text = `${row.text}\nTampered.`;
      await expect(importCatalog(fresh.db, backup)).rejects.toThrow(/not their newest version/);
      expect(await fresh.db.$count(sourceVersions)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a tampered backup whose quote no longer matches its source, importing nothing", async () => {
    const fresh = await (await import("../helpers/test-db")).createTestDb();
    try {
      const backup = await exportCatalog(source.db);
      (backup.tables.claims[0] as { quote: string }).quote = "a quote the source never said";
      await expect(importCatalog(fresh.db, backup)).rejects.toThrow();
      expect(await fresh.db.$count(claims)).toBe(0);
      expect(await fresh.db.$count(models)).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
