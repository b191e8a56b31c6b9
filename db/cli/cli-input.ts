import { readFileSync, statSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { LENGTHS } from "../domain/rules";
import { maintainers } from "../schema";

/** What the command-line tools read: files as strict UTF-8, and who is writing. */

/** Reads a file as UTF-8 for the command-line tools: too large or invalid UTF-8 is refused. */
export function readText(path: string, what: string): string {
  const size = statSync(path).size;
  // Characters are at most 4 bytes: anything over this cannot be within the limit.
  if (size > LENGTHS.sourceText * 4) {
    throw new Error(
      `${what} ${path} is ${size.toLocaleString("en-US")} bytes: over the source size limit`,
    );
  }
  const bytes = readFileSync(path);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${what} ${path} is not valid UTF-8`);
  }
}

/** The maintainer a command-line write is attributed to (`--as <name>`). */
export async function maintainerNamed(db: Db, name: string | undefined, what: string) {
  if (!name) throw new Error(`--as <maintainer>: who ${what}`);
  const [actor] = await db
    .select({ id: maintainers.id, name: maintainers.name })
    .from(maintainers)
    .where(eq(maintainers.name, name));
  if (!actor) throw new Error(`no maintainer named '${name}' (npm run maintainer:add)`);
  return actor;
}
