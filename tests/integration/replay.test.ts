import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimsToFollow, loadVersions, replayThroughDb } from "@/db/cli/replay-versions";
import { replayHistory } from "@/db/domain/reanchor";
import { LENGTHS } from "@/db/domain/rules";
import { createTestDb, type TestDb } from "../helpers/test-db";

/*
 * Issue 16's test bed, in part: the Llama 3.2 model card's five real versions fed through the
 * database path (addSourceVersion, as the maintainer form and `npm run source:update` call it),
 * with the invariants checked at every step. The whole replay is `npm run replay:versions`.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("replaying a real document's history through the database", () => {
  it("keeps every claim, never points one at text that is not its quote, never accepts a proposal", async () => {
    const versions = loadVersions("meta-llama-llama3_2-model-card");
    const followed = claimsToFollow("github-meta-llama-llama3-2-model-card", versions).filter(
      (c) =>
        c.quote.length <= LENGTHS.quote &&
        c.valueText.trim() !== "" &&
        c.valueText.length <= LENGTHS.valueText,
    );
    const { steps, final } = await replayThroughDb(t.db, "llama-3-2", versions, followed);
    expect(steps).toHaveLength(5);
    expect(steps.flatMap((s) => s.violations)).toEqual([]);
    // The quantized models' section arrives in a later version: claims are born then.
    expect(steps.slice(1).some((s) => s.born > 0)).toBe(true);
    // Some passages were edited or removed: the queue is not empty, and nothing was lost.
    expect(final.proposed + final.orphaned).toBeGreaterThan(0);
    expect(final.current + final.proposed + final.orphaned).toBe(final.followed);
    // The database path and the pure re-anchoring agree, version by version.
    const pure = replayHistory(versions, followed);
    expect(steps.map((s) => [s.born, s.carried + s.moved, s.proposed, s.orphaned])).toEqual(
      pure.steps.map((s) => [s.born, s.carried + s.moved, s.proposed, s.orphaned]),
    );
  });
});
