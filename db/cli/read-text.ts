import { readFileSync, statSync } from "node:fs";
import { LENGTHS } from "../domain/rules";

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
