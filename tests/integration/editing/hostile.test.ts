import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCatalogDrift } from "@/db/catalog-index";
import type { ActionResult } from "@/db/domain/result";
import { claims } from "@/db/schema";
import { findBrokenQuotes } from "@/seed/index";
import { hostileString } from "../../helpers/hostile";
import * as h from "./harness";

/* Random and malicious form input to every edit action. */

describe("hostile form input to every edit action (fast-check)", () => {
  it("never throws, never stores an invalid row, and every stored quote still matches", async () => {
    await h.signInAs("alice");
    const claim1 = await h.claim(1);
    const validClaim = Object.fromEntries((await h.newClaimForm()).entries()) as Record<
      string,
      string
    >;
    const valid: Record<string, Record<string, string>> = {
      createClaim: validClaim,
      updateClaim: {
        ...validClaim,
        id: "1",
        baseRevision: String(claim1.revision),
        reason: "fuzz",
      },
      rankClaim: { id: "1", baseRevision: String(claim1.revision), rank: "normal", reason: "fuzz" },
      retireClaim: { id: "999999", baseRevision: "1", reason: "fuzz" },
      revertClaim: { id: "1", baseRevision: "999", toRevision: "1", reason: "fuzz" },
      createSource: {
        slug: "fuzz-source",
        title: "Fuzz",
        kind: "blog",
        tier: "press",
        text: "fuzz text",
      },
      createModel: { slug: "fuzz-model", name: "Fuzz", kind: "model", developer: "Fuzz Org" },
      updateModel: {
        id: "999999",
        baseRevision: "1",
        slug: "fuzz-model",
        name: "Fuzz",
        kind: "model",
        developer: "X",
        reason: "fuzz",
      },
    };
    const calls: Record<string, (f: FormData) => Promise<ActionResult<unknown>>> = {
      createClaim: (f) => h.actions.createClaimAction(null, f),
      updateClaim: (f) => h.actions.updateClaimAction(null, f),
      rankClaim: (f) => h.actions.rankClaimAction(null, f),
      retireClaim: (f) => h.actions.retireClaimAction(null, f),
      revertClaim: (f) => h.actions.revertClaimAction(null, f),
      createSource: (f) => h.actions.createSourceAction(null, f),
      createModel: (f) => h.actions.createModelAction(null, f),
      updateModel: (f) => h.actions.updateModelAction(null, f),
    };
    // A valid submission with one to three fields replaced by hostile values.
    const submission = fc.constantFrom(...Object.keys(valid)).chain((name) =>
      fc
        .array(fc.tuple(fc.constantFrom(...Object.keys(valid[name] as object)), hostileString), {
          minLength: 1,
          maxLength: 3,
        })
        .map((swaps) => ({
          name,
          values: { ...(valid[name] as object), ...Object.fromEntries(swaps) } as Record<
            string,
            string
          >,
        })),
    );
    let tried = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(submission, async ({ name, values }) => {
        tried++;
        const r = await (calls[name] as (f: FormData) => Promise<ActionResult<unknown>>)(
          h.form(values),
        );
        expect(typeof r.ok, name).toBe("boolean");
        if (r.ok) accepted++;
        else expect(r.error.length, name).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    expect(await findBrokenQuotes(h.t.db)).toEqual([]);
    // Every accepted edit refreshed the catalog's read model in its own transaction.
    expect(await findCatalogDrift(h.t.db)).toEqual([]);
    // Whatever was accepted is well-formed text (lone surrogates never reach storage).
    const rows = await h.t.db
      .select({ v: claims.valueText, l: claims.label, n: claims.note })
      .from(claims);
    for (const r of rows) for (const s of [r.v, r.l, r.n ?? ""]) expect(s.toWellFormed()).toBe(s);
    console.log(
      `edit actions: ${tried} hostile submissions, ${accepted} accepted as valid, none threw`,
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

h.readModelStaysInStep();
