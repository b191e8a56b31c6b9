import "server-only";
import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Maintainer } from "@/db/accounts";
import { modelsCitingSource, refreshCatalogRows } from "@/db/catalog-index";
import type { Db, Tx } from "@/db/client";
import { sameGroup } from "@/db/columns";
import type {
  CreateClaimInput,
  CreateModelInput,
  CreateSourceInput,
  RankClaimInput,
  RetireClaimInput,
  RevertClaimInput,
  UpdateClaimInput,
  UpdateModelInput,
} from "@/db/domain/edit-schemas";
import { describeLocateFailure, locateQuote, OffsetMap } from "@/db/domain/quote";
import { followExactly } from "@/db/domain/reanchor";
import { type ActionResult, type Change, diffSnapshots } from "@/db/domain/result";
import { FIELD_UNITS, parseIsoDate, parseQuantity } from "@/db/domain/values";
import {
  type Claim,
  claimReviews,
  claims,
  type Jsonified,
  models,
  revisions,
  type Snapshot,
  sources,
  sourceVersions,
} from "@/db/schema";

/*
 * Every maintainer write. Each runs in one transaction that also appends its revision, so there is
 * never a change without its log entry. Edits carry the revision they started from; saving over a
 * newer one is refused with what changed since (optimistic locking, row locked FOR UPDATE).
 */

type Entity = "claim" | "model" | "source";

/** The models whose catalog rows a logged change can alter. */
async function modelsAffected(
  tx: Tx,
  entry: { entityType: Entity; entityId: number; before: Snapshot | null; after: Snapshot },
): Promise<number[]> {
  if (entry.entityType === "model") return [entry.entityId];
  if (entry.entityType === "source") return modelsCitingSource(tx, entry.entityId);
  // A claim counts for the model it belonged to and the one it belongs to now.
  return [entry.before, entry.after]
    .map((s) => s?.modelId)
    .filter((id): id is number => typeof id === "number");
}

/**
 * Appends the revision and refreshes the catalog's read model for what changed, both in the
 * caller's transaction: every write passes through here, so no write can leave the table stale.
 */
async function log(
  tx: Tx,
  actor: Maintainer,
  entry: {
    entityType: Entity;
    entityId: number;
    revision: number;
    action: "create" | "update" | "rank" | "retire" | "revert";
    before: Snapshot | null;
    after: Snapshot;
    reason?: string | null;
  },
) {
  await tx
    .insert(revisions)
    .values({ ...entry, reason: entry.reason ?? null, authorId: actor.id, authorName: actor.name });
  await refreshCatalogRows(tx, await modelsAffected(tx, entry));
}

/** Revision 1 of a new row (the snapshot defaults to the row itself). */
function logCreate(
  tx: Tx,
  actor: Maintainer,
  entityType: Entity,
  row: { id: number } & Snapshot,
  after: Snapshot = row,
  reason?: string | null,
) {
  return log(tx, actor, {
    entityType,
    entityId: row.id,
    revision: 1,
    action: "create",
    before: null,
    after,
    reason,
  });
}

/** The changes made since `base`, for a conflict message. */
async function changesSince(
  db: Db | Tx,
  entityType: Entity,
  entityId: number,
  base: number,
): Promise<Change[]> {
  const rows = await db
    .select()
    .from(revisions)
    .where(
      and(
        eq(revisions.entityType, entityType),
        eq(revisions.entityId, entityId),
        gt(revisions.revision, base),
      ),
    )
    .orderBy(asc(revisions.revision));
  return rows.map((r) => ({
    revision: r.revision,
    action: r.action,
    authorName: r.authorName,
    createdAt: r.createdAt.toISOString(),
    reason: r.reason,
    diff: diffSnapshots(r.before, r.after),
  }));
}

/**
 * The refusal of an edit started from revision `base` of a row that has moved on: what changed
 * since, and the row as it was at `base` and as it is now, so the form can re-base the edit field
 * by field (db/domain/rebase.ts).
 */
async function conflictSince(
  tx: Tx,
  entityType: Entity,
  entityId: number,
  base: number,
): Promise<ActionResult<never>> {
  const table = entityType === "claim" ? claims : entityType === "model" ? models : sources;
  const [[now], [atBase], changes] = await Promise.all([
    tx.select().from(table).where(eq(table.id, entityId)),
    tx
      .select({ after: revisions.after })
      .from(revisions)
      .where(
        and(
          eq(revisions.entityType, entityType),
          eq(revisions.entityId, entityId),
          eq(revisions.revision, base),
        ),
      ),
    changesSince(tx, entityType, entityId, base),
  ]);
  const current = now?.revision ?? base;
  return {
    ok: false,
    error: `Someone saved a newer version (revision ${current}) after you opened this form. Nothing was saved: the form now holds their version with your changes on top — check it and save again.`,
    conflict: {
      currentRevision: current,
      changes,
      base: atBase?.after ?? null,
      theirs: now ?? null,
    },
  };
}

/** Constraint name of a database error, from either driver. */
function constraintOf(err: unknown): string | undefined {
  const e = err as { constraint?: string; constraint_name?: string; cause?: unknown };
  return e?.constraint ?? e?.constraint_name ?? (e?.cause ? constraintOf(e.cause) : undefined);
}

/**
 * Every refusal the database can give a maintainer's write, as the message to show: a field error
 * where one field is to blame, otherwise a message for the whole form. A test holds this list to
 * the constraints the database really has (tests/integration/editing/constraints.test.ts).
 */
export const CONSTRAINT_ERRORS: Record<string, { field?: string; message: string }> = {
  claims_value_ranges: {
    field: "valueNum",
    message: "This number is outside the sane range for the field.",
  },
  claims_quote_in_source: {
    field: "quote",
    message: "The passage does not match the source text.",
  },
  claims_forecast_not_preferred: {
    field: "rank",
    message: "A forecast can never be the preferred value.",
  },
  claims_label_required: { field: "label", message: "Benchmarks and other fields need a label." },
  claims_label_length: { field: "label", message: "The label is too long." },
  claims_variant_length: { field: "variant", message: "The variant is too long." },
  claims_condition_values: { field: "condition", message: "Native, extended, or leave empty." },
  claims_condition_only_context: {
    field: "condition",
    message: "Only a context window has a native or extended condition.",
  },
  claims_settings_quote_whole: {
    field: "settingsQuote",
    message: "The settings passage is incomplete: select it again.",
  },
  claims_settings_quote_in_source: {
    field: "settingsQuote",
    message: "The settings passage does not match the source text.",
  },
  claims_settings_length: { field: "settings", message: "The settings are too long." },
  claims_date_only_for_dates: { field: "valueDate", message: "Only release dates carry a date." },
  claims_offsets: { field: "quote", message: "The passage's position in the source is not valid." },
  claims_quote_length: { field: "quote", message: "The passage is empty or too long." },
  claims_value_text_length: { field: "valueText", message: "The value is empty or too long." },
  claims_model_id_models_id_fk: { field: "modelId", message: "No such model: reload the page." },
  claims_source_id_sources_id_fk: {
    field: "sourceId",
    message: "No such source: reload the page.",
  },
  claims_seed_key_unique: { message: "This seeded claim exists already." },
  claims_author_id_maintainers_id_fk: {
    message: "Your maintainer account no longer exists. Sign in again.",
  },
  claims_one_preferred: {
    message:
      "Another maintainer made a different claim of this group preferred at the same moment. Nothing was saved; reload to see theirs and try again.",
  },
  models_family_is_family: {
    field: "familyId",
    message: "Choose a family (not a model), without loops.",
  },
  models_family_id_models_id_fk: { field: "familyId", message: "No such family: reload the page." },
  models_not_own_family: { field: "familyId", message: "A model cannot be its own family." },
  models_name_length: { field: "name", message: "The name is empty or too long." },
  models_developer_length: { field: "developer", message: "The developer is empty or too long." },
  models_status_values: { field: "status", message: "The status is released or announced." },
  sources_slug_unique: { field: "slug", message: "A source with this id exists already." },
  models_slug_unique: { field: "slug", message: "A model with this id exists already." },
  sources_slug_format: { field: "slug", message: "Lowercase letters, digits and hyphens." },
  models_slug_format: { field: "slug", message: "Lowercase letters, digits, dots and hyphens." },
  sources_slug_length: { field: "slug", message: "The id is too long." },
  models_slug_length: { field: "slug", message: "The id is too long." },
  sources_title_length: { field: "title", message: "The title is empty or too long." },
  sources_text_length: { field: "text", message: "The text is empty or too long." },
  sources_url_scheme: { field: "url", message: "An http(s) address, or leave empty." },
  sources_mirror_named: {
    field: "mirrorOf",
    message:
      "A mirror names the publisher's file it copies (an http(s) address); only a mirror does.",
  },
  claims_version_id_source_versions_id_fk: {
    message: "That version of the source no longer exists: reload the page.",
  },
  claims_version_of_source: {
    field: "quote",
    message: "The passage was checked against a version of another source: select it again.",
  },
  sources_text_is_newest_version: {
    field: "text",
    message: "A source's text changes only by adding a version.",
  },
  source_versions_differs: {
    field: "text",
    message: "This text is identical to the newest version: nothing was stored.",
  },
  source_versions_date_order: {
    field: "publishedOn",
    message: "This version is dated before the newest version: versions are added oldest first.",
  },
  source_versions_text_length: { field: "text", message: "The text is empty or too long." },
  source_versions_url_scheme: { field: "url", message: "An http(s) address, or leave empty." },
  source_versions_number: {
    message: "Someone added a version of this source at the same moment: reload and try again.",
  },
  source_versions_number_positive: { message: "A version number counts from 1." },
  source_versions_source_id_sources_id_fk: { message: "No such source: reload the page." },
  claim_reviews_one_open: {
    message: "This claim is already waiting for review: reload the queue.",
  },
  claim_reviews_same_source: { message: "A review compares two versions of the claim's source." },
  claim_reviews_claim_id_claims_id_fk: {
    message: "That claim no longer exists: reload the queue.",
  },
  claim_reviews_from_version_id_source_versions_id_fk: {
    message: "That version of the source no longer exists: reload the queue.",
  },
  claim_reviews_to_version_id_source_versions_id_fk: {
    message: "That version of the source no longer exists: reload the queue.",
  },
  claim_reviews_outcome_values: { message: "A review is of a proposed or an orphaned claim." },
  claim_reviews_proposal_whole: {
    message: "A proposal names its passage and where it is; nothing else does.",
  },
  claim_reviews_resolution_values: {
    message: "A review is accepted, re-quoted, retired or superseded.",
  },
  claim_reviews_resolved_whole: { message: "A closed review says how and when it was closed." },
  claim_reviews_quote_in_version: {
    message: "The quoted passage does not match the version it was checked against.",
  },
  claim_reviews_proposal_in_version: {
    message: "The proposed passage does not match the new version.",
  },
  claims_architecture_counts: {
    field: "valueNum",
    message: "Layers, heads, sizes and expert counts are whole numbers from 1 up.",
  },
};

/** Runs a write; expected database refusals become messages, anything else is a bug and throws. */
export async function guarded<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (err) {
    const known = CONSTRAINT_ERRORS[constraintOf(err) ?? ""];
    if (!known) throw err;
    return known.field
      ? { ok: false, error: known.message, fieldErrors: { [known.field]: [known.message] } }
      : { ok: false, error: known.message };
  }
}

/** Normalised number, unit and date for a value, from the phrase unless the maintainer gave them. */
function normalise(
  input: Pick<
    CreateClaimInput,
    "field" | "valueText" | "valueNum" | "unit" | "valueDate" | "qualifier"
  >,
) {
  const fieldUnit = FIELD_UNITS[input.field];
  let valueNum = input.valueNum ?? null;
  let qualifier = input.qualifier;
  if (valueNum === null && fieldUnit) {
    const q = parseQuantity(input.valueText, fieldUnit.kind);
    if (q) ({ value: valueNum, qualifier } = q);
  }
  if (
    valueNum === null &&
    input.field === "benchmark" &&
    /^\d+(\.\d+)?$/.test(input.valueText.trim())
  ) {
    valueNum = Number(input.valueText);
  }
  return {
    valueNum,
    qualifier,
    unit: input.unit ?? fieldUnit?.unit ?? null,
    valueDate:
      input.field === "release_date" ? (input.valueDate ?? parseIsoDate(input.valueText)) : null,
  };
}

/** Finds the passage in the source; the stored quote is the source's exact characters. */
type Located =
  | {
      ok: true;
      versionId: number;
      quote: string;
      quoteStart: number;
      quoteEnd: number;
      settingsQuote: string | null;
      settingsQuoteStart: number | null;
      settingsQuoteEnd: number | null;
    }
  | { ok: false; fieldErrors: Record<string, string[]> };

async function locate(
  tx: Tx,
  input: { sourceId: number; quote: string; near?: number; settingsQuote?: string | null },
): Promise<Located> {
  // A quote is looked up in, and cites, the source's newest version. The share lock waits for a
  // version being added (it holds the source FOR UPDATE), so the claim cannot land on the version
  // before it, unseen by that version's re-anchoring.
  await tx
    .select({ id: sources.id })
    .from(sources)
    .where(eq(sources.id, input.sourceId))
    .for("share");
  const [src] = await tx
    .select({ text: sourceVersions.text, versionId: sourceVersions.id })
    .from(sourceVersions)
    .where(eq(sourceVersions.sourceId, input.sourceId))
    .orderBy(desc(sourceVersions.number))
    .limit(1);
  if (!src) return { ok: false, fieldErrors: { sourceId: ["No such source."] } };
  const found = locateQuote(src.text, input.quote, input.near);
  if (!found.ok) return { ok: false, fieldErrors: { quote: [describeLocateFailure(found)] } };
  const citation = {
    versionId: src.versionId,
    quote: found.quote,
    quoteStart: found.start,
    quoteEnd: found.end,
    settingsQuote: null as string | null,
    settingsQuoteStart: null as number | null,
    settingsQuoteEnd: null as number | null,
  };
  if (input.settingsQuote) {
    const setting = locateQuote(src.text, input.settingsQuote);
    if (!setting.ok)
      return { ok: false, fieldErrors: { settingsQuote: [describeLocateFailure(setting)] } };
    citation.settingsQuote = setting.quote;
    citation.settingsQuoteStart = setting.start;
    citation.settingsQuoteEnd = setting.end;
  }
  return { ok: true, ...citation };
}

/** Makes `claim` the only preferred claim of its group, demoting the current one (with its own revision). */
async function demoteOtherPreferred(tx: Tx, actor: Maintainer, claim: Claim) {
  const others = await tx
    .select()
    .from(claims)
    .where(and(sameGroup(claim), eq(claims.rank, "preferred"), ne(claims.id, claim.id)))
    .for("update");
  for (const other of others) {
    const reason = `Superseded by claim #${claim.id}.`;
    const [after] = await tx
      .update(claims)
      .set({ rank: "normal", rankReason: reason, revision: sql`${claims.revision} + 1` })
      .where(eq(claims.id, other.id))
      .returning();
    // The row is locked above, so the update cannot miss it.
    if (!after) throw new Error(`claim #${other.id} vanished while locked`);
    await log(tx, actor, {
      entityType: "claim",
      entityId: other.id,
      revision: after.revision,
      action: "rank",
      before: other,
      after,
      reason,
    });
  }
}

export function createClaim(
  db: Db,
  actor: Maintainer,
  input: CreateClaimInput,
): Promise<ActionResult<{ id: number }>> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const located = await locate(tx, input);
      if (!located.ok)
        return {
          ok: false,
          error: "The passage could not be used.",
          fieldErrors: located.fieldErrors,
        };
      const { near: _near, quote: _q, ...rest } = input;
      const { ok: _ok, ...citation } = located;
      const values = { ...rest, ...normalise(input), ...citation };
      // Insert as normal first so the one-preferred index holds while the old preferred is demoted.
      const [row] = await tx
        .insert(claims)
        .values({
          ...values,
          rank: input.rank === "preferred" ? "normal" : input.rank,
          authorId: actor.id,
          authorName: actor.name,
        })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      let created = row;
      if (input.rank === "preferred") {
        await demoteOtherPreferred(tx, actor, row);
        [created] = (await tx
          .update(claims)
          .set({ rank: "preferred" })
          .where(eq(claims.id, row.id))
          .returning()) as [Claim];
      }
      await logCreate(tx, actor, "claim", created, created, input.rankReason);
      return { ok: true, data: { id: created.id } };
    }),
  );
}

/** Locks the row and checks the base revision; returns the current row or the conflict to report. */
export async function lockAt(
  tx: Tx,
  id: number,
  base: number,
): Promise<{ row: Claim } | { result: ActionResult<never> }> {
  const [row] = await tx.select().from(claims).where(eq(claims.id, id)).for("update");
  if (!row) return { result: { ok: false, error: `Claim #${id} does not exist.` } };
  if (row.revision !== base) return { result: await conflictSince(tx, "claim", id, base) };
  return { row };
}

export async function writeClaim(
  tx: Tx,
  actor: Maintainer,
  before: Claim,
  changes: Partial<typeof claims.$inferInsert>,
  action: "update" | "rank" | "retire" | "revert",
  reason: string,
  /** How this write answers the claim's open review, if it has one (closed only on success). */
  answers?: "accepted" | "requoted" | "retired",
): Promise<ActionResult<{ id: number; revision: number }>> {
  const [after] = await tx
    .update(claims)
    .set({ ...changes, revision: sql`${claims.revision} + 1` })
    .where(and(eq(claims.id, before.id), eq(claims.revision, before.revision)))
    .returning();
  if (!after) return conflictSince(tx, "claim", before.id, before.revision);
  await log(tx, actor, {
    entityType: "claim",
    entityId: after.id,
    revision: after.revision,
    action,
    before,
    after,
    reason,
  });
  if (answers) await closeReview(tx, after.id, answers, actor);
  return { ok: true, data: { id: after.id, revision: after.revision } };
}

/**
 * Closes the claim's open review, if a new version left one: an edit that quotes the newest
 * version answers it ("requoted"), retiring the claim answers it too.
 */
async function closeReview(
  tx: Tx,
  claimId: number,
  resolution: "accepted" | "requoted" | "retired",
  actor: { name: string },
) {
  await tx
    .update(claimReviews)
    .set({ resolution, resolvedAt: new Date(), resolvedBy: actor.name })
    .where(and(eq(claimReviews.claimId, claimId), isNull(claimReviews.resolvedAt)));
}

export function updateClaim(db: Db, actor: Maintainer, input: UpdateClaimInput) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const locked = await lockAt(tx, input.id, input.baseRevision);
      if ("result" in locked) return locked.result;
      const located = await locate(tx, input);
      if (!located.ok)
        return {
          ok: false,
          error: "The passage could not be used.",
          fieldErrors: located.fieldErrors,
        };
      const { id: _i, baseRevision: _b, reason, near: _n, quote: _q, ...rest } = input;
      const { ok: _ok, ...citation } = located;
      return writeClaim(
        tx,
        actor,
        locked.row,
        { ...rest, ...normalise(input), ...citation },
        "update",
        reason,
        "requoted",
      );
    }),
  );
}

export function rankClaim(db: Db, actor: Maintainer, input: RankClaimInput) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const locked = await lockAt(tx, input.id, input.baseRevision);
      if ("result" in locked) return locked.result;
      if (locked.row.retiredAt)
        return { ok: false, error: "A retired claim cannot be ranked; revert it first." };
      if (input.rank === "preferred") await demoteOtherPreferred(tx, actor, locked.row);
      return writeClaim(
        tx,
        actor,
        locked.row,
        { rank: input.rank, rankReason: input.reason },
        "rank",
        input.reason,
      );
    }),
  );
}

export function retireClaim(db: Db, actor: Maintainer, input: RetireClaimInput) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const locked = await lockAt(tx, input.id, input.baseRevision);
      if ("result" in locked) return locked.result;
      if (locked.row.retiredAt) return { ok: false, error: "This claim is retired already." };
      return writeClaim(
        tx,
        actor,
        locked.row,
        { retiredAt: new Date() },
        "retire",
        input.reason,
        "retired",
      );
    }),
  );
}

/**
 * Where a citation from an earlier revision stands in the source's newest version: its version
 * (or, for a revision older than versions, the source's version 1) re-anchored onto the newest,
 * accepted only when carried or moved exactly.
 */
async function citeInNewest(
  tx: Tx,
  c: {
    sourceId: number;
    /** Null for a revision written before versions: its offsets are in version 1. */
    versionId: number | null;
    quote: string;
    quoteStart: number;
    settingsQuote: string | null;
    settingsQuoteStart: number | null;
  },
): Promise<
  | {
      ok: true;
      citation: {
        versionId: number;
        quoteStart: number;
        quoteEnd: number;
        settingsQuoteStart: number | null;
        settingsQuoteEnd: number | null;
      };
    }
  | { ok: false; error: string }
> {
  await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, c.sourceId)).for("share");
  // Only the two texts compared: a source may hold a hundred versions.
  const pick = { id: sourceVersions.id, number: sourceVersions.number, text: sourceVersions.text };
  const [newest] = await tx
    .select(pick)
    .from(sourceVersions)
    .where(eq(sourceVersions.sourceId, c.sourceId))
    .orderBy(desc(sourceVersions.number))
    .limit(1);
  const [from] = await tx
    .select(pick)
    .from(sourceVersions)
    .where(
      and(
        eq(sourceVersions.sourceId, c.sourceId),
        c.versionId === null ? eq(sourceVersions.number, 1) : eq(sourceVersions.id, c.versionId),
      ),
    );
  if (!newest || !from) return { ok: false, error: "The claim's source no longer exists." };
  const [was, now] = [new OffsetMap(from.text), new OffsetMap(newest.text)];
  const quote = followExactly(was, now, c.quote, c.quoteStart);
  const settings =
    c.settingsQuote != null && c.settingsQuoteStart != null
      ? followExactly(was, now, c.settingsQuote, c.settingsQuoteStart)
      : undefined;
  if (!quote || settings === null)
    return {
      ok: false,
      error: `The passage that revision quoted is not in the newest version of the source (version ${newest.number}) as it was: edit the claim and quote the passage as it reads now.`,
    };
  return {
    ok: true,
    citation: {
      versionId: newest.id,
      quoteStart: quote.start,
      quoteEnd: quote.end,
      settingsQuoteStart: settings ? settings.start : null,
      settingsQuoteEnd: settings ? settings.end : null,
    },
  };
}

/** Restores a claim to what it was after `toRevision` — itself a new revision. */
export function revertClaim(db: Db, actor: Maintainer, input: RevertClaimInput) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const locked = await lockAt(tx, input.id, input.baseRevision);
      if ("result" in locked) return locked.result;
      const [target] = await tx
        .select()
        .from(revisions)
        .where(
          and(
            eq(revisions.entityType, "claim"),
            eq(revisions.entityId, input.id),
            eq(revisions.revision, input.toRevision),
          ),
        );
      if (!target)
        return { ok: false, error: `Claim #${input.id} has no revision ${input.toRevision}.` };
      // A claim's revisions hold claim rows (the entity type was matched above). What identifies
      // the claim, its author and its bookkeeping stays; everything it says is restored.
      const {
        id: _id,
        modelId: _m,
        seedKey: _k,
        revision: _r,
        authorId: _a,
        authorName: _n,
        createdAt: _c,
        updatedAt: _u,
        retiredAt,
        ...said
      } = target.after as Jsonified<Claim>;
      const restored = { ...said, retiredAt: retiredAt ? new Date(retiredAt) : null };
      // The restored passage is cited in the source as it is now: found unchanged or exactly once
      // in the newest version, or the revert is refused (a revision does not bring back an old
      // version without a review).
      const cited = await citeInNewest(tx, {
        sourceId: restored.sourceId,
        versionId: (said as { versionId?: number }).versionId ?? null,
        quote: restored.quote,
        quoteStart: restored.quoteStart,
        settingsQuote: restored.settingsQuote ?? null,
        settingsQuoteStart: restored.settingsQuoteStart ?? null,
      });
      if (!cited.ok) return { ok: false, error: cited.error };
      Object.assign(restored, cited.citation);
      if (restored.rank === "preferred" && !restored.retiredAt)
        await demoteOtherPreferred(tx, actor, { ...locked.row, ...restored });
      return writeClaim(
        tx,
        actor,
        locked.row,
        restored,
        "revert",
        `Reverted to revision ${input.toRevision}: ${input.reason}`,
        restored.retiredAt ? "retired" : "requoted",
      );
    }),
  );
}

export function createSource(
  db: Db,
  actor: Maintainer,
  input: CreateSourceInput,
): Promise<ActionResult<{ slug: string }>> {
  return guarded(() =>
    db.transaction(async (tx) => {
      // The date it was pasted in is the one retrieval date we know for certain.
      const [row] = await tx
        .insert(sources)
        .values({ ...input, retrievedOn: new Date().toISOString().slice(0, 10) })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      await logCreate(tx, actor, "source", row, {
        ...row,
        text: `(${row.text.length} characters, sha256 ${row.textSha256})`,
      });
      return { ok: true, data: { slug: row.slug } };
    }),
  );
}

export function createModel(
  db: Db,
  actor: Maintainer,
  input: CreateModelInput,
): Promise<ActionResult<{ slug: string }>> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(models)
        .values({ ...input, familyId: input.familyId ?? null })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      await logCreate(tx, actor, "model", row);
      return { ok: true, data: { slug: row.slug } };
    }),
  );
}

export function updateModel(
  db: Db,
  actor: Maintainer,
  input: UpdateModelInput,
): Promise<ActionResult<{ slug: string }>> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(models).where(eq(models.id, input.id)).for("update");
      if (!before) return { ok: false, error: `Model #${input.id} does not exist.` };
      if (before.revision !== input.baseRevision)
        return conflictSince(tx, "model", input.id, input.baseRevision);
      const { id, baseRevision, reason, ...values } = input;
      const [after] = await tx
        .update(models)
        .set({
          ...values,
          familyId: values.familyId ?? null,
          revision: sql`${models.revision} + 1`,
        })
        .where(and(eq(models.id, id), eq(models.revision, baseRevision)))
        .returning();
      if (!after) return conflictSince(tx, "model", id, baseRevision);
      await log(tx, actor, {
        entityType: "model",
        entityId: id,
        revision: after.revision,
        action: "update",
        before,
        after,
        reason,
      });
      return { ok: true, data: { slug: after.slug } };
    }),
  );
}
