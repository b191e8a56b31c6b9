"use server";

import { redirect } from "next/navigation";
import {
  createClaimSchema,
  createModelSchema,
  createSourceSchema,
  importFormSchema,
  rankClaimSchema,
  retireClaimSchema,
  revertClaimSchema,
  updateClaimSchema,
  updateModelSchema,
} from "@/db/domain/edit-schemas";
import type { ActionResult } from "@/db/domain/result";
import * as edits from "@/db/queries/edits";
import { applyImportForm, proposeImportForm } from "@/db/queries/imports";
import { endSession } from "@/db/queries/session";
import { maintainerAction } from "./define-action";
import { attemptSignIn } from "./sign-in/sign-in";

/* Every export here is reachable by POST: each checks the maintainer itself (maintainerAction). */

export async function signInAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const outcome = await attemptSignIn(formData);
  if (!outcome.ok)
    return {
      ok: false,
      error: outcome.error,
      fieldErrors: outcome.reason === "invalid" ? outcome.fieldErrors : undefined,
      values: { name: String(formData.get("name") ?? "") },
    };
  redirect(outcome.next);
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
export const proposeImportAction = maintainerAction(importFormSchema, proposeImportForm, {
  writes: false,
});
export const applyImportAction = maintainerAction(importFormSchema, applyImportForm);
