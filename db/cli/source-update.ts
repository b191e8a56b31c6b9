/*
 * npm run source:update -- <slug> <file> --as <maintainer> [--url <address>] [--commit <sha>]
 *                          [--date YYYY-MM-DD] [--note <text>]
 *
 * Adds <file> as the newest version of source <slug> and re-anchors every claim that cites it,
 * in one transaction (db/queries/versions.ts, the code path of the maintainer form). Prints what
 * was carried, moved, proposed and orphaned; proposed and orphaned claims wait in the review queue
 * at /maintain/review. Refuses, storing nothing: a text identical to the newest version, a file
 * over the size limit or not valid UTF-8, a date before the newest version's.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { parseIsoDate } from "../domain/values";
import { dbHandle } from "../index";
import { addSourceVersion } from "../queries/versions";
import { maintainers } from "../schema";
import { readText } from "./read-text";

const USAGE =
  "usage: npm run source:update -- <slug> <file> --as <maintainer> [--url <address>] [--commit <sha>] [--date YYYY-MM-DD] [--note <text>]";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      as: { type: "string" },
      url: { type: "string" },
      commit: { type: "string" },
      date: { type: "string" },
      note: { type: "string" },
    },
  });
  const [slug, file] = positionals;
  if (!slug || !file || positionals.length > 2) throw new Error(USAGE);
  if (!values.as) throw new Error(`--as <maintainer>: who adds this version\n${USAGE}`);
  if (values.url && !/^https?:\/\//.test(values.url))
    throw new Error(`--url ${values.url}: an http(s) address`);
  if (values.date && !parseIsoDate(values.date))
    throw new Error(`--date ${values.date}: a date as YYYY-MM-DD`);
  // As the form does: Windows line endings would make every line differ from the last version.
  const text = readText(file, "the new version").replaceAll("\r\n", "\n");
  const { db } = dbHandle;
  const [actor] = await db
    .select({ id: maintainers.id, name: maintainers.name })
    .from(maintainers)
    .where(eq(maintainers.name, values.as));
  if (!actor) throw new Error(`no maintainer named '${values.as}' (npm run maintainer:add)`);
  const r = await addSourceVersion(db, actor, {
    slug,
    text,
    url: values.url ?? null,
    commit: values.commit ?? null,
    publishedOn: values.date ?? null,
    note: values.note ?? null,
  });
  if (!r.ok) throw new Error(r.error);
  const v = r.data;
  console.log(
    `${v.slug}: version ${v.number} added — ${v.carried} claims carried, ${v.moved} moved, ${v.proposed} proposed, ${v.orphaned} orphaned`,
  );
  if (v.waiting.length > 0)
    console.log(`${v.waiting.length} claims wait for review at /maintain/review?source=${v.slug}`);
}

try {
  await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await dbHandle.close();
}
