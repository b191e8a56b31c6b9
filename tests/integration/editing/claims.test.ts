import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/db/domain/result";
import { claims, revisions } from "@/db/schema";
import { findBrokenQuotes } from "@/seed/index";
import * as h from "./harness";

/* Adding, editing, ranking, retiring and reverting claims: each one cited, logged and locked. */

describe("adding a claim by quoting a passage", () => {
  it("locates a leniently typed passage, stores it exactly with offsets, and logs a revision", async () => {
    await h.signInAs("alice");
    const before = await h.revisionCount();
    const { id } = h.expectOk(await h.actions.createClaimAction(null, await h.newClaimForm()));
    const c = await h.claim(id);
    expect(c.quote).toBe("We also recommend using BF16 as the activation precision for the model.");
    expect(c.authorName).toBe("alice");
    expect(await h.revisionCount()).toBe(before + 1);
    const [rev] = await h.t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, "claim"), eq(revisions.entityId, id)));
    expect(rev).toMatchObject({ action: "create", revision: 1, authorName: "alice" });
    expect(await findBrokenQuotes(h.t.db)).toEqual([]);
  });

  it("refuses a quote that is not in the source, with a field error and the form values back", async () => {
    await h.signInAs("alice");
    const before = await h.revisionCount();
    const r = await h.actions.createClaimAction(
      null,
      await h.newClaimForm({ quote: "We recommend FP64 for everything." }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors?.quote?.[0]).toMatch(/not in the source text/);
    expect(r.values?.quote).toBe("We recommend FP64 for everything.");
    expect(r.values?.valueText).toBe("BF16");
    expect(await h.revisionCount()).toBe(before);
  });

  it("validates every field on the server with messages per field", async () => {
    await h.signInAs("alice");
    const r = await h.actions.createClaimAction(
      null,
      await h.newClaimForm({
        field: "nonsense",
        valueNum: "12abc",
        valueDate: "2024-13-40",
        provenance: "rumour",
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
      "field",
      "provenance",
      "valueDate",
      "valueNum",
    ]);
  });

  it("turns a database range refusal into a field error, not a 500", async () => {
    await h.signInAs("alice");
    const r = await h.actions.createClaimAction(
      null,
      await h.newClaimForm({
        field: "context_window",
        label: "",
        valueText: "BF16",
        // Well-formed (the form's number grammar accepts it) but no sane context window.
        valueNum: "5e9",
        quote: "We also recommend using BF16",
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.valueNum?.[0]).toMatch(/outside the sane range/);
  });
});

describe("no lost updates", () => {
  it("two concurrent edits from the same revision: exactly one wins, the other gets a conflict listing the change", async () => {
    await h.signInAs("alice");
    const { id } = h.expectOk(
      await h.actions.createClaimAction(null, await h.newClaimForm({ label: "concurrency probe" })),
    );
    const base = (await h.claim(id)).revision;
    const editTo = async (valueText: string) =>
      h.actions.updateClaimAction(
        null,
        h.form({
          id,
          baseRevision: base,
          field: "other",
          label: "concurrency probe",
          valueText,
          provenance: "publisher",
          sourceId: await h.sourceId("github-openai-gpt-oss-readme"),
          quote: "We also recommend using BF16 as the activation precision for the model.",
          reason: `set to ${valueText}`,
        }),
      );
    const before = await h.revisionCount();
    const [a, b] = await Promise.all([editTo("BF16 (first)"), editTo("BF16 (second)")]);
    const winners = [a, b].filter((r) => r.ok);
    const losers = [a, b].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0] as Extract<ActionResult, { ok: false }>;
    expect(loser.conflict?.currentRevision).toBe(base + 1);
    expect(loser.conflict?.changes[0]?.diff.map((d) => d.field)).toContain("valueText");
    // The loser's typing is returned, re-based on the newer revision, so nothing is lost.
    expect(loser.values?.valueText).toMatch(/BF16 \((first|second)\)/);
    expect(loser.values?.baseRevision).toBe(String(base + 1));
    expect(await h.revisionCount()).toBe(before + 1);
    expect((await h.claim(id)).revision).toBe(base + 1);
  });

  it("refuses a stale model edit the same way", async () => {
    await h.signInAs("bob");
    const id = await h.modelId("olmo-2");
    const edit = (description: string, baseRevision: number) =>
      h.actions.updateModelAction(
        null,
        h.form({
          id,
          baseRevision,
          slug: "olmo-2",
          name: "OLMo 2",
          kind: "family",
          developer: "Allen Institute for AI (Ai2)",
          description,
          reason: "wording",
        }),
      );
    h.expectOk(await edit("Ai2's fully open language models.", 1));
    const stale = await edit("Something else.", 1);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.conflict?.changes[0]?.authorName).toBe("bob");
  });
});

describe("ranking, retiring and reverting", () => {
  it("making a claim preferred demotes the old preferred claim, both logged", async () => {
    await h.signInAs("bob");
    // gpt-oss-120b total params: 117B (preferred) and ~120B (normal).
    const [approx] = await h.t.db.select().from(claims).where(eq(claims.seedKey, "claims.json#17"));
    const [exact] = await h.t.db.select().from(claims).where(eq(claims.seedKey, "claims.json#0"));
    if (!approx || !exact) throw new Error("seed claims missing");
    const before = await h.revisionCount();
    h.expectOk(
      await h.actions.rankClaimAction(
        null,
        h.form({
          id: approx.id,
          baseRevision: approx.revision,
          rank: "preferred",
          reason: "test: prefer the press figure",
        }),
      ),
    );
    expect((await h.claim(approx.id)).rank).toBe("preferred");
    expect((await h.claim(exact.id)).rank).toBe("normal");
    expect(await h.revisionCount()).toBe(before + 2);
    // And back, by reverting the demoted claim: itself a new revision.
    const demoted = await h.claim(exact.id);
    h.expectOk(
      await h.actions.revertClaimAction(
        null,
        h.form({
          id: exact.id,
          baseRevision: demoted.revision,
          toRevision: 1,
          reason: "undo the test",
        }),
      ),
    );
    expect((await h.claim(exact.id)).rank).toBe("preferred");
    expect((await h.claim(approx.id)).rank).toBe("normal");
    expect((await h.claim(exact.id)).revision).toBe(demoted.revision + 1);
  });

  it("refuses to make a forecast preferred", async () => {
    await h.signInAs("bob");
    const [forecast] = await h.t.db
      .select()
      .from(claims)
      .where(eq(claims.provenance, "forecast"))
      .limit(1);
    if (!forecast) throw new Error("no forecast");
    const r = await h.actions.rankClaimAction(
      null,
      h.form({
        id: forecast.id,
        baseRevision: forecast.revision,
        rank: "preferred",
        reason: "should fail",
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/forecast can never be the preferred/);
    expect((await h.claim(forecast.id)).rank).toBe("normal");
  });

  it("retires a claim (unpublished, history kept) and reverts the retirement", async () => {
    await h.signInAs("alice");
    const { id } = h.expectOk(
      await h.actions.createClaimAction(null, await h.newClaimForm({ label: "retire probe" })),
    );
    h.expectOk(
      await h.actions.retireClaimAction(null, h.form({ id, baseRevision: 1, reason: "duplicate" })),
    );
    expect((await h.claim(id)).retiredAt).not.toBeNull();
    const again = await h.actions.retireClaimAction(
      null,
      h.form({ id, baseRevision: 2, reason: "duplicate" }),
    );
    expect(again.ok).toBe(false);
    h.expectOk(
      await h.actions.revertClaimAction(
        null,
        h.form({ id, baseRevision: 2, toRevision: 1, reason: "not a duplicate" }),
      ),
    );
    const restored = await h.claim(id);
    expect(restored.retiredAt).toBeNull();
    const log = await h.t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, "claim"), eq(revisions.entityId, id)));
    expect(log.map((r) => r.action)).toEqual(["create", "retire", "revert"]);
  });
});

describe("a failed write is rolled back entirely", () => {
  it("leaves no claim behind when its revision entry cannot be written", async () => {
    await h.signInAs("alice");
    // Make the revision log refuse one specific write, as a disk or constraint failure would.
    await h.t.db.execute(`create function fail_marked_revision() returns trigger language plpgsql as $$
      begin if new.reason = 'fail this write' then raise exception 'simulated failure'; end if; return new; end $$`);
    await h.t.db.execute(
      `create trigger fail_marked before insert on revisions for each row execute function fail_marked_revision()`,
    );
    try {
      const claimsBefore = await h.t.db.$count(claims);
      const revisionsBefore = await h.revisionCount();
      await expect(
        h.actions.createClaimAction(
          null,
          await h.newClaimForm({ label: "rollback probe", rankReason: "fail this write" }),
        ),
      ).rejects.toThrow();
      expect(await h.t.db.$count(claims)).toBe(claimsBefore);
      expect(await h.t.db.$count(claims, eq(claims.label, "rollback probe"))).toBe(0);
      expect(await h.revisionCount()).toBe(revisionsBefore);
    } finally {
      await h.t.db.execute("drop trigger fail_marked on revisions");
      await h.t.db.execute("drop function fail_marked_revision()");
    }
  });
});

h.readModelStaysInStep();
