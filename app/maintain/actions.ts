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

const claimPaths = (id: number) => [`/claims/${id}`, `/maintain/claims/${id}`];

const createClaimRun = maintainerAction(
  createClaimSchema,
  (actor, input) => edits.createClaim(db, actor, input),
  (_i, d) => claimPaths(d.id),
);
export async function createClaimAction(prev: unknown, formData: FormData) {
  return createClaimRun(prev, formData);
}

const updateClaimRun = maintainerAction(
  updateClaimSchema,
  (actor, input) => edits.updateClaim(db, actor, input),
  (i) => claimPaths(i.id),
);
export async function updateClaimAction(prev: unknown, formData: FormData) {
  return updateClaimRun(prev, formData);
}

const rankClaimRun = maintainerAction(
  rankClaimSchema,
  (actor, input) => edits.rankClaim(db, actor, input),
  (i) => claimPaths(i.id),
);
export async function rankClaimAction(prev: unknown, formData: FormData) {
  return rankClaimRun(prev, formData);
}

const retireClaimRun = maintainerAction(
  retireClaimSchema,
  (actor, input) => edits.retireClaim(db, actor, input),
  (i) => claimPaths(i.id),
);
export async function retireClaimAction(prev: unknown, formData: FormData) {
  return retireClaimRun(prev, formData);
}

const revertClaimRun = maintainerAction(
  revertClaimSchema,
  (actor, input) => edits.revertClaim(db, actor, input),
  (i) => claimPaths(i.id),
);
export async function revertClaimAction(prev: unknown, formData: FormData) {
  return revertClaimRun(prev, formData);
}

const createSourceRun = maintainerAction(
  createSourceSchema,
  (actor, input) => edits.createSource(db, actor, input),
  (_i, d) => ["/sources", `/sources/${d.slug}`],
);
export async function createSourceAction(prev: unknown, formData: FormData) {
  return createSourceRun(prev, formData);
}

const createModelRun = maintainerAction(
  createModelSchema,
  (actor, input) => edits.createModel(db, actor, input),
  (_i, d) => [`/models/${d.slug}`],
);
export async function createModelAction(prev: unknown, formData: FormData) {
  return createModelRun(prev, formData);
}

const updateModelRun = maintainerAction(
  updateModelSchema,
  (actor, input) => edits.updateModel(db, actor, input),
  (_i, d) => [`/models/${d.slug}`],
);
export async function updateModelAction(prev: unknown, formData: FormData) {
  return updateModelRun(prev, formData);
}
