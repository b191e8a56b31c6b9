import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAttempts } from "@/db/schema";
import { createTestDb, type TestDb } from "../helpers/test-db";

/*
 * Sign-in under attack (issue 11): the limits hold whatever the concurrency, an attacker cannot
 * lock a maintainer out of their own address, and a storm of sign-ins is refused before hashing.
 */

// A queue long enough that the concurrency test reaches the limits rather than the hash queue.
vi.stubEnv("OWL_HASH_QUEUE", "64");
// No rest between hashes here (it bounds a storm's CPU, measured in npm run load, not tested).
vi.stubEnv("OWL_HASH_DUTY", "1");
const { createMaintainer, signIn, signInHashes } = await import("@/db/accounts");
const { SIGN_IN_POLICY } = await import("@/db/domain/sign-in-policy");

const PASSWORD = "a long enough password";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  for (const name of ["alice", "bob", "carol", "dave"])
    await createMaintainer(t.db, name, PASSWORD);
});
afterAll(async () => t?.close());

const attempt = (name: string, password: string, address: string) =>
  signIn(t.db, { name, password, address });

describe("the per-account limit is atomic", () => {
  it("30 attempts at the same moment: no more than the limit are evaluated, the 30th (right) one is refused", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attempt("bob", i === 29 ? PASSWORD : `wrong password ${i}`, "198.51.100.30"),
      ),
    );
    const evaluated = results.filter((r) => r.ok || r.reason === "mismatch");
    expect(evaluated.length).toBeGreaterThan(0);
    expect(evaluated.length).toBeLessThanOrEqual(SIGN_IN_POLICY.pair.limit);
    expect(results[29]?.ok).toBe(false);
    const refused = results.filter((r) => !r.ok && r.reason === "limited");
    expect(refused.length).toBe(30 - evaluated.length);
    for (const r of refused)
      if (!r.ok)
        expect(r.error).toMatch(/^Too many sign-in attempts; try again in \d+ minutes?\.$/);
    // Exactly the evaluated attempts were recorded: the refused ones never reached the hash.
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(signInAttempts)
      .where(sql`name = 'bob'`);
    expect(row?.n).toBe(evaluated.length);
    expect(signInHashes.inFlight).toEqual({ running: 0, waiting: 0 });
  });
});

describe("an attacker elsewhere cannot lock a maintainer out", () => {
  it("failures from another address slow that address, not the maintainer's own", async () => {
    expect((await attempt("alice", PASSWORD, "192.0.2.10")).ok).toBe(true);
    for (let i = 0; i < 3; i++)
      expect(await attempt("alice", "guess", "203.0.113.66")).toMatchObject({ reason: "mismatch" });
    // The attacker's pair now waits (back-off), even with the right password.
    expect(await attempt("alice", PASSWORD, "203.0.113.66")).toMatchObject({ reason: "limited" });
    // Alice at her own address is not affected.
    expect((await attempt("alice", PASSWORD, "192.0.2.10")).ok).toBe(true);
  });

  it("guessing spread over many addresses hits the account ceiling, except at a known address", async () => {
    expect((await attempt("carol", PASSWORD, "192.0.2.20")).ok).toBe(true);
    // Recorded failures from 50 different addresses within the hour (no need to hash each).
    await t.db.insert(signInAttempts).values(
      Array.from({ length: SIGN_IN_POLICY.account.limit }, (_, i) => ({
        name: "carol",
        address: `10.9.${Math.floor(i / 200)}.${i % 200}`,
        succeeded: false,
      })),
    );
    const stranger = await attempt("carol", PASSWORD, "198.51.100.99");
    expect(stranger).toMatchObject({ ok: false, reason: "limited" });
    if (!stranger.ok && stranger.reason === "limited")
      expect(stranger.retryAfterSeconds).toBeGreaterThan(60 * 50);
    expect((await attempt("carol", PASSWORD, "192.0.2.20")).ok).toBe(true);
  });

  it("one address spraying many names hits the per-address limit", async () => {
    const address = "198.51.100.150";
    for (let i = 0; i < SIGN_IN_POLICY.address.limit; i++)
      expect(await attempt(`nobody-${i}`, "guess", address)).toMatchObject({ reason: "mismatch" });
    expect(await attempt("dave", PASSWORD, address)).toMatchObject({ reason: "limited" });
    expect((await attempt("dave", PASSWORD, "192.0.2.40")).ok).toBe(true);
  });
});

describe("a sign-in storm is refused before hashing", () => {
  it("hash slots: a bounded number run, a bounded number wait, the rest are refused at once", async () => {
    const { HashSlots } = await import("@/db/domain/password");
    const slots = new HashSlots(1, 4);
    const first = slots.tryAcquire();
    expect(first).not.toBeNull();
    const release = await first;
    const queued = Array.from({ length: 4 }, () => slots.tryAcquire());
    for (const q of queued) expect(q).not.toBeNull();
    expect(slots.inFlight).toEqual({ running: 1, waiting: 4 });
    expect(slots.tryAcquire()).toBeNull();
    // Each release hands the slot to the next in line, then frees it.
    release?.();
    for (const q of queued) (await q)?.();
    expect(slots.inFlight).toEqual({ running: 0, waiting: 0 });
  });

  it("40 parallel attempts for made-up names: the overflow is answered busy without a record", async () => {
    const before = await t.db.$count(signInAttempts);
    // The default bound (1 running, 4 waiting), as a server runs it.
    const { HashSlots } = await import("@/db/domain/password");
    const original = Object.getOwnPropertyDescriptors(signInHashes);
    Object.assign(signInHashes, new HashSlots(1, 4));
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          attempt(`made-up-${i}`, "guess", `192.0.2.${100 + i}`),
        ),
      );
      const busy = results.filter((r) => !r.ok && r.reason === "busy");
      expect(busy.length).toBeGreaterThanOrEqual(35);
      for (const r of busy)
        if (!r.ok && r.reason === "busy") expect(r.retryAfterSeconds).toBeGreaterThan(0);
      expect(await t.db.$count(signInAttempts)).toBe(before + (40 - busy.length));
    } finally {
      Object.defineProperties(signInHashes, original);
    }
  });
});
