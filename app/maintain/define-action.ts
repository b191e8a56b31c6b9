import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type Db, db } from "@/db";
import type { Maintainer } from "@/db/accounts";
import { applyChoices, rebase } from "@/db/domain/rebase";
import type { ActionResult } from "@/db/domain/result";
import { currentMaintainer } from "@/db/queries/session";

/**
 * Every maintainer action: (1) who is asking — checked here, inside the action, never only in a
 * proxy; (2) parse the form with zod on the server; (3) run the write; (4) drop the browser's
 * router cache. Returns the write's ActionResult unchanged.
 */
export function maintainerAction<S extends z.ZodType, T>(
  schema: S,
  run: (db: Db, actor: Maintainer, input: z.infer<S>) => Promise<ActionResult<T>>,
  /** A read-only action (the importer's proposal) changes no page: nothing to refresh. */
  options: { writes: boolean } = { writes: true },
) {
  return async (_prev: unknown, formData: FormData): Promise<ActionResult<T>> => {
    // Lone surrogates cannot be stored as UTF-8; they become U+FFFD, as a browser would send them.
    const values = Object.fromEntries(
      [...formData.entries()]
        .filter(
          (e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$ACTION"),
        )
        .map(([k, v]) => [k, v.toWellFormed()]),
    );
    const actor = await currentMaintainer();
    if (!actor)
      return {
        ok: false,
        error: "Only signed-in maintainers can edit the catalog. Sign in and try again.",
        values,
      };
    const problem = refuseUnstorable(values);
    if (problem) return { ...problem, values };
    // A re-based form (after a conflict) says for each field both maintainers changed whose value
    // to keep; until every one is chosen, nothing is saved.
    const chosen = applyChoices(values);
    if (chosen.undecided.length > 0)
      return {
        ok: false,
        error:
          "You and another maintainer both changed the marked fields: choose which value to keep.",
        fieldErrors: Object.fromEntries(
          chosen.undecided.map((k) => [k, ["Changed by both of you: choose which value to keep."]]),
        ),
        values,
      };
    const parsed = schema.safeParse(chosen.values);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, error: "Please fix the highlighted fields.", fieldErrors, values };
    }
    const result = await run(db, actor, parsed.data);
    if (!result.ok) {
      if (!result.conflict?.theirs) return { ...result, values };
      // Re-based field by field onto the newer revision: their changes are taken, yours kept, and
      // fields you both changed are marked to choose. The snapshots themselves stay on the server.
      const { base, theirs, ...conflict } = result.conflict;
      const rebased = rebase(chosen.values, base ?? {}, theirs);
      return {
        ...result,
        conflict,
        values: { ...rebased.values, baseRevision: String(conflict.currentRevision) },
      };
    }
    // The server keeps no Next cache entries (pages render per request or come from the proxy's
    // page cache, which the data version empties). What remains is the client router cache of the
    // maintainer's browser, which this one call clears after a server action.
    if (options.writes) revalidatePath("/", "layout");
    return result;
  };
}

const REPLACEMENT = "\uFFFD";
const KEEP_REPLACEMENT = "keepReplacementCharacters";

/**
 * Text Postgres cannot store (NUL) is refused by field. U+FFFD is what invalid UTF-8 (or a lone
 * surrogate) becomes on the way in: the maintainer is warned and must confirm before it is stored.
 */
function refuseUnstorable(
  values: Record<string, string>,
): Extract<ActionResult, { ok: false }> | null {
  const withNul = Object.keys(values).filter((k) => values[k]?.includes("\u0000"));
  if (withNul.length > 0)
    return {
      ok: false,
      error: "Please fix the highlighted fields.",
      fieldErrors: Object.fromEntries(
        withNul.map((k) => [k, ["Contains a NUL character, which cannot be stored."]]),
      ),
    };
  const replaced = Object.keys(values).filter((k) => values[k]?.includes(REPLACEMENT));
  if (replaced.length > 0 && values[KEEP_REPLACEMENT] !== "on")
    return {
      ok: false,
      error:
        "Some text contains U+FFFD (�), the mark left where text was not valid UTF-8: characters may have been lost. Fix it, or confirm to store it as it is.",
      fieldErrors: Object.fromEntries(
        replaced.map((k) => [k, ["Contains U+FFFD (�): text may have been lost here."]]),
      ),
      confirm: { name: KEEP_REPLACEMENT, label: "Store the � characters as they are" },
    };
  return null;
}
