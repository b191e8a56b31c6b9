/*
 * Maintainer accounts and sessions. Not `server-only`: the command-line tool that creates
 * maintainers uses it too. Session tokens are 256 random bits; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, rowsOf, type Tx } from "./client";
import { DUMMY_HASH, HashSlots, hashPassword, verifyPassword } from "./domain/password";
import {
  type FailureCounts,
  judgeAttempt,
  SIGN_IN_POLICY,
  tooManyMessage,
} from "./domain/sign-in-policy";
import { maintainers, sessions, signInAttempts } from "./schema";

export const SESSION_DAYS = 14;

/** The one answer to a wrong name or a wrong password: which of the two is never said. */
export const MISMATCH_MESSAGE = "That name and password do not match a maintainer.";

/** Secure with the __Host- prefix in production; OWL_INSECURE_COOKIES=1 for plain-HTTP tests. */
export const isSecureCookie = () =>
  process.env.NODE_ENV === "production" && process.env.OWL_INSECURE_COOKIES !== "1";
export const SESSION_COOKIE = isSecureCookie() ? "__Host-owl_session" : "owl_session";

export const maintainerNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{2,39}$/, "3–40 characters: lowercase letters, digits, - and _");
export const passwordSchema = z
  .string()
  .min(12, "at least 12 characters")
  .max(1024, "at most 1024 characters");

export type Maintainer = { id: number; name: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function createMaintainer(
  db: Db,
  name: string,
  password: string,
): Promise<Maintainer> {
  const n = maintainerNameSchema.parse(name);
  passwordSchema.parse(password);
  const [row] = await db
    .insert(maintainers)
    .values({ name: n, passwordHash: await hashPassword(password) })
    .returning({ id: maintainers.id, name: maintainers.name });
  if (!row) throw new Error("could not create maintainer");
  return row;
}

export type SignInResult =
  | { ok: true; token: string; maintainer: Maintainer; expiresAt: Date }
  | { ok: false; reason: "mismatch"; error: string }
  | { ok: false; reason: "limited"; error: string; retryAfterSeconds: number }
  | { ok: false; reason: "busy"; error: string; retryAfterSeconds: number };

/**
 * One hash at a time per process, four more waiting, and the slot rests after each hash for as
 * long as the hash took (OWL_HASH_DUTY, the share of one core hashing may use: 0.5). A storm of
 * sign-ins then takes at most half a core and one thread-pool thread; readers keep the rest
 * (BENCHMARKS.md, "Sign-in storm"). An honest sign-in during a storm may be asked to retry.
 */
export const signInHashes = new HashSlots(
  Number(process.env.OWL_HASH_CONCURRENCY ?? 1),
  Number(process.env.OWL_HASH_QUEUE ?? 4),
);
const HASH_DUTY = Math.min(1, Math.max(0.05, Number(process.env.OWL_HASH_DUTY ?? 0.5)));

/** Any constant: the advisory lock that makes counting and recording an attempt one step. */
const SIGN_IN_LOCK = 7_340_001;

/**
 * The policy's verdict on one more attempt now, from the failures recorded so far. The clock is
 * the database's (clock_timestamp(), not the transaction's start): every server judges alike.
 */
async function judgeFromRecord(
  db: Db | Tx,
  name: string,
  address: string,
): Promise<ReturnType<typeof judgeAttempt>> {
  const P = SIGN_IN_POLICY;
  const since = (m: number) => sql`clock_timestamp() - make_interval(mins => ${m})`;
  const known = sql`clock_timestamp() - make_interval(days => ${P.knownAddressDays})`;
  const ms = (col: unknown) => sql`(extract(epoch from ${col}) * 1000)::float8`;
  const [row] = rowsOf<Record<string, number | boolean | null>>(
    await db.execute(sql`
        select
          count(*) filter (where name = ${name} and address = ${address}
            and created_at > ${since(P.pair.windowMinutes)})::int as pair,
          ${ms(sql`min(created_at) filter (where name = ${name} and address = ${address}
            and created_at > ${since(P.pair.windowMinutes)})`)} as "pairOldest",
          ${ms(sql`max(created_at) filter (where name = ${name} and address = ${address}
            and created_at > ${since(P.pair.windowMinutes)})`)} as "pairLast",
          count(*) filter (where address = ${address}
            and created_at > ${since(P.address.windowMinutes)})::int as address,
          ${ms(sql`min(created_at) filter (where address = ${address}
            and created_at > ${since(P.address.windowMinutes)})`)} as "addressOldest",
          count(*) filter (where name = ${name}
            and created_at > ${since(P.account.windowMinutes)})::int as account,
          ${ms(sql`min(created_at) filter (where name = ${name}
            and created_at > ${since(P.account.windowMinutes)})`)} as "accountOldest",
          ${ms(sql`clock_timestamp()`)} as now
        from sign_in_attempts
        where not succeeded and created_at > ${since(P.account.windowMinutes)}
          and (name = ${name} or address = ${address})`),
  );
  const [seen] = rowsOf<{ known: boolean }>(
    await db.execute(sql`
        select exists (select 1 from sign_in_attempts where succeeded and name = ${name}
          and address = ${address} and created_at > ${known}) as known`),
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const counts: FailureCounts = {
    pair: Number(row?.pair ?? 0),
    pairOldest: num(row?.pairOldest),
    pairLast: num(row?.pairLast),
    address: Number(row?.address ?? 0),
    addressOldest: num(row?.addressOldest),
    account: Number(row?.account ?? 0),
    accountOldest: num(row?.accountOldest),
    knownAddress: Boolean(seen?.known),
  };
  return judgeAttempt(counts, Number(row?.now ?? Date.now()));
}

/**
 * Counts the failures that bear on this attempt and, if the policy allows it, records the attempt
 * as a failure before any hashing — all under one transaction-level advisory lock (at READ
 * COMMITTED, so each waiter counts what the one before it recorded), so however many attempts
 * arrive at once, no more than the limits allow are ever evaluated. A correct password later
 * turns the record into a success.
 */
async function reserveAttempt(
  db: Db,
  name: string,
  address: string,
): Promise<{ id: number } | { retryAfterSeconds: number }> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK})`);
      const verdict = await judgeFromRecord(tx, name, address);
      if (!verdict.allowed) return { retryAfterSeconds: verdict.retryAfterSeconds };
      const [attempt] = await tx
        .insert(signInAttempts)
        .values({ name, address, succeeded: false, createdAt: sql`clock_timestamp()` })
        .returning({ id: signInAttempts.id });
      if (!attempt) throw new Error("could not record the sign-in attempt");
      return attempt;
    },
    { isolationLevel: "read committed" },
  );
}

/**
 * Checks a password and opens a session. Refused before any hashing when the hash queue is full
 * (busy) or a limit applies (limited); an unknown name is hashed against a dummy, so it costs and
 * answers the same as a wrong password.
 */
export async function signIn(
  db: Db,
  input: { name: string; password: string; address: string },
): Promise<SignInResult> {
  const name = input.name.trim().toLowerCase().slice(0, 100);
  const address = input.address.slice(0, 100);
  const limited = (retryAfterSeconds: number): SignInResult => ({
    ok: false,
    reason: "limited",
    error: tooManyMessage(retryAfterSeconds),
    retryAfterSeconds,
  });
  // A read-only look first, so an address that is already refused never holds a hash slot (it
  // would keep the queue full for everyone else). The locked check below is the one that counts.
  const early = await judgeFromRecord(db, name, address);
  if (!early.allowed) return limited(early.retryAfterSeconds);
  const slot = signInHashes.tryAcquire();
  if (!slot)
    return {
      ok: false,
      reason: "busy",
      error: "The server is busy with other sign-ins; try again in a few seconds.",
      retryAfterSeconds: 5,
    };
  const release = await slot;
  const hashStarted = performance.now();
  let valid = false;
  let account: typeof maintainers.$inferSelect | undefined;
  try {
    const reserved = await reserveAttempt(db, name, address);
    if ("retryAfterSeconds" in reserved) return limited(reserved.retryAfterSeconds);
    [account] = await db.select().from(maintainers).where(eq(maintainers.name, name));
    valid = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_HASH);
    if (valid && account)
      await db
        .update(signInAttempts)
        .set({ succeeded: true })
        .where(eq(signInAttempts.id, reserved.id));
  } finally {
    // The answer goes out now; the slot frees up after its rest.
    const rest = (performance.now() - hashStarted) * (1 / HASH_DUTY - 1);
    if (rest > 1) setTimeout(release, rest).unref();
    else release();
  }
  if (!account || !valid)
    return {
      ok: false,
      reason: "mismatch",
      error: MISMATCH_MESSAGE,
    };

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db
    .insert(sessions)
    .values({ tokenHash: sha256(token), maintainerId: account.id, expiresAt });
  return { ok: true, token, maintainer: { id: account.id, name: account.name }, expiresAt };
}

export async function maintainerForToken(
  db: Db,
  token: string | undefined,
): Promise<Maintainer | null> {
  if (!token || token.length > 200) return null;
  const [row] = await db
    .select({ id: maintainers.id, name: maintainers.name })
    .from(sessions)
    .innerJoin(maintainers, eq(maintainers.id, sessions.maintainerId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(eq(sessions.tokenHash, sha256(token)));
}
