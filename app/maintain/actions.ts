"use server";

import { redirect } from "next/navigation";
import {
  addVersionSchema,
  createClaimSchema,
  createModelSchema,
  createSourceSchema,
  importFormSchema,
  rankClaimSchema,
  resolveReviewSchema,
  retireClaimSchema,
  revertClaimSchema,
  updateClaimSchema,
  updateModelSchema,
} from "@/db/domain/edit-schemas";
import type { ActionResult } from "@/db/domain/result";
import { LENGTHS } from "@/db/domain/rules";
import * as edits from "@/db/queries/edits";
import { applyImportForm, proposeImportForm } from "@/db/queries/imports";
import { currentMaintainer, endSession } from "@/db/queries/session";
import {
  addSourceVersion,
  decodeUtf8,
  resolveReview,
  type VersionReport,
} from "@/db/queries/versions";
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
export const resolveReviewAction = maintainerAction(resolveReviewSchema, resolveReview);

const addVersionFromForm = maintainerAction(addVersionSchema, addSourceVersion);

/**
 * A new version, pasted or uploaded. An uploaded file is decoded here, strictly: invalid UTF-8 is
 * refused (a replacement character would put text in the catalog the publisher never wrote).
 */
export async function addVersionAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<VersionReport>> {
  const file = formData.get("file");
  formData.delete("file");
  const values = { slug: String(formData.get("slug") ?? "") };
  if (file instanceof File && file.size > 0) {
    if (!(await currentMaintainer()))
      return {
        ok: false,
        error: "Only signed-in maintainers can edit the catalog. Sign in and try again.",
        values,
      };
    const refuse = (message: string): ActionResult<VersionReport> => ({
      ok: false,
      error: message,
      fieldErrors: { file: [message] },
      values: Object.fromEntries(
        [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
      ),
    });
    if (String(formData.get("text") ?? "").trim() !== "")
      return refuse("Paste the text or upload a file, not both.");
    // Characters are at most 4 bytes: anything over this cannot be within the limit.
    if (file.size > LENGTHS.sourceText * 4)
      return refuse(
        `The file is ${file.size.toLocaleString("en-US")} bytes: over the limit of ${LENGTHS.sourceText.toLocaleString("en-US")} characters.`,
      );
    const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok)
      return refuse("The file is not valid UTF-8: save it as UTF-8 text and upload it again.");
    formData.set("text", decoded.text);
  }
  return addVersionFromForm(prev, formData);
}
