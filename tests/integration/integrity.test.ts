import { and, eq, gt, isNull, lt, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditDatabase } from "@/db/claim-audit";
import { claimReviews, claims, models, revisions, sources, sourceVersions } from "@/db/schema";
import { findBrokenQuotes, seed } from "@/seed/index";
import { createTestDb, type TestDb } from "../helpers/test-db";

/*
 * What the reviewed seed holds: claims.json's 306 candidates as 311 hand-reviewed claims, plus
 * what the importer found in 43 documents and the decisions files accepted.
 */
const SEEDED = { claims: 2103, sources: 124, models: 108 };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
});
afterAll(async () => t?.close());

/** Runs a statement expected to fail and returns the database's message (drizzle wraps it). */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    const e = err as { message: string; cause?: { message?: string } };
    return `${e.message} ${e.cause?.message ?? ""}`;
  }
  throw new Error("the database accepted a write it should refuse");
}

async function aClaim() {
  const [row] = await t.db.select().from(claims).where(eq(claims.seedKey, "claims.json#0"));
  if (!row) throw new Error("seed claim #0 missing");
  return row;
}

describe("seeded catalog", () => {
  it("loads every reviewed claim and every stored quote matches its source", async () => {
    expect(await t.db.$count(claims)).toBe(SEEDED.claims);
    expect(await t.db.$count(sources)).toBe(SEEDED.sources);
    expect(await t.db.$count(models)).toBe(SEEDED.models);
    expect(await findBrokenQuotes(t.db)).toEqual([]);
  });

  it("logged a create revision for every seeded row, and one for every later version and re-anchoring", async () => {
    expect(await t.db.$count(revisions, eq(revisions.action, "create"))).toBe(
      SEEDED.claims + SEEDED.sources + SEEDED.models,
    );
    // Each appended version of a stored history is a source update; each claim it carried or
    // moved is a claim update. Nothing else is logged.
    const versionsAdded = await t.db.$count(sourceVersions, gt(sourceVersions.number, 1));
    expect(versionsAdded).toBeGreaterThan(100);
    expect(
      await t.db.$count(
        revisions,
        and(eq(revisions.entityType, "source"), eq(revisions.action, "update")),
      ),
    ).toBe(versionsAdded);
    const reanchored = await t.db.$count(
      revisions,
      and(eq(revisions.entityType, "claim"), eq(revisions.action, "update")),
    );
    expect(await t.db.$count(revisions)).toBe(
      SEEDED.claims + SEEDED.sources + SEEDED.models + versionsAdded + reanchored,
    );
  });

  it("is idempotent", async () => {
    const again = await seed(t.db);
    expect(again).toEqual({
      sources: 0,
      models: 0,
      claims: 0,
      skipped: SEEDED.claims,
      reanchored: [],
    });
    expect(await t.db.$count(claims)).toBe(SEEDED.claims);
  });

  it("audits clean: no value says more than its quote, no agreement above its sources", async () => {
    const { claims: audited, flags } = await auditDatabase(t.db);
    expect(audited.length).toBeGreaterThan(300);
    expect(flags).toEqual([]);
  });

  it("computes each source's sha256 in the database", async () => {
    const [row] = await t.db.select().from(sources).limit(1);
    const { createHash } = await import("node:crypto");
    expect(row?.textSha256).toBe(
      createHash("sha256")
        .update(row?.text ?? "", "utf8")
        .digest("hex"),
    );
  });
});

describe(`the database itself refuses bad citations`, () => {
  it("refuses a claim whose quote is not the source text at its offsets", async () => {
    const c = await aClaim();
    const msg = await refusal(() =>
      t.db.insert(claims).values({
        modelId: c.modelId,
        sourceId: c.sourceId,
        field: "total_params",
        valueText: "999B",
        provenance: "publisher",
        quote: "999B parameters",
        quoteStart: c.quoteStart,
        quoteEnd: c.quoteStart + 15,
        authorName: "test",
      }),
    );
    expect(msg).toMatch(/quote does not match source/);
  });

  it("refuses offsets beyond the end of the source", async () => {
    const c = await aClaim();
    const msg = await refusal(() =>
      t.db
        .update(claims)
        .set({ quoteStart: 10_000_000, quoteEnd: 10_000_010 })
        .where(eq(claims.id, c.id)),
    );
    expect(msg).toMatch(/outside source/);
  });

  it("refuses negative or empty offset ranges", async () => {
    const c = await aClaim();
    expect(
      await refusal(() => t.db.update(claims).set({ quoteStart: -1 }).where(eq(claims.id, c.id))),
    ).toMatch(/claims_offsets|does not match|outside source/);
  });

  it("refuses a settings quote whose offsets run past the end of the text, however it ends", async () => {
    const c = await aClaim();
    const [src] = await t.db.select().from(sources).where(eq(sources.id, c.sourceId));
    const text = src?.text as string;
    const tail = text.slice(-5);
    // The text's last five characters, with an end offset far beyond them.
    expect(
      await refusal(() =>
        t.db
          .update(claims)
          .set({
            settingsQuote: tail,
            settingsQuoteStart: text.length - 5,
            settingsQuoteEnd: text.length + 50,
          })
          .where(eq(claims.id, c.id)),
      ),
    ).toMatch(/settings quote does not match/);
  });

  it("refuses moving a claim to a source that does not contain its quote", async () => {
    const c = await aClaim();
    const [other] = await t.db
      .select()
      .from(sources)
      .where(eq(sources.slug, "github-deepseek-r1-license"));
    const msg = await refusal(() =>
      t.db.update(claims).set({ sourceId: other?.id }).where(eq(claims.id, c.id)),
    );
    expect(msg).toMatch(/quote|outside/);
  });

  it("refuses editing a source's text except by adding a version", async () => {
    const c = await aClaim();
    const msg = await refusal(() =>
      t.db.update(sources).set({ text: "replaced" }).where(eq(sources.id, c.sourceId)),
    );
    expect(msg).toMatch(/changes only by adding a version/);
  });

  it("refuses changing or deleting a stored version", async () => {
    const [v] = await t.db.select().from(sourceVersions).limit(1);
    if (!v) throw new Error("no version");
    expect(
      await refusal(() =>
        t.db.update(sourceVersions).set({ text: "x" }).where(eq(sourceVersions.id, v.id)),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(() => t.db.delete(sourceVersions).where(eq(sourceVersions.id, v.id))),
    ).toMatch(/append-only/);
  });

  it("refuses a claim citing a version of another source", async () => {
    const c = await aClaim();
    const [other] = await t.db
      .select()
      .from(sourceVersions)
      .where(ne(sourceVersions.sourceId, c.sourceId))
      .limit(1);
    const msg = await refusal(() =>
      t.db.update(claims).set({ versionId: other?.id }).where(eq(claims.id, c.id)),
    );
    expect(msg).toMatch(/not a version of source/);
  });

  it("keeps claims a later version could not carry on their version, each waiting for review", async () => {
    // Llama 4's card: claims were read on version 2; versions 3 and 4 changed some passages.
    const [src] = await t.db
      .select()
      .from(sources)
      .where(eq(sources.slug, "github-meta-llama-llama4-model-card"));
    const behind = await t.db
      .select({ id: claims.id, quote: claims.quote, number: sourceVersions.number })
      .from(claims)
      .innerJoin(sourceVersions, eq(sourceVersions.id, claims.versionId))
      .where(and(eq(claims.sourceId, src?.id as number), lt(sourceVersions.number, 4)));
    expect(behind.length).toBeGreaterThan(0);
    const open = await t.db
      .select({ claimId: claimReviews.claimId })
      .from(claimReviews)
      .where(isNull(claimReviews.resolvedAt));
    const waiting = new Set(open.map((r) => r.claimId));
    for (const c of behind) expect(waiting.has(c.id)).toBe(true);
  });

  it("refuses a second preferred claim in the same group", async () => {
    const msg = await refusal(() =>
      t.db.update(claims).set({ rank: "preferred" }).where(eq(claims.seedKey, "claims.json#17")),
    );
    expect(msg).toMatch(/claims_one_preferred/);
  });

  it("refuses a preferred forecast", async () => {
    const msg = await refusal(() =>
      t.db.update(claims).set({ rank: "preferred" }).where(eq(claims.provenance, "forecast")),
    );
    expect(msg).toMatch(/claims_forecast_not_preferred|claims_one_preferred/);
  });

  it("refuses values outside sane ranges", async () => {
    const c = await aClaim();
    expect(
      await refusal(() => t.db.update(claims).set({ valueNum: 5 }).where(eq(claims.id, c.id))),
    ).toMatch(/claims_value_ranges/);
    const [ctx] = await t.db
      .select()
      .from(claims)
      .where(and(eq(claims.field, "context_window"), eq(claims.rank, "preferred")))
      .limit(1);
    expect(
      await refusal(() =>
        t.db
          .update(claims)
          .set({ valueNum: -4096 })
          .where(eq(claims.id, ctx?.id ?? 0)),
      ),
    ).toMatch(/claims_value_ranges/);
  });

  it("keeps the revision log append-only", async () => {
    expect(await refusal(() => t.db.update(revisions).set({ reason: "rewrite history" }))).toMatch(
      /append-only/,
    );
    expect(await refusal(() => t.db.delete(revisions))).toMatch(/append-only/);
  });

  it("refuses a model whose family is not a family, and family loops", async () => {
    const [gpt] = await t.db.select().from(models).where(eq(models.slug, "gpt-oss-120b"));
    const [fam] = await t.db.select().from(models).where(eq(models.slug, "gpt-oss"));
    expect(
      await refusal(() =>
        t.db.update(models).set({ familyId: gpt?.id }).where(eq(models.slug, "gpt-oss-20b")),
      ),
    ).toMatch(/can only belong to a family/);
    const [gemma] = await t.db.select().from(models).where(eq(models.slug, "gemma"));
    // gemma under gpt-oss is allowed (both families); gpt-oss under gemma would then loop.
    await t.db
      .update(models)
      .set({ familyId: fam?.id })
      .where(eq(models.id, gemma?.id ?? 0));
    expect(
      await refusal(() =>
        t.db
          .update(models)
          .set({ familyId: gemma?.id })
          .where(eq(models.id, fam?.id ?? 0)),
      ),
    ).toMatch(/loops/);
    await t.db
      .update(models)
      .set({ familyId: null })
      .where(eq(models.id, gemma?.id ?? 0));
  });

  it("left the seeded data untouched after all the refused writes", async () => {
    expect(await findBrokenQuotes(t.db)).toEqual([]);
    const c = await aClaim();
    expect(c.valueText).toBe("117B");
  });
});
