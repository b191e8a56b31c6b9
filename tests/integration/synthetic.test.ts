import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCatalogDrift } from "@/db/catalog-index";
import { parseCatalogQuery } from "@/db/domain/catalog-query";
import { queryCatalog } from "@/db/queries/catalog";
import { findBrokenQuotes, seed } from "@/seed/index";
import { addSyntheticCatalog } from "../bench/synthetic";
import { applyCatalogQuery, loadCatalog } from "../helpers/catalog-oracle";
import { createTestDb, type TestDb } from "../helpers/test-db";

/* The scale benchmark's generator keeps the product's rules, so what it measures is real. */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
});
afterAll(async () => t?.close());

describe("synthetic scale data", () => {
  it("quotes every value verbatim from a source marked synthetic, and the read model agrees", async () => {
    const made = await addSyntheticCatalog(t.db, 60);
    expect(made.models).toBe(60);
    expect(made.claims / made.models).toBeGreaterThan(12);
    expect(await findBrokenQuotes(t.db)).toEqual([]);
    expect(await findCatalogDrift(t.db)).toEqual([]);
    const { rows } = await loadCatalog(t.db);
    const synthetic = rows.filter((r) => r.slug.startsWith("synthetic-"));
    expect(synthetic).toHaveLength(60);
    for (const r of synthetic) {
      expect(r.cells.total_params?.sourceTitle).toMatch(/synthetic.*not real/i);
      // Licences come from the family, and say so.
      expect(r.cells.license?.viaFamily?.slug).toMatch(/^synthetic-family-/);
    }
  });

  it("is queried by the same SQL as the real catalog", async () => {
    for (const raw of [
      { q: "synthetic", sort: "total_params.desc", page: "2" },
      { arch: "moe", minContext: "128K", sort: "context_window.asc" },
      { family: "synthetic-family-00002", sort: "mmlu.desc" },
    ]) {
      const { query } = parseCatalogQuery(raw);
      const all = await loadCatalog(t.db);
      const want = applyCatalogQuery(all.rows, query, all.profiles);
      const got = await queryCatalog(t.db, query, 10);
      const page = got.page;
      expect(got.matched).toBe(want.rows.length);
      expect(got.rows.map((r) => r.slug)).toEqual(
        want.rows.slice((page - 1) * 10, page * 10).map((r) => r.slug),
      );
    }
  });
});
