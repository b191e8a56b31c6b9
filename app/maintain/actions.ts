"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { signIn } from "@/db/accounts";
import {
  createClaimSchema,
  createModelSchema,
  createSourceSchema,
  rankClaimSchema,
  retireClaimSchema,
  revertClaimSchema,
  updateClaimSchema,
  updateModelSchema,
} from "@/db/domain/edit-schemas";
import type { ActionResult } from "@/db/domain/result";
import * as edits from "@/db/queries/edits";
import { clientAddress, endSession, setSessionCookie } from "@/db/queries/session";
import { maintainerAction } from "./define-action";

/* Every export here is reachable by POST: each checks the maintainer itself (maintainerAction). */

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

export async function signInAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      ok: false,
      error: "Enter your name and password.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  const result = await signIn(db, { ...parsed.data, address: await clientAddress() });
  if (!result.ok) return { ok: false, error: result.error };
  await setSessionCookie(result.token, result.expiresAt);
  // Only same-site paths: never bounce a maintainer to another origin after sign-in.
  const next = parsed.data.next?.startsWith("/maintain") ? parsed.data.next : "/maintain";
  redirect(next);
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/maintain/sign-in?signedOut=1");
}

// Next 16 accepts these as server actions: maintainerAction returns an async function, which is
// all a "use server" export must be (checked by `next build`, which refuses anything else).
export const createClaimAction = maintainerAction(createClaimSchema, edits.createClaim);
export const updateClaimAction = maintainerAction(updateClaimSchema, edits.updateClaim);
export const rankClaimAction = maintainerAction(rankClaimSchema, edits.rankClaim);
export const retireClaimAction = maintainerAction(retireClaimSchema, edits.retireClaim);
export const revertClaimAction = maintainerAction(revertClaimSchema, edits.revertClaim);
export const createSourceAction = maintainerAction(createSourceSchema, edits.createSource);
export const createModelAction = maintainerAction(createModelSchema, edits.createModel);
export const updateModelAction = maintainerAction(updateModelSchema, edits.updateModel);
