import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMaintainer, signIn } from "@/db/accounts";
import { findCatalogDrift } from "@/db/catalog-index";
import { type Db, rowsOf } from "@/db/client";
import { wellFormed } from "@/db/domain/catalog-query";
import type { ActionResult } from "@/db/domain/result";
import { claims, models, revisions, sources } from "@/db/schema";
import { findBrokenQuotes, seed } from "@/seed/index";
import { hostileString } from "../helpers/hostile";
import { createTestDb, type TestDb } from "../helpers/test-db";

/*
 * The server actions, called as Next would call them: FormData in, ActionResult out. "@/db" is
 * pointed at this file's fresh database and the cookie jar is a plain map.
 */
const state = vi.hoisted(() => ({ db: null as unknown as Db, cookies: new Map<string, string>() }));
vi.mock("@/db", () => ({
  get db() {
    return state.db;
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      state.cookies.has(name) ? { name, value: state.cookies.get(name) } : undefined,
    set: (name: string, value: string) => state.cookies.set(name, value),
    delete: (opts: { name: string } | string) =>
      state.cookies.delete(typeof opts === "string" ? opts : opts.name),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const actions = await import("@/app/maintain/actions");
const { SESSION_COOKIE } = await import("@/db/queries/session");

let t: TestDb;
const PASSWORD = "a long enough password";

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  await seed(t.db);
  await createMaintainer(t.db, "alice", PASSWORD);
  await createMaintainer(t.db, "bob", PASSWORD);
});
afterAll(async () => t?.close());

async function signInAs(name: string) {
  const r = await signIn(t.db, { name, password: PASSWORD, address: "198.51.100.1" });
  if (!r.ok) throw new Error(r.error);
  state.cookies.set(SESSION_COOKIE, r.token);
}
const signOut = () => state.cookies.clear();

function form(values: Record<string, string | number | null | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null) f.set(k, String(v));
  return f;
}

async function sourceId(slug: string) {
  const [s] = await t.db.select().from(sources).where(eq(sources.slug, slug));
  return s?.id as number;
}
async function modelId(slug: string) {
  const [m] = await t.db.select().from(models).where(eq(models.slug, slug));
  return m?.id as number;
}
async function claim(id: number) {
  const [c] = await t.db.select().from(claims).where(eq(claims.id, id));
  if (!c) throw new Error(`no claim ${id}`);
  return c;
}
const revisionCount = () => t.db.$count(revisions);

async function newClaimForm(overrides: Record<string, string | number> = {}) {
  return form({
    modelId: await modelId("gpt-oss-20b"),
    field: "other",
    label: "recommended activation precision",
    valueText: "BF16",
    provenance: "publisher",
    sourceId: await sourceId("github-openai-gpt-oss-readme"),
    // Typed with straight quotes and odd spacing; the source has the passage exactly once.
    quote: "We also recommend using BF16   as the activation precision for the model.",
    ...overrides,
  });
}

function expectOk<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.data;
}

describe("every write path refuses an unauthenticated call and writes nothing", () => {
  it("refuses each action without a session", async () => {
    signOut();
    const before = await revisionCount();
    const c = await claim(1);
    const calls: [string, Promise<ActionResult<unknown>>][] = [
      ["createClaim", actions.createClaimAction(null, await newClaimForm())],
      [
        "updateClaim",
        actions.updateClaimAction(null, form({ id: 1, baseRevision: c.revision, reason: "x y z" })),
      ],
      [
        "rankClaim",
        actions.rankClaimAction(
          null,
          form({ id: 1, baseRevision: c.revision, rank: "normal", reason: "because" }),
        ),
      ],
      [
        "retireClaim",
        actions.retireClaimAction(
          null,
          form({ id: 1, baseRevision: c.revision, reason: "because" }),
        ),
      ],
      [
        "revertClaim",
        actions.revertClaimAction(
          null,
          form({ id: 1, baseRevision: c.revision, toRevision: 1, reason: "because" }),
        ),
      ],
      [
        "createSource",
        actions.createSourceAction(
          null,
          form({ slug: "x-source", title: "X", kind: "blog", tier: "press", text: "hello" }),
        ),
      ],
      [
        "createModel",
        actions.createModelAction(
          null,
          form({ slug: "x-model", name: "X", kind: "model", developer: "X" }),
        ),
      ],
      [
        "updateModel",
        actions.updateModelAction(
          null,
          form({
            id: 1,
            baseRevision: 1,
            slug: "gpt-oss",
            name: "Y",
            kind: "family",
            developer: "Y",
            reason: "because",
          }),
        ),
      ],
    ];
    for (const [name, call] of calls) {
      const r = await call;
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error, name).toMatch(/Only signed-in maintainers/);
    }
    expect(await revisionCount()).toBe(before);
  });

  it("refuses a forged or revoked session token", async () => {
    state.cookies.set(SESSION_COOKIE, "forged-token");
    const r = await actions.createClaimAction(null, await newClaimForm());
    expect(r.ok).toBe(false);
    await signInAs("alice");
    const token = state.cookies.get(SESSION_COOKIE) as string;
    await expect(actions.signOutAction()).rejects.toMatchObject({
      to: "/maintain/sign-in?signedOut=1",
    });
    state.cookies.set(SESSION_COOKIE, token);
    const after = await actions.createClaimAction(null, await newClaimForm());
    expect(after.ok).toBe(false);
  });
});

describe("adding a claim by quoting a passage", () => {
  it("locates a leniently typed passage, stores it exactly with offsets, and logs a revision", async () => {
    await signInAs("alice");
    const before = await revisionCount();
    const { id } = expectOk(await actions.createClaimAction(null, await newClaimForm()));
    const c = await claim(id);
    expect(c.quote).toBe("We also recommend using BF16 as the activation precision for the model.");
    expect(c.authorName).toBe("alice");
    expect(await revisionCount()).toBe(before + 1);
    const [rev] = await t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, "claim"), eq(revisions.entityId, id)));
    expect(rev).toMatchObject({ action: "create", revision: 1, authorName: "alice" });
    expect(await findBrokenQuotes(t.db)).toEqual([]);
  });

  it("refuses a quote that is not in the source, with a field error and the form values back", async () => {
    await signInAs("alice");
    const before = await revisionCount();
    const r = await actions.createClaimAction(
      null,
      await newClaimForm({ quote: "We recommend FP64 for everything." }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors?.quote?.[0]).toMatch(/not in the source text/);
    expect(r.values?.quote).toBe("We recommend FP64 for everything.");
    expect(r.values?.valueText).toBe("BF16");
    expect(await revisionCount()).toBe(before);
  });

  it("validates every field on the server with messages per field", async () => {
    await signInAs("alice");
    const r = await actions.createClaimAction(
      null,
      await newClaimForm({
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
    await signInAs("alice");
    const r = await actions.createClaimAction(
      null,
      await newClaimForm({
        field: "context_window",
        label: "",
        valueText: "BF16",
        valueNum: "-5",
        quote: "We also recommend using BF16",
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.valueNum?.[0]).toMatch(/outside the sane range/);
  });
});

describe("no lost updates", () => {
  it("two concurrent edits from the same revision: exactly one wins, the other gets a conflict listing the change", async () => {
    await signInAs("alice");
    const { id } = expectOk(
      await actions.createClaimAction(null, await newClaimForm({ label: "concurrency probe" })),
    );
    const base = (await claim(id)).revision;
    const editTo = async (valueText: string) =>
      actions.updateClaimAction(
        null,
        form({
          id,
          baseRevision: base,
          field: "other",
          label: "concurrency probe",
          valueText,
          provenance: "publisher",
          sourceId: await sourceId("github-openai-gpt-oss-readme"),
          quote: "We also recommend using BF16 as the activation precision for the model.",
          reason: `set to ${valueText}`,
        }),
      );
    const before = await revisionCount();
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
    expect(await revisionCount()).toBe(before + 1);
    expect((await claim(id)).revision).toBe(base + 1);
  });

  it("refuses a stale model edit the same way", async () => {
    await signInAs("bob");
    const id = await modelId("olmo-2");
    const edit = (description: string, baseRevision: number) =>
      actions.updateModelAction(
        null,
        form({
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
    expectOk(await edit("Ai2's fully open language models.", 1));
    const stale = await edit("Something else.", 1);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.conflict?.changes[0]?.authorName).toBe("bob");
  });
});

describe("ranking, retiring and reverting", () => {
  it("making a claim preferred demotes the old preferred claim, both logged", async () => {
    await signInAs("bob");
    // gpt-oss-120b total params: 117B (preferred) and ~120B (normal).
    const [approx] = await t.db.select().from(claims).where(eq(claims.seedKey, "claims.json#17"));
    const [exact] = await t.db.select().from(claims).where(eq(claims.seedKey, "claims.json#0"));
    if (!approx || !exact) throw new Error("seed claims missing");
    const before = await revisionCount();
    expectOk(
      await actions.rankClaimAction(
        null,
        form({
          id: approx.id,
          baseRevision: approx.revision,
          rank: "preferred",
          reason: "test: prefer the press figure",
        }),
      ),
    );
    expect((await claim(approx.id)).rank).toBe("preferred");
    expect((await claim(exact.id)).rank).toBe("normal");
    expect(await revisionCount()).toBe(before + 2);
    // And back, by reverting the demoted claim: itself a new revision.
    const demoted = await claim(exact.id);
    expectOk(
      await actions.revertClaimAction(
        null,
        form({
          id: exact.id,
          baseRevision: demoted.revision,
          toRevision: 1,
          reason: "undo the test",
        }),
      ),
    );
    expect((await claim(exact.id)).rank).toBe("preferred");
    expect((await claim(approx.id)).rank).toBe("normal");
    expect((await claim(exact.id)).revision).toBe(demoted.revision + 1);
  });

  it("refuses to make a forecast preferred", async () => {
    await signInAs("bob");
    const [forecast] = await t.db
      .select()
      .from(claims)
      .where(eq(claims.provenance, "forecast"))
      .limit(1);
    if (!forecast) throw new Error("no forecast");
    const r = await actions.rankClaimAction(
      null,
      form({
        id: forecast.id,
        baseRevision: forecast.revision,
        rank: "preferred",
        reason: "should fail",
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/forecast can never be the preferred/);
    expect((await claim(forecast.id)).rank).toBe("normal");
  });

  it("retires a claim (unpublished, history kept) and reverts the retirement", async () => {
    await signInAs("alice");
    const { id } = expectOk(
      await actions.createClaimAction(null, await newClaimForm({ label: "retire probe" })),
    );
    expectOk(
      await actions.retireClaimAction(null, form({ id, baseRevision: 1, reason: "duplicate" })),
    );
    expect((await claim(id)).retiredAt).not.toBeNull();
    const again = await actions.retireClaimAction(
      null,
      form({ id, baseRevision: 2, reason: "duplicate" }),
    );
    expect(again.ok).toBe(false);
    expectOk(
      await actions.revertClaimAction(
        null,
        form({ id, baseRevision: 2, toRevision: 1, reason: "not a duplicate" }),
      ),
    );
    const restored = await claim(id);
    expect(restored.retiredAt).toBeNull();
    const log = await t.db
      .select()
      .from(revisions)
      .where(and(eq(revisions.entityType, "claim"), eq(revisions.entityId, id)));
    expect(log.map((r) => r.action)).toEqual(["create", "retire", "revert"]);
  });
});

describe("sources and models", () => {
  it("adds a source from pasted text; then a claim can quote it", async () => {
    await signInAs("alice");
    const text = "Example model card.\r\nExampleLM has 3B parameters and a 4K context.";
    const { slug } = expectOk(
      await actions.createSourceAction(
        null,
        form({
          slug: "example-card",
          title: "Example card",
          kind: "model_card",
          tier: "primary",
          text,
          url: "",
        }),
      ),
    );
    const [src] = await t.db.select().from(sources).where(eq(sources.slug, slug));
    expect(src?.text).toBe("Example model card.\nExampleLM has 3B parameters and a 4K context.");
    expect(src?.url).toBeNull();
    expect(src?.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { slug: model } = expectOk(
      await actions.createModelAction(
        null,
        form({ slug: "examplelm", name: "ExampleLM", kind: "model", developer: "Example Org" }),
      ),
    );
    const { id } = expectOk(
      await actions.createClaimAction(
        null,
        form({
          modelId: await modelId(model),
          field: "total_params",
          valueText: "3B",
          provenance: "publisher",
          sourceId: src?.id,
          quote: "ExampleLM has 3B parameters",
          rank: "preferred",
        }),
      ),
    );
    expect((await claim(id)).valueNum).toBe(3e9);
  });

  it("refuses bad source input without storing anything", async () => {
    await signInAs("alice");
    const r = await actions.createSourceAction(
      null,
      form({
        slug: "Bad Slug!",
        title: "",
        kind: "tweet",
        tier: "primary",
        text: "",
        url: "javascript:alert(1)",
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
        "kind",
        "slug",
        "text",
        "title",
        "url",
      ]);
    expect(await t.db.$count(sources, eq(sources.slug, "bad-slug"))).toBe(0);
  });
});

describe("sign-in", () => {
  it("rate-limits failed attempts per account", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await signIn(t.db, {
        name: "bob",
        password: "wrong password!",
        address: `192.0.2.${i}`,
      });
      expect(r.ok).toBe(false);
    }
    const locked = await signIn(t.db, { name: "bob", password: PASSWORD, address: "192.0.2.99" });
    expect(locked).toEqual({
      ok: false,
      error: expect.stringMatching(/Too many failed sign-in attempts/),
    });
  });

  it("stores only a hash of the session token", async () => {
    const r = await signIn(t.db, { name: "alice", password: PASSWORD, address: "192.0.2.200" });
    if (!r.ok) throw new Error(r.error);
    expect(r.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const rows = await t.db.execute(`select token_hash from sessions`);
    const hashes = JSON.stringify(rows);
    expect(hashes).not.toContain(r.token);
  });
});

describe("a failed write is rolled back entirely", () => {
  it("leaves no claim behind when its revision entry cannot be written", async () => {
    await signInAs("alice");
    // Make the revision log refuse one specific write, as a disk or constraint failure would.
    await t.db.execute(`create function fail_marked_revision() returns trigger language plpgsql as $$
      begin if new.reason = 'fail this write' then raise exception 'simulated failure'; end if; return new; end $$`);
    await t.db.execute(
      `create trigger fail_marked before insert on revisions for each row execute function fail_marked_revision()`,
    );
    try {
      const claimsBefore = await t.db.$count(claims);
      const revisionsBefore = await revisionCount();
      await expect(
        actions.createClaimAction(
          null,
          await newClaimForm({ label: "rollback probe", rankReason: "fail this write" }),
        ),
      ).rejects.toThrow();
      expect(await t.db.$count(claims)).toBe(claimsBefore);
      expect(await t.db.$count(claims, eq(claims.label, "rollback probe"))).toBe(0);
      expect(await revisionCount()).toBe(revisionsBefore);
    } finally {
      await t.db.execute("drop trigger fail_marked on revisions");
      await t.db.execute("drop function fail_marked_revision()");
    }
  });
});

describe("hostile form input to every edit action (fast-check)", () => {
  it("never throws, never stores an invalid row, and every stored quote still matches", async () => {
    await signInAs("alice");
    const claim1 = await claim(1);
    const validClaim = Object.fromEntries((await newClaimForm()).entries()) as Record<
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
      createClaim: (f) => actions.createClaimAction(null, f),
      updateClaim: (f) => actions.updateClaimAction(null, f),
      rankClaim: (f) => actions.rankClaimAction(null, f),
      retireClaim: (f) => actions.retireClaimAction(null, f),
      revertClaim: (f) => actions.revertClaimAction(null, f),
      createSource: (f) => actions.createSourceAction(null, f),
      createModel: (f) => actions.createModelAction(null, f),
      updateModel: (f) => actions.updateModelAction(null, f),
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
          form(values),
        );
        expect(typeof r.ok, name).toBe("boolean");
        if (r.ok) accepted++;
        else expect(r.error.length, name).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    expect(await findBrokenQuotes(t.db)).toEqual([]);
    // Every accepted edit refreshed the catalog's read model in its own transaction.
    expect(await findCatalogDrift(t.db)).toEqual([]);
    // Whatever was accepted is well-formed text (lone surrogates never reach storage).
    const rows = await t.db
      .select({ v: claims.valueText, l: claims.label, n: claims.note })
      .from(claims);
    for (const r of rows) for (const s of [r.v, r.l, r.n ?? ""]) expect(wellFormed(s)).toBe(s);
    console.log(
      `edit actions: ${tried} hostile submissions, ${accepted} accepted as valid, none threw`,
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

describe("the catalog's read model", () => {
  it("equals a fresh computation from the claims after every edit in this file", async () => {
    expect(await findCatalogDrift(t.db)).toEqual([]);
  });
});

describe("slug rules match the database's", () => {
  it("refuses a source slug with a dot as a field error, as the database would", async () => {
    await signInAs("alice");
    const r = await actions.createSourceAction(
      null,
      form({ slug: "1.5e-323", title: "Fuzz", kind: "blog", tier: "press", text: "fuzz text" }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.slug?.[0]).toMatch(/hyphens/);
  });
});

describe("the data version (what the page cache is keyed by)", () => {
  const version = async () => {
    const [row] = rowsOf<{ v: string }>(
      await t.db.execute(sql`select version::text as v from data_version`),
    );
    return Number(row?.v);
  };

  it("moves with every write the public pages show, whoever makes it", async () => {
    const v0 = await version();
    await signInAs("alice");
    expectOk(
      await actions.createClaimAction(
        null,
        await newClaimForm({ label: "activation precision (data version)" }),
      ),
    );
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    // A write from outside the app (psql, a script) moves it too: the triggers see every table.
    await t.db
      .update(models)
      .set({ name: sql`${models.name}` })
      .where(eq(models.slug, "gpt-oss-20b"));
    expect(await version()).toBeGreaterThan(v1);
  });

  it("stays put for sign-ins, refused edits and rolled-back transactions", async () => {
    await createMaintainer(t.db, "carol", PASSWORD);
    const v0 = await version();
    signOut();
    const refused = await actions.createClaimAction(null, await newClaimForm());
    expect(refused.ok).toBe(false);
    // Sessions and sign-in attempts are written; neither is shown on a public page.
    const signedIn = await signIn(t.db, {
      name: "carol",
      password: PASSWORD,
      address: "203.0.113.9",
    });
    expect(signedIn.ok).toBe(true);
    await expect(
      t.db.transaction(async (tx) => {
        await tx
          .update(models)
          .set({ name: sql`${models.name}` })
          .where(eq(models.slug, "gpt-oss-20b"));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await version()).toBe(v0);
  });
});
