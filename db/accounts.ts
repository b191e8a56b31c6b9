/*
 * Maintainer accounts and sessions. Not `server-only`: the command-line tool that creates
 * maintainers uses it too. Session tokens are 256 random bits; only their SHA-256 is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "./client";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./domain/password";
import { maintainers, sessions, signInAttempts } from "./schema";

export const SESSION_DAYS = 14;
export const LIMITS = { perAccount: 5, perAddress: 20, windowMinutes: 15 } as const;

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
  | { ok: false; error: string };

/**
 * Checks a password and opens a session. Failed attempts are counted per account name and per
 * address in the database, so the limit holds across server processes and restarts.
 */
export async function signIn(
  db: Db,
  input: { name: string; password: string; address: string },
): Promise<SignInResult> {
  const name = input.name.trim().toLowerCase().slice(0, 100);
  const address = input.address.slice(0, 100);
  const since = new Date(Date.now() - LIMITS.windowMinutes * 60_000);
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)))
      .then((r) => r[0]?.n ?? 0);
  const [byName, byAddress] = await Promise.all([
    failures(eq(signInAttempts.name, name)),
    failures(eq(signInAttempts.address, address)),
  ]);
  if (byName >= LIMITS.perAccount || byAddress >= LIMITS.perAddress) {
    return {
      ok: false,
      error: `Too many failed sign-in attempts. Try again in ${LIMITS.windowMinutes} minutes.`,
    };
  }

  const [account] = await db.select().from(maintainers).where(eq(maintainers.name, name));
  const valid = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_HASH);
  await db.insert(signInAttempts).values({ name, address, succeeded: valid && !!account });
  if (!account || !valid)
    return { ok: false, error: "That name and password do not match a maintainer." };

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
