import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCatalogQuery } from "@/db/domain/catalog-query";
import { getCatalogRowsBySlugs, queryAllCatalogRows } from "@/db/queries/catalog";
import { seed } from "@/seed/index";
import { createTestDb, type TestDb } from "../helpers/test-db";

/* Issue 13's "done means", held on the seeded catalog as the table and API read it. */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
});
afterAll(async () => t?.close());

const row = async (slug: string) => {
  const [r] = await getCatalogRowsBySlugs(t.db, [slug]);
  if (!r) throw new Error(`no row ${slug}`);
  return r;
};

describe("the catalog compares like with like", () => {
  it("DeepSeek-V3's row shows the chat model's MMLU, not the base model's", async () => {
    const mmlu = (await row("deepseek-v3")).cells.mmlu;
    expect(mmlu).toMatchObject({ text: "88.5", variant: "instruct", differs: false });
  });

  it("Qwen3-235B-A22B shows its native context, the YaRN length as the extended line", async () => {
    const context = (await row("qwen3-235b-a22b")).cells.context_window;
    expect(context).toMatchObject({ text: "32,768", condition: "native", differs: false });
    expect(context?.extended?.text).toMatch(/131,072/);
  });

  it("a family's benchmark score is not shown on its members' rows", async () => {
    for (const slug of ["apertus-8b", "apertus-70b"])
      expect((await row(slug)).cells.mmlu, slug).toBeUndefined();
  });

  it("no cell is flagged as differing from a claim about another variant or condition", async () => {
    const rows = await queryAllCatalogRows(t.db, parseCatalogQuery({}).query);
    const flagged = rows.flatMap((r) =>
      Object.entries(r.cells)
        .filter(([, c]) => c.differs)
        .map(([column]) => `${r.slug} ${column}`),
    );
    // What remains flagged are real disagreements about the same thing (e.g. gpt-oss-120b's
    // 117B against a press "120 billion" stated as exact).
    for (const f of flagged) expect(f).not.toMatch(/mmlu|context_window/);
  });
});
