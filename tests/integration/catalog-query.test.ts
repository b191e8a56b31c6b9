import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMaintainer, type Maintainer } from "@/db/accounts";
import { findCatalogDrift } from "@/db/catalog-index";
import { COLUMN_KEYS } from "@/db/domain/catalog";
import { type CatalogQuery, parseCatalogQuery } from "@/db/domain/catalog-query";
import { queryAllCatalogRows, queryCatalog } from "@/db/queries/catalog";
import * as edits from "@/db/queries/edits";
import { claims, models } from "@/db/schema";
import { seed } from "@/seed/index";
import { applyCatalogQuery, loadCatalog } from "../helpers/catalog-oracle";
import { createTestDb, type TestDb } from "../helpers/test-db";

/*
 * The catalog filters, sorts and pages in SQL over a read model (catalog_rows). The in-memory
 * definition (applyCatalogQuery over buildCatalogRows) is the specification: these tests hold
 * the database to it, and check the read model follows every kind of edit.
 */

let t: TestDb;
let alice: Maintainer;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
  alice = await createMaintainer(t.db, "alice", "a long enough password");
});
afterAll(async () => t?.close());

const EMPTY: CatalogQuery = parseCatalogQuery({}).query;

async function oracle(query: CatalogQuery) {
  const { rows, profiles } = await loadCatalog(t.db, { provenance: query.provenance });
  return { ...applyCatalogQuery(rows, query, profiles), total: rows.length };
}

describe("the catalog's SQL", () => {
  it("seeds a read model equal to the claims", async () => {
    expect(await findCatalogDrift(t.db)).toEqual([]);
    const page = await queryCatalog(t.db, EMPTY);
    expect(page.total).toBeGreaterThan(20);
    // The first page, as the specification orders every row.
    const all = (await oracle(EMPTY)).rows.map((r) => r.slug);
    expect(page.total).toBe(all.length);
    expect(page.rows.map((r) => r.slug)).toEqual(all.slice(0, page.rows.length));
  });

  it("filters, sorts and counts exactly as the specification, for any query (fast-check)", async () => {
    const { rows, models: all } = await loadCatalog(t.db);
    // Each filter set one time in five, so combinations still match models.
    const pick = <T>(xs: T[]) =>
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 4 },
        { arbitrary: fc.constantFrom(...xs), weight: 1 },
      );
    const query = fc.record<CatalogQuery>({
      q: pick(["gpt", "qwen", "3", "apache", "meta", "-", "b ", "zz", "Mistral"]),
      family: pick([...all.filter((m) => m.kind === "family").map((m) => m.slug), "no-such"]),
      developer: pick([...new Set(rows.map((r) => r.developer)), "Nobody"]),
      license: pick([...new Set(rows.flatMap((r) => r.licenseName ?? [])), "Other"]),
      arch: pick(["moe", "dense"] as const),
      provenance: pick(["publisher", "third_party"] as const),
      minParams: pick([1e9, 7e9, 30e9, 120e9]),
      maxParams: pick([8e9, 70e9, 700e9]),
      minContext: pick([8192, 32768, 131072]),
      fitsGb: pick([2, 16, 24, 80, 200]),
      fitsContext: pick([1, 4096, 131072, 1_000_000]),
      fitsFormat: pick(["BF16", "FP8", "INT4", "MXFP4"] as const),
      status: pick(["released", "announced"] as const),
      releasedWithin: pick([3, 6, 12] as const),
      sort: fc.option(
        fc.record({
          column: fc.constantFrom("name" as const, ...COLUMN_KEYS),
          desc: fc.boolean(),
        }),
        { nil: null },
      ),
      hidden: fc.constant([]),
      page: fc.constant(null),
    });
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 1, max: 6 }), async (q, perPage) => {
        const want = await oracle(q);
        const got = await queryAllCatalogRows(t.db, q);
        expect(got.map((r) => r.slug)).toEqual(want.rows.map((r) => r.slug));
        // A page is the same slice of the same order, with the same counts.
        const pageCount = Math.max(1, Math.ceil(want.rows.length / perPage));
        const page = 1 + ((want.rows.length * 7) % pageCount);
        const paged = await queryCatalog(t.db, { ...q, page }, perPage);
        expect(paged.page).toBe(page);
        expect(paged.pageCount).toBe(pageCount);
        expect(paged.matched).toBe(want.rows.length);
        expect(paged.excludedUnknown).toBe(want.excludedUnknown);
        expect(paged.total).toBe(want.total);
        expect(paged.rows.map((r) => r.slug)).toEqual(
          want.rows.slice((page - 1) * perPage, page * perPage).map((r) => r.slug),
        );
        if (want.rows.length > 0) nonEmpty++;
      }),
      { numRuns: 250, seed: 20261123 },
    );
    // The generator must reach real results, or the property says little.
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it("shows the last page for a page past the end, never an empty table", async () => {
    const r = await queryCatalog(t.db, { ...EMPTY, page: 999 }, 10);
    expect(r.page).toBe(r.pageCount);
    expect(r.rows.length).toBeGreaterThan(0);
  });
});

describe("the read model follows every edit", () => {
  const cellOf = async (slug: string, column: (typeof COLUMN_KEYS)[number]) => {
    const rows = await queryAllCatalogRows(t.db, { ...EMPTY, q: slug });
    return rows.find((r) => r.slug === slug)?.cells[column];
  };

  it("a family's claim edited reaches every member that inherits it, in the same transaction", async () => {
    const { rows } = await loadCatalog(t.db);
    const inheriting = rows.find((r) => Object.values(r.cells).some((c) => c?.viaFamily));
    expect(inheriting, "the seed has a model with a family value").toBeDefined();
    const [column, cell] = Object.entries(inheriting?.cells ?? {}).find(
      ([, c]) => c?.viaFamily,
    ) as [
      (typeof COLUMN_KEYS)[number],
      NonNullable<(typeof rows)[number]["cells"][(typeof COLUMN_KEYS)[number]]>,
    ];
    const [claim] = await t.db.select().from(claims).where(eq(claims.id, cell.claimId));
    if (!claim) throw new Error("claim missing");
    const note = "Checked against the read model.";
    const r = await edits.updateClaim(t.db, alice, {
      id: claim.id,
      baseRevision: claim.revision,
      field: claim.field,
      label: claim.label,
      settings: claim.settings,
      variant: claim.variant,
      condition: claim.condition,
      valueText: claim.valueText,
      valueNum: claim.valueNum,
      unit: claim.unit,
      valueDate: claim.valueDate,
      qualifier: claim.qualifier,
      provenance: claim.provenance,
      note,
      sourceId: claim.sourceId,
      quote: claim.quote,
      reason: "read-model test",
    });
    expect(r.ok).toBe(true);
    // Retiring the family's claim takes the value off every member that had only that one.
    const [now] = await t.db.select().from(claims).where(eq(claims.id, claim.id));
    const retired = await edits.retireClaim(t.db, alice, {
      id: claim.id,
      baseRevision: now?.revision ?? 0,
      reason: "read-model test",
    });
    expect(retired.ok).toBe(true);
    expect((await cellOf(inheriting?.slug ?? "", column))?.claimId).not.toBe(claim.id);
    expect(await findCatalogDrift(t.db)).toEqual([]);
  });

  it("moving a model to another family and renaming it refreshes its row", async () => {
    const [model] = await t.db
      .select()
      .from(models)
      .where(and(eq(models.kind, "model"), eq(models.slug, "gpt-oss-20b")));
    if (!model) throw new Error("seed model missing");
    const r = await edits.updateModel(t.db, alice, {
      id: model.id,
      baseRevision: model.revision,
      slug: model.slug,
      name: "gpt-oss-20b (renamed)",
      kind: "model",
      familyId: undefined,
      developer: model.developer,
      description: model.description,
      status: "announced",
      reason: "read-model test",
    });
    expect(r.ok).toBe(true);
    const rows = await queryAllCatalogRows(t.db, { ...EMPTY, q: "renamed" });
    expect(rows.map((x) => [x.slug, x.family])).toEqual([["gpt-oss-20b", null]]);
    // Its status moved with it: the announced filter finds it, the released one does not.
    const announced = await queryAllCatalogRows(t.db, { ...EMPTY, status: "announced" });
    expect(announced.map((x) => x.slug)).toContain("gpt-oss-20b");
    const released = await queryAllCatalogRows(t.db, { ...EMPTY, status: "released" });
    expect(released.map((x) => x.slug)).not.toContain("gpt-oss-20b");
    expect(await findCatalogDrift(t.db)).toEqual([]);
  });

  it("reports drift when the read model is tampered with", async () => {
    await t.db.execute(`update catalog_rows set total_params = 1 where slug = 'gpt-oss-120b'`);
    expect(await findCatalogDrift(t.db)).toEqual(["gpt-oss-120b"]);
  });
});
