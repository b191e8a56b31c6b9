import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { type SignInResult, signIn } from "@/db/accounts";
import { clientAddress, setSessionCookie } from "@/db/queries/session";

/*
 * One sign-in for both ways in: the server action (with JavaScript) and the plain form post to
 * ./submit/route.ts (without), which can answer 429 and 503 with Retry-After as HTTP should.
 */

const signInSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "your maintainer name")
    .max(100)
    .refine((s) => !s.includes("\u0000"), "not a valid name"),
  password: z.string().min(1, "your password").max(1024),
  next: z.string().optional(),
});

export const INVALID_MESSAGE = "Enter your name and password.";

export type SignInOutcome =
  | { ok: true; next: string }
  | { ok: false; reason: "invalid"; error: string; fieldErrors: Record<string, string[]> }
  | Extract<SignInResult, { ok: false }>;

/** Only the maintainer area: never bounce a maintainer to another origin after sign-in. */
export function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/maintain(?:[/?#]|$)/.test(next) ? next : "/maintain";
}

export async function attemptSignIn(formData: FormData): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      ok: false,
      reason: "invalid",
      error: INVALID_MESSAGE,
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  const result = await signIn(db, { ...parsed.data, address: await clientAddress() });
  if (!result.ok) return result;
  await setSessionCookie(result.token, result.expiresAt);
  return { ok: true, next: safeNext(parsed.data.next) };
}
