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
import { z } from "zod";
import { addVersionSchema } from "../domain/edit-schemas";
import { dbHandle } from "../index";
import { addSourceVersion } from "../queries/versions";
import { maintainerNamed, readText } from "./cli-input";

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
  const actor = await maintainerNamed(dbHandle.db, values.as, `adds this version\n${USAGE}`);
  // The form's own schema: the same limits, messages and line-ending rule.
  const parsed = addVersionSchema.safeParse({
    slug,
    text: readText(file, "the new version"),
    url: values.url ?? "",
    commit: values.commit ?? "",
    publishedOn: values.date ?? "",
    note: values.note ?? "",
  });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const r = await addSourceVersion(dbHandle.db, actor, parsed.data);
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
