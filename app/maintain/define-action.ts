import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type Db, db } from "@/db";
import type { Maintainer } from "@/db/accounts";
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
    // Postgres text cannot hold NUL: refuse it by field rather than fail the write.
    const withNul = Object.keys(values).filter((k) => values[k]?.includes("\u0000"));
    if (withNul.length > 0) {
      const fieldErrors = Object.fromEntries(
        withNul.map((k) => [k, ["Contains a NUL character, which cannot be stored."]]),
      );
      return { ok: false, error: "Please fix the highlighted fields.", fieldErrors, values };
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, error: "Please fix the highlighted fields.", fieldErrors, values };
    }
    const result = await run(db, actor, parsed.data);
    // After a conflict the form offers the submitted values again over the newer revision, so the
    // maintainer can review what changed and save deliberately.
    if (!result.ok) {
      const base: Record<string, string> = result.conflict
        ? { baseRevision: String(result.conflict.currentRevision) }
        : {};
      return { ...result, values: { ...values, ...base } };
    }
    // The server keeps no Next cache entries (pages render per request or come from the proxy's
    // page cache, which the data version empties). What remains is the client router cache of the
    // maintainer's browser, which this one call clears after a server action.
    revalidatePath("/", "layout");
    return result;
  };
}
