import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { createModelSchema, createSourceSchema } from "@/db/domain/edit-schemas";
import { INT4_MAX, isSlug, LENGTHS, MODEL_SLUG, parseId, SOURCE_SLUG } from "@/db/domain/rules";
import { models, sources } from "@/db/schema";
import { createTestDb, type TestDb } from "../helpers/test-db";

class Rollback extends Error {}

/*
 * db/domain/rules.ts is the one statement of what a slug, an id or a length may be. The database
 * says it again in CHECK constraints; these tests hold the two equal, by definition and by what
 * each accepts.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function constraint(name: string): Promise<string> {
  const [row] = rowsOf<{ def: string }>(
    await t.db.execute(
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`,
    ),
  );
  if (!row) throw new Error(`no constraint ${name}`);
  return row.def;
}

describe("the database's CHECKs say what rules.ts says", () => {
  it.each([
    ["models_slug_format", `'${MODEL_SLUG.source}'`],
    ["sources_slug_format", `'${SOURCE_SLUG.source}'`],
    ["models_slug_length", `<= ${LENGTHS.slug})`],
    ["sources_slug_length", `<= ${LENGTHS.slug})`],
    ["models_name_length", `<= ${LENGTHS.modelName})`],
    ["models_developer_length", `<= ${LENGTHS.developer})`],
    ["sources_title_length", `<= ${LENGTHS.sourceTitle})`],
    ["sources_text_length", `<= ${LENGTHS.sourceText})`],
    ["claims_quote_length", `<= ${LENGTHS.quote})`],
    ["claims_value_text_length", `<= ${LENGTHS.valueText})`],
    ["claims_label_length", `<= ${LENGTHS.label})`],
    ["claims_settings_length", `<= ${LENGTHS.settings})`],
  ])("%s contains %s", async (name, expected) => {
    expect(await constraint(name)).toContain(expected);
  });

  const slugs = [
    "qwen2.5-72b",
    "gpt-oss-20b",
    "a",
    "a".repeat(LENGTHS.slug),
    "a".repeat(LENGTHS.slug + 1),
    "Qwen",
    "-lead",
    "trail-",
    "two--hyphens",
    "dot.",
    "x_y",
    "ünï",
  ];

  /** Whether the database stores this slug (the row is removed again). */
  async function databaseAccepts(table: "models" | "sources", slug: string): Promise<boolean> {
    try {
      await t.db.transaction(async (tx) => {
        if (table === "models")
          await tx.insert(models).values({ slug, name: "x", kind: "model", developer: "x" });
        else
          await tx
            .insert(sources)
            .values({ slug, title: "x", kind: "docs", tier: "primary", text: "x" });
        throw new Rollback();
      });
    } catch (err) {
      if (err instanceof Rollback) return true;
      return false;
    }
    return true;
  }

  it.each(slugs)("model slug %s: zod, the URL rule and the database agree", async (slug) => {
    const zod = createModelSchema.shape.slug.safeParse(slug);
    const accepted = zod.success && zod.data === slug;
    expect(isSlug(slug)).toBe(accepted);
    expect(await databaseAccepts("models", slug)).toBe(accepted);
  });

  it.each(slugs)("source slug %s: zod and the database agree", async (slug) => {
    const zod = createSourceSchema.shape.slug.safeParse(slug);
    const accepted = zod.success && zod.data === slug;
    expect(await databaseAccepts("sources", slug)).toBe(accepted);
  });

  it("ids stop at the int4 columns' maximum", async () => {
    expect(parseId(String(INT4_MAX))).toBe(INT4_MAX);
    expect(parseId(String(INT4_MAX + 1))).toBeNull();
    // Every id and revision column is int4, so INT4_MAX is their bound.
    const rows = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
      await t.db.execute(sql`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name <> 'data_version'
          and (column_name in ('id', 'revision') or column_name like '%\_id')`),
    );
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) expect(r.data_type, `${r.table_name}.${r.column_name}`).toBe("integer");
  });
});
