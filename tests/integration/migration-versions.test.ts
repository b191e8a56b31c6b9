import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";

/*
 * Upgrading a catalog that predates source versions (migration 0012): every source becomes its
 * own version 1, every claim cites it, and the text can then only change by adding a version.
 * PGlite only: the migration is the same SQL on PostgreSQL, which CI runs from scratch.
 */
const folder = new URL("../../drizzle/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "owl-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrating a catalog without versions", () => {
  it("makes each source its version 1 and each claim cite it", async () => {
    // The migrations as they stood before 0012.
    cpSync(folder, dir, { recursive: true });
    const journalPath = join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
      entries: { tag: string }[];
    };
    const at = journal.entries.findIndex((e) => e.tag.startsWith("0012_"));
    expect(at).toBeGreaterThan(0);
    writeFileSync(
      journalPath,
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }),
    );
    const client = new PGlite();
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: dir });
    const text = "The model supports a context length of 131,072 tokens.";
    await client.exec(`
      insert into sources (slug, title, kind, tier, text, published_on, commit)
        values ('old-card', 'Old card', 'model_card', 'primary', '${text}', '2025-01-02', 'abc');
      insert into models (slug, name, kind, developer) values ('old-model', 'Old', 'model', 'X');
      insert into claims (model_id, field, value_text, value_num, unit, provenance, source_id, quote, quote_start, quote_end, author_name)
        select m.id, 'context_window', '131,072 tokens', 131072, 'tokens', 'publisher', s.id,
               '131,072 tokens', ${text.indexOf("131,072")}, ${text.indexOf("131,072") + 14}, 'old'
          from models m, sources s;
    `);
    await migrate(db, { migrationsFolder: folder });
    const versions = await client.query<{
      number: number;
      text: string;
      commit: string;
      published_on: string;
      text_sha256: string;
    }>("select number, text, commit, published_on::text, text_sha256 from source_versions");
    expect(versions.rows).toHaveLength(1);
    expect(versions.rows[0]).toMatchObject({
      number: 1,
      text,
      commit: "abc",
      published_on: "2025-01-02",
    });
    expect(versions.rows[0]?.text_sha256).toMatch(/^[0-9a-f]{64}$/);
    const claims = await client.query<{ version_id: number }>("select version_id from claims");
    const ids = await client.query<{ id: number }>("select id from source_versions");
    expect(claims.rows[0]?.version_id).toBe(ids.rows[0]?.id);
    await expect(client.exec("update sources set text = 'changed'")).rejects.toThrow(
      /adding a version/,
    );
    // A new version through SQL: numbered 2, mirrored onto the source; the claim keeps version 1.
    await client.exec(
      `insert into source_versions (source_id, number, text) select id, 0, '${text} Now also 262,144.' from sources`,
    );
    const after = await client.query<{ text: string }>("select text from sources");
    expect(after.rows[0]?.text).toContain("262,144");
    const numbers = await client.query<{ number: number }>(
      "select number from source_versions order by number",
    );
    expect(numbers.rows.map((r) => r.number)).toEqual([1, 2]);
    await client.close();
  });
});
