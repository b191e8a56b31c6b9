/*
 * npm run bench:versions — how long adding a version takes, through the maintainer's code path
 * (addSourceVersion: append, re-anchor every live claim, log, refresh the read model), on a fresh
 * in-memory database seeded with the catalog. For the three sources most claims cite, two new
 * versions each: a line appended (every claim carried) and a line prepended (every claim moved).
 * A benchmark, not a test: the numbers go in BENCHMARKS.md.
 */
import { sql } from "drizzle-orm";
import { createDb, rowsOf } from "@/db/client";
import { addSourceVersion } from "@/db/queries/versions";
import { seed } from "@/seed/index";

const handle = createDb({ pgliteDir: "memory://" });
await handle.migrate();
await seed(handle.db);
const { db } = handle;
const top = rowsOf<{ slug: string; n: number; len: number }>(
  await db.execute(sql`select s.slug, count(c.id)::int as n, char_length(s.text)::int as len
    from sources s join claims c on c.source_id = s.id and c.retired_at is null
    group by s.id order by count(c.id) desc limit 3`),
);
console.log("| source | claims | characters | new version | outcome | ms |");
console.log("|---|---:|---:|---|---|---:|");
for (const s of top) {
  const [row] = rowsOf<{ text: string }>(
    await db.execute(sql`select text from sources where slug = ${s.slug}`),
  );
  const text = row?.text ?? "";
  for (const [label, next] of [
    ["a line appended", `${text}\nAppended.\n`],
    ["a line prepended", `Prepended.\n${text}\nAppended.\n`],
  ] as const) {
    const started = performance.now();
    const r = await addSourceVersion(
      db,
      { id: null, name: "bench" },
      { slug: s.slug, text: next, publishedOn: null },
    );
    const ms = performance.now() - started;
    if (!r.ok) throw new Error(r.error);
    const d = r.data;
    console.log(
      `| ${s.slug} | ${s.n} | ${s.len.toLocaleString("en-US")} | ${label} | ${d.carried} carried, ${d.moved} moved, ${d.proposed} proposed, ${d.orphaned} orphaned | ${ms.toFixed(0)} |`,
    );
  }
}
await handle.close();
