import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { MUST_CHOOSE } from "@/db/domain/rebase";
import type { ActionResult } from "@/db/domain/result";
import { CONSTRAINT_ERRORS } from "@/db/queries/edits";
import { claims, models, sources } from "@/db/schema";
import { findBrokenQuotes } from "@/seed/index";
import * as h from "./harness";

/* Issue 11: inputs that used to answer 500, conflicts that silently reverted, hidden characters. */

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
const failure = (r: ActionResult<unknown>): Failure => {
  if (r.ok) throw new Error("expected a refusal");
  return r;
};

const sourceForm = (over: Record<string, string>) =>
  h.form({
    slug: "hardening-src",
    title: "T",
    kind: "blog",
    tier: "press",
    text: "some text",
    ...over,
  });

async function claimEditForm(id: number, over: Record<string, string | number>) {
  const c = await h.claim(id);
  return h.form({
    id,
    baseRevision: c.revision,
    field: c.field,
    label: c.label,
    settings: c.settings,
    valueText: c.valueText,
    valueNum: c.valueNum ?? "",
    unit: c.unit ?? "",
    qualifier: c.qualifier,
    provenance: c.provenance,
    note: c.note ?? "",
    sourceId: c.sourceId,
    quote: c.quote,
    reason: "hardening test",
    ...over,
  });
}

describe("inputs that used to answer 500 now answer field errors", () => {
  it("a date in year 0 (publishedOn, valueDate, a release-date value)", async () => {
    await h.signInAs("alice");
    const src = failure(
      await h.actions.createSourceAction(null, sourceForm({ publishedOn: "0000-01-01" })),
    );
    expect(src.fieldErrors?.publishedOn?.[0]).toMatch(/years 1000–9999/);
    const date = failure(
      await h.actions.createClaimAction(
        null,
        await h.newClaimForm({ field: "release_date", label: "", valueDate: "0000-01-01" }),
      ),
    );
    expect(date.fieldErrors?.valueDate).toBeDefined();
    // The value text alone: no date is taken from it, so the claim is refused by no 500 either.
    const text = await h.actions.createClaimAction(
      null,
      await h.newClaimForm({ field: "release_date", label: "", valueText: "0000-01-01" }),
    );
    if (text.ok) {
      const c = await h.claim(text.data.id);
      expect(c.valueDate).toBeNull();
    }
  });

  it("a model id that does not exist, an overflowing family id, an overflowing revision", async () => {
    await h.signInAs("alice");
    const noModel = failure(
      await h.actions.createClaimAction(null, await h.newClaimForm({ modelId: 2_000_000_000 })),
    );
    expect(noModel.fieldErrors?.modelId?.[0]).toMatch(/No such model/);
    const family = failure(
      await h.actions.createModelAction(
        null,
        h.form({
          slug: "overflow",
          name: "Overflow",
          kind: "model",
          developer: "X",
          familyId: "1e10",
        }),
      ),
    );
    expect(family.fieldErrors?.familyId).toBeDefined();
    const noFamily = failure(
      await h.actions.createModelAction(
        null,
        h.form({
          slug: "orphan",
          name: "Orphan",
          kind: "model",
          developer: "X",
          familyId: 2_000_000_000,
        }),
      ),
    );
    // The family trigger answers before the foreign key does; either way a field error.
    expect(noFamily.fieldErrors?.familyId?.[0]).toMatch(/No such family|Choose a family/);
    const revision = failure(
      await h.actions.rankClaimAction(
        null,
        h.form({ id: 1, baseRevision: "99999999999", rank: "normal", reason: "overflow" }),
      ),
    );
    expect(revision.fieldErrors?.baseRevision).toBeDefined();
  });

  it("two maintainers making different claims of one group preferred at once: never a 500", async () => {
    await h.signInAs("alice");
    const make = async (valueText: string) =>
      h.expectOk(
        await h.actions.createClaimAction(
          null,
          await h.newClaimForm({ label: "preferred race", valueText }),
        ),
      ).id;
    const [x, y] = [await make("BF16 (x)"), await make("BF16 (y)")];
    const prefer = async (id: number) =>
      h.actions.rankClaimAction(
        null,
        h.form({
          id,
          baseRevision: (await h.claim(id)).revision,
          rank: "preferred",
          reason: "race",
        }),
      );
    const results = await Promise.all([prefer(x), prefer(y)]);
    for (const r of results)
      if (!r.ok) expect(r.error).toBe(CONSTRAINT_ERRORS.claims_one_preferred?.message);
    expect(results.some((r) => r.ok)).toBe(true);
    const preferred = await h.t.db
      .select()
      .from(claims)
      .where(and(eq(claims.label, "preferred race"), eq(claims.rank, "preferred")));
    expect(preferred).toHaveLength(1);
  });

  it("a source text over the limit is a field error naming the limit", async () => {
    await h.signInAs("alice");
    const r = failure(
      await h.actions.createSourceAction(null, sourceForm({ text: "x".repeat(2_000_001) })),
    );
    expect(r.fieldErrors?.text?.[0]).toMatch(/at most 2,000,000 characters/);
  });

  it("every constraint the database can raise on claims, models, sources and versions has a message", async () => {
    const rows = rowsOf<{ name: string }>(
      await h.t.db.execute(sql`
        select conname as name from pg_constraint c join pg_class t on t.oid = c.conrelid
        where t.relname in ('claims', 'models', 'sources', 'source_versions', 'claim_reviews')
          and c.contype not in ('p', 'n')
        union select indexname from pg_indexes
        where tablename in ('claims', 'models', 'sources', 'source_versions', 'claim_reviews')
          and indexdef like 'CREATE UNIQUE%'
          and indexname not like '%_pkey'`),
    );
    // Raised by triggers (drizzle/0001_integrity.sql, 0012_source_versions.sql) rather than declared.
    const names = [
      ...rows.map((r) => r.name),
      "claims_quote_in_source",
      "models_family_is_family",
      "claims_version_of_source",
      "sources_text_is_newest_version",
      "source_versions_differs",
      "source_versions_date_order",
      "claim_reviews_same_source",
      "claim_reviews_proposal_in_version",
      "claim_reviews_quote_in_version",
    ];
    const missing = names.filter((n) => !(n in CONSTRAINT_ERRORS));
    expect(names.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});

describe("out-of-range values for every field of every action (fast-check)", () => {
  const outOfRange = fc.oneof(
    fc.constantFrom(
      "0000-01-01",
      "99999-12-31",
      "1e10",
      "1e400",
      "99999999999",
      "-1",
      "0x10",
      "1,2,3",
      "1e-320",
      "NaN",
      "Infinity",
      "2147483648",
      "",
      " ",
      "\u202Eevil",
      "zero\u200Bwidth",
    ),
    fc.string({ minLength: 201, maxLength: 600 }),
    fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }).map(String),
  );
  const actionFields: [keyof typeof h.actions, string[]][] = [
    [
      "createClaimAction",
      ["modelId", "sourceId", "valueNum", "valueDate", "near", "label", "valueText", "unit"],
    ],
    ["updateClaimAction", ["id", "baseRevision", "valueNum", "valueDate", "sourceId"]],
    ["rankClaimAction", ["id", "baseRevision"]],
    ["retireClaimAction", ["id", "baseRevision"]],
    ["revertClaimAction", ["id", "baseRevision", "toRevision"]],
    ["createSourceAction", ["slug", "title", "publishedOn", "url", "publisher"]],
    ["createModelAction", ["slug", "name", "familyId", "developer"]],
    ["updateModelAction", ["id", "baseRevision", "familyId", "name"]],
  ];

  it("never throws: each is refused with a message or stored valid", async () => {
    await h.signInAs("alice");
    const base = {
      ...Object.fromEntries((await h.newClaimForm()).entries()),
      id: "1",
      baseRevision: "1",
      toRevision: "1",
      rank: "normal",
      reason: "property test",
      slug: "prop-test",
      title: "Property test",
      kind: "model",
      tier: "press",
      text: "some text",
      name: "Property",
      developer: "Dev",
    } as Record<string, string>;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actionFields),
        fc.nat(),
        outOfRange,
        async ([action, fields], pick, value) => {
          const field = fields[pick % fields.length] as string;
          const run = h.actions[action] as (
            p: unknown,
            f: FormData,
          ) => Promise<ActionResult<unknown>>;
          const r = await run(null, h.form({ ...base, [field]: value }));
          if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
    expect(await findBrokenQuotes(h.t.db)).toEqual([]);
  });
});

describe("a conflict re-bases field by field (three-way)", () => {
  it("fields only they changed take theirs; a save of the re-based form keeps their change", async () => {
    await h.signInAs("alice");
    const { id } = h.expectOk(
      await h.actions.createClaimAction(null, await h.newClaimForm({ label: "rebase probe" })),
    );
    const bobsForm = await claimEditForm(id, {});
    // Alice changes only the note.
    h.expectOk(
      await h.actions.updateClaimAction(null, await claimEditForm(id, { note: "Alice's note" })),
    );
    // Bob, from the old revision, changes only the value.
    await h.signInAs("bob");
    bobsForm.set("valueText", "BF16 (Bob)");
    const refused = failure(await h.actions.updateClaimAction(null, bobsForm));
    expect(refused.conflict).toBeDefined();
    expect(refused.values?.note).toBe("Alice's note");
    expect(refused.values?.valueText).toBe("BF16 (Bob)");
    expect(refused.values?.[MUST_CHOOSE]).toBeUndefined();
    // Saving the re-based form unchanged undoes nothing of Alice's.
    h.expectOk(await h.actions.updateClaimAction(null, h.form(refused.values ?? {})));
    const c = await h.claim(id);
    expect(c.note).toBe("Alice's note");
    expect(c.valueText).toBe("BF16 (Bob)");
  });

  it("fields both changed must be chosen before the save goes through", async () => {
    await h.signInAs("alice");
    const { id } = h.expectOk(
      await h.actions.createClaimAction(null, await h.newClaimForm({ label: "rebase both" })),
    );
    const bobsForm = await claimEditForm(id, { note: "Bob's note" });
    h.expectOk(
      await h.actions.updateClaimAction(null, await claimEditForm(id, { note: "Alice's note" })),
    );
    await h.signInAs("bob");
    const refused = failure(await h.actions.updateClaimAction(null, bobsForm));
    expect(refused.values?.[MUST_CHOOSE]).toBe("note");
    expect(refused.values?.note).toBe("Bob's note");
    const undecided = failure(
      await h.actions.updateClaimAction(null, h.form(refused.values ?? {})),
    );
    expect(undecided.fieldErrors?.note?.[0]).toMatch(/choose/);
    expect((await h.claim(id)).note).toBe("Alice's note");
    h.expectOk(
      await h.actions.updateClaimAction(
        null,
        h.form({ ...refused.values, "choose:note": "theirs" }),
      ),
    );
    expect((await h.claim(id)).note).toBe("Alice's note");
  });
});

describe("ranks are per variant and condition", () => {
  it("making the instruct score preferred leaves the base score preferred in its own group", async () => {
    await h.signInAs("alice");
    const make = async (variant: string) =>
      h.expectOk(
        await h.actions.createClaimAction(
          null,
          await h.newClaimForm({ label: "variant ranks", variant, rank: "preferred" }),
        ),
      ).id;
    const base = await make("base");
    const instruct = await make("instruct");
    expect((await h.claim(base)).rank).toBe("preferred");
    expect((await h.claim(instruct)).rank).toBe("preferred");
  });
});

describe("hidden characters and numbers", () => {
  it("refuses zero-width and direction-changing characters in names, titles and labels", async () => {
    await h.signInAs("alice");
    for (const name of ["Evil\u200BModel", "Model\u202Etxt.exe"]) {
      const r = failure(
        await h.actions.createModelAction(
          null,
          h.form({ slug: "hidden-chars", name, kind: "model", developer: "X" }),
        ),
      );
      expect(r.fieldErrors?.name?.[0]).toMatch(/invisible or direction-changing/);
    }
    const title = failure(
      await h.actions.createSourceAction(null, sourceForm({ title: "A\u2066B" })),
    );
    expect(title.fieldErrors?.title).toBeDefined();
    const label = failure(
      await h.actions.createClaimAction(null, await h.newClaimForm({ label: "MM\uFEFFLU" })),
    );
    expect(label.fieldErrors?.label).toBeDefined();
    expect(await h.t.db.$count(models, eq(models.slug, "hidden-chars"))).toBe(0);
  });

  it("refuses numbers outside the one grammar", async () => {
    await h.signInAs("alice");
    for (const valueNum of ["0x10", "1,2,3", "1e-320", "-5", "1e15", "12abc"]) {
      const r = failure(
        await h.actions.createClaimAction(null, await h.newClaimForm({ valueNum })),
      );
      expect(r.fieldErrors?.valueNum?.[0], valueNum).toMatch(/number/);
    }
    const ok = h.expectOk(
      await h.actions.createClaimAction(
        null,
        await h.newClaimForm({ valueNum: "1,024.5", label: "number grammar" }),
      ),
    );
    expect((await h.claim(ok.id)).valueNum).toBe(1024.5);
  });

  it("warns about U+FFFD (invalid UTF-8 on the way in) and stores it only when confirmed", async () => {
    await h.signInAs("alice");
    const text = "Broken \uFFFD byte";
    const warned = failure(
      await h.actions.createSourceAction(null, sourceForm({ slug: "fffd-src", text })),
    );
    expect(warned.fieldErrors?.text?.[0]).toMatch(/U\+FFFD/);
    expect(warned.confirm?.name).toBe("keepReplacementCharacters");
    expect(await h.t.db.$count(sources, eq(sources.slug, "fffd-src"))).toBe(0);
    h.expectOk(
      await h.actions.createSourceAction(
        null,
        sourceForm({ slug: "fffd-src", text, keepReplacementCharacters: "on" }),
      ),
    );
  });
});

h.readModelStaysInStep();
