import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimReviews, claims, revisions, sources, sourceVersions } from "@/db/schema";
import { findBrokenQuotes } from "@/seed/index";
import * as h from "./harness";

/* Issue 16: versions of a source, re-anchoring its claims, and the review queue. */

const V1 = [
  "# Example model card",
  "",
  "The model has 24 layers and 16 attention heads.",
  "It supports a context length of 32,768 tokens.",
  "Released under the Apache 2.0 license.",
  "Trained on 9 trillion tokens of public data.",
  "",
].join("\n");

// Version 2: a line added above (everything moves), the context line reworded around the same
// value, the licence line gone, the layer line unchanged.
const V2 = [
  "# Example model card",
  "",
  "New: a quantized checkpoint is available.",
  "",
  "The model has 24 layers and 16 attention heads.",
  "It now supports a context length of 32,768 tokens natively.",
  "Trained on 9 trillion tokens of public data.",
  "",
].join("\n");

async function claimOn(slug: string, label: string, valueText: string, quote: string) {
  const r = h.expectOk(
    await h.actions.createClaimAction(
      null,
      await h.newClaimForm({ sourceId: await h.sourceId(slug), label, valueText, quote }),
    ),
  ) as { id: number };
  return r.id;
}

const versionForm = (over: Record<string, string>) => h.form({ slug: "versioned-card", ...over });

async function openReview(claimId: number) {
  const [r] = await h.t.db
    .select()
    .from(claimReviews)
    .where(and(eq(claimReviews.claimId, claimId), isNull(claimReviews.resolvedAt)));
  return r;
}

describe("adding a version re-anchors every claim, in one transaction", () => {
  const ids: Record<string, number> = {};

  it("a new source is its own version 1; its claims cite it", async () => {
    await h.signInAs("alice");
    h.expectOk(
      await h.actions.createSourceAction(
        null,
        h.form({
          slug: "versioned-card",
          title: "Versioned card",
          kind: "model_card",
          tier: "primary",
          publishedOn: "2025-01-01",
          text: V1,
        }),
      ),
    );
    ids.layers = await claimOn("versioned-card", "layers", "24", "The model has 24 layers");
    ids.context = await claimOn(
      "versioned-card",
      "context",
      "32,768 tokens",
      "It supports a context length of 32,768 tokens.",
    );
    ids.license = await claimOn(
      "versioned-card",
      "license",
      "Apache 2.0",
      "Released under the Apache 2.0 license.",
    );
    ids.tokens = await claimOn(
      "versioned-card",
      "tokens",
      "9 trillion",
      "Trained on 9 trillion tokens",
    );
    const versions = await h.t.db
      .select()
      .from(sourceVersions)
      .where(eq(sourceVersions.sourceId, await h.sourceId("versioned-card")));
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect((await h.claim(ids.layers as number)).versionId).toBe(versions[0]?.id);
  });

  it("carries, moves, proposes and orphans — and only the first two are automatic", async () => {
    const before = await h.revisionCount();
    const report = h.expectOk(
      await h.actions.addVersionAction(
        null,
        versionForm({
          text: V2,
          url: "https://example.com/card/v2",
          commit: "abc123",
          publishedOn: "2025-02-01",
        }),
      ),
    ) as { number: number; carried: number; moved: number; proposed: number; orphaned: number };
    expect(report).toMatchObject({ number: 2, carried: 0, moved: 2, proposed: 1, orphaned: 1 });
    const [source] = await h.t.db.select().from(sources).where(eq(sources.slug, "versioned-card"));
    expect(source?.text).toBe(V2);
    expect(source?.commit).toBe("abc123");
    const v2 = await h.t.db
      .select()
      .from(sourceVersions)
      .where(and(eq(sourceVersions.sourceId, source?.id as number), eq(sourceVersions.number, 2)));
    // Moved: same quote, new offsets, on version 2, with a revision saying why.
    const layers = await h.claim(ids.layers as number);
    expect(layers.versionId).toBe(v2[0]?.id);
    expect(V2.slice(layers.quoteStart, layers.quoteEnd)).toBe("The model has 24 layers");
    // Proposed: stays on version 1, published, with the near match waiting.
    const context = await h.claim(ids.context as number);
    expect(context.versionId).not.toBe(v2[0]?.id);
    expect(context.retiredAt).toBeNull();
    const proposal = await openReview(ids.context as number);
    expect(proposal?.outcome).toBe("proposed");
    expect(proposal?.proposedQuote).toContain("32,768 tokens");
    // Orphaned: the licence line is gone.
    expect((await openReview(ids.license as number))?.outcome).toBe("orphaned");
    // One source revision and one per followed claim.
    expect((await h.revisionCount()) - before).toBe(1 + 2);
    expect(await findBrokenQuotes(h.t.db)).toEqual([]);
  });

  it("refuses a version identical to the newest, storing nothing", async () => {
    const before = await h.t.db.$count(sourceVersions);
    const r = await h.actions.addVersionAction(null, versionForm({ text: V2 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/identical to version 2/);
    expect(await h.t.db.$count(sourceVersions)).toBe(before);
  });

  it("refuses a version dated before the newest, and keeps what was typed", async () => {
    const r = await h.actions.addVersionAction(
      null,
      versionForm({ text: `${V2}\nMore.`, publishedOn: "2024-12-31" }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors?.publishedOn?.[0]).toMatch(/before the newest version/);
      expect(r.values?.text).toContain("More.");
    }
  });

  it("refuses an uploaded file that is not UTF-8, or too large, or pasted text as well", async () => {
    const upload = (bytes: Uint8Array<ArrayBuffer>, extra: Record<string, string> = {}) => {
      const f = versionForm(extra);
      f.set("file", new File([bytes], "card.md", { type: "text/markdown" }));
      return h.actions.addVersionAction(null, f);
    };
    const bad = await upload(new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x21]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.file?.[0]).toMatch(/not valid UTF-8/);
    const both = await upload(new TextEncoder().encode("text"), { text: "also pasted" });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.error).toMatch(/not both/);
    const big = await h.actions.addVersionAction(
      null,
      versionForm({ text: "x".repeat(2_000_001) }),
    );
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.fieldErrors?.text?.[0]).toMatch(/at most 2,000,000/);
    // A good upload goes through the same path.
    const good = await upload(new TextEncoder().encode(`${V2}Uploaded.\n`), {
      publishedOn: "2025-03-01",
    });
    expect(good.ok).toBe(true);
  });

  it("nobody signed out can add a version", async () => {
    h.signOut();
    const r = await h.actions.addVersionAction(null, versionForm({ text: `${V2}!` }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/signed-in maintainers/);
    await h.signInAs("alice");
  });

  it("a later version supersedes the open question; the claim stays on its version", async () => {
    // Version 3 (the upload) changed nothing near the waiting claims: still waiting, asked anew.
    const reviews = await h.t.db
      .select()
      .from(claimReviews)
      .where(eq(claimReviews.claimId, ids.context as number));
    expect(reviews.filter((r) => r.resolution === "superseded")).toHaveLength(1);
    expect(reviews.filter((r) => r.resolvedAt === null)).toHaveLength(1);
  });

  it("accepting a proposal moves the claim to the newest version, in a revision", async () => {
    const review = await openReview(ids.context as number);
    h.expectOk(
      await h.actions.resolveReviewAction(
        null,
        h.form({ reviewId: review?.id, action: "accept", reason: "Reworded, same value." }),
      ),
    );
    const c = await h.claim(ids.context as number);
    const [newest] = await h.t.db
      .select()
      .from(sourceVersions)
      .where(eq(sourceVersions.sourceId, c.sourceId))
      .orderBy(sourceVersions.number)
      .then((rows) => rows.slice(-1));
    expect(c.versionId).toBe(newest?.id);
    expect(c.quote).toBe(review?.proposedQuote);
    const [log] = await h.t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, "claim"), eq(revisions.entityId, c.id)))
      .orderBy(revisions.revision)
      .then((rows) => rows.slice(-1));
    expect(log?.reason).toMatch(/accepted the proposed passage/);
    expect(await openReview(c.id)).toBeUndefined();
    // Closed means closed: answering again is refused.
    const again = await h.actions.resolveReviewAction(
      null,
      h.form({ reviewId: review?.id, action: "retire", reason: "twice" }),
    );
    expect(again.ok).toBe(false);
  });

  it("re-quoting refuses a passage without the claim's value, then takes one with it", async () => {
    const review = await openReview(ids.license as number);
    expect(review?.outcome).toBe("orphaned");
    const accept = await h.actions.resolveReviewAction(
      null,
      h.form({ reviewId: review?.id, action: "accept", reason: "try" }),
    );
    expect(accept.ok).toBe(false);
    const wrong = await h.actions.resolveReviewAction(
      null,
      h.form({
        reviewId: review?.id,
        action: "requote",
        quote: "a quantized checkpoint is available",
        reason: "wrong passage",
      }),
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/does not appear in this passage/);
    // Retiring answers it, with the claim's own retire revision.
    h.expectOk(
      await h.actions.resolveReviewAction(
        null,
        h.form({ reviewId: review?.id, action: "retire", reason: "The licence line was removed." }),
      ),
    );
    expect((await h.claim(ids.license as number)).retiredAt).not.toBeNull();
    expect(await openReview(ids.license as number)).toBeUndefined();
  });

  it("reverting cites the source as it is now, or is refused", async () => {
    // The accepted claim's first revision quoted a sentence version 2 reworded: not restorable.
    const context = await h.claim(ids.context as number);
    const refused = await h.actions.revertClaimAction(
      null,
      h.form({ id: context.id, baseRevision: context.revision, toRevision: 1, reason: "undo" }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/not in the newest version/);
    // The layer count's first revision quoted a passage that only moved: restored, on the newest.
    const layers = await h.claim(ids.layers as number);
    h.expectOk(
      await h.actions.revertClaimAction(
        null,
        h.form({ id: layers.id, baseRevision: layers.revision, toRevision: 1, reason: "undo" }),
      ),
    );
    const after = await h.claim(ids.layers as number);
    expect(after.versionId).toBe(layers.versionId);
    expect(after.quote).toBe("The model has 24 layers");
    expect(await findBrokenQuotes(h.t.db)).toEqual([]);
  });

  it("a source's text cannot be changed except by a version, even by the application", async () => {
    await expect(
      h.t.db.update(sources).set({ text: "rewritten" }).where(eq(sources.slug, "versioned-card")),
    ).rejects.toThrow();
    expect(await findBrokenQuotes(h.t.db)).toEqual([]);
    const live = await h.t.db
      .select()
      .from(claims)
      .where(
        and(eq(claims.sourceId, await h.sourceId("versioned-card")), isNull(claims.retiredAt)),
      );
    expect(live).toHaveLength(3);
  });
});

h.readModelStaysInStep();
