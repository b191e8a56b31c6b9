import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Maintainer } from "@/db/accounts";
import { modelsCitingSource, refreshCatalogRows } from "@/db/catalog-index";
import type { Db, Tx } from "@/db/client";
import {
  codePointLength,
  describeLocateFailure,
  locateQuote,
  OffsetMap,
  toUtf16Offset,
} from "@/db/domain/quote";
import { followExactly, reanchorCited, valueAppears } from "@/db/domain/reanchor";
import type { ActionResult } from "@/db/domain/result";
import { LENGTHS } from "@/db/domain/rules";
import {
  type Claim,
  claimReviews,
  claims,
  models,
  revisions,
  type SourceVersion,
  sources,
  sourceVersions,
} from "@/db/schema";
import { guarded, writeClaim } from "./edits";

/*
 * Adding a version of a source, in one transaction: the version is appended (the database numbers
 * it, refuses an identical or earlier-dated one and makes it the source's text), then every live
 * claim is re-anchored from the version it was checked against (db/domain/reanchor.ts). Carried
 * and moved claims follow the new version, each with a revision; a proposed or orphaned claim
 * stays on its version and waits in the review queue (claim_reviews), superseding the review a
 * previous version left open.
 */

/** Who adds a version: a maintainer, or the seed / command line under its own name. */
export type Actor = { id: number | null; name: string };

export type AddVersionInput = {
  slug: string;
  text: string;
  url?: string | null;
  commit?: string | null;
  publishedOn?: string | null;
  retrievedOn?: string | null;
  note?: string | null;
};

export type VersionReport = {
  slug: string;
  number: number;
  carried: number;
  moved: number;
  proposed: number;
  orphaned: number;
  /** Claims now waiting for a maintainer, with what happened to each. */
  waiting: { claimId: number; outcome: "proposed" | "orphaned" }[];
};

/** Why a text cannot be a version, before the database is asked. */
export function checkVersionText(text: string): string | null {
  if (text.length === 0) return "The text is empty.";
  if (codePointLength(text) > LENGTHS.sourceText)
    return `The text is over the limit of ${LENGTHS.sourceText.toLocaleString("en-US")} characters.`;
  if (text.includes("\u0000")) return "The text contains NUL characters: is it a binary file?";
  return null;
}

/** Decodes uploaded bytes as UTF-8, refusing invalid sequences rather than replacing them. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false };
  }
}

export async function newestVersion(db: Db | Tx, sourceId: number) {
  const [v] = await db
    .select()
    .from(sourceVersions)
    .where(eq(sourceVersions.sourceId, sourceId))
    .orderBy(desc(sourceVersions.number))
    .limit(1);
  return v ?? null;
}

/** The settings passage follows only exactly (same place, or once elsewhere). */
function settingsIn(from: OffsetMap, to: OffsetMap, claim: Claim) {
  if (claim.settingsQuote == null || claim.settingsQuoteStart == null)
    return { ok: true as const, at: null };
  const at = followExactly(from, to, claim.settingsQuote, claim.settingsQuoteStart);
  return at ? { ok: true as const, at } : { ok: false as const, at: null };
}

export function addSourceVersion(
  db: Db,
  actor: Actor,
  input: AddVersionInput,
): Promise<ActionResult<VersionReport>> {
  return guarded(() => db.transaction((tx) => addSourceVersionIn(tx, actor, input)));
}

/** The same, inside the caller's transaction (the seed appends histories this way). */
export async function addSourceVersionIn(
  tx: Tx,
  actor: Actor,
  input: AddVersionInput,
): Promise<ActionResult<VersionReport>> {
  const problem = checkVersionText(input.text);
  if (problem) return { ok: false, error: problem, fieldErrors: { text: [problem] } };
  const [source] = await tx
    .select()
    .from(sources)
    .where(eq(sources.slug, input.slug))
    .for("update");
  if (!source) return { ok: false, error: `There is no source '${input.slug}'.` };
  const newest = await newestVersion(tx, source.id);
  if (!newest) throw new Error(`source ${source.slug} has no version`);
  if (newest.text === input.text) {
    const error = `This text is identical to version ${newest.number} (the newest): nothing was stored.`;
    return { ok: false, error, fieldErrors: { text: [error] } };
  }
  if (input.publishedOn && newest.publishedOn && input.publishedOn < newest.publishedOn) {
    const error = `This version is dated ${input.publishedOn}, before the newest version (${newest.number}, dated ${newest.publishedOn}): versions are added oldest first.`;
    return { ok: false, error, fieldErrors: { publishedOn: [error] } };
  }
  const [version] = await tx
    .insert(sourceVersions)
    .values({
      sourceId: source.id,
      number: newest.number + 1, // the database assigns it; stated for the type
      text: input.text,
      url: input.url ?? null,
      commit: input.commit ?? null,
      publishedOn: input.publishedOn ?? null,
      // Not stated: retrieved today. Stated as unknown (null, the seed's histories): unknown.
      retrievedOn:
        input.retrievedOn === undefined ? new Date().toISOString().slice(0, 10) : input.retrievedOn,
      note: input.note ?? null,
    })
    .returning();
  if (!version) throw new Error("the version was not stored");
  const [after] = await tx
    .update(sources)
    .set({ revision: sql`${sources.revision} + 1` })
    .where(eq(sources.id, source.id))
    .returning();
  if (!after) throw new Error("the source vanished");
  const summary = (v: SourceVersion) => ({
    version: v.number,
    textSha256: v.textSha256,
    characters: codePointLength(v.text),
    publishedOn: v.publishedOn,
    commit: v.commit,
    url: v.url,
  });
  const revisionRows: (typeof revisions.$inferInsert)[] = [
    {
      entityType: "source",
      entityId: source.id,
      revision: after.revision,
      action: "update",
      before: summary(newest),
      after: summary(version),
      reason: `Version ${version.number} added`,
      authorId: actor.id,
      authorName: actor.name,
    },
  ];

  const live = await tx
    .select()
    .from(claims)
    .where(and(eq(claims.sourceId, source.id), isNull(claims.retiredAt)))
    .orderBy(asc(claims.id))
    .for("update");
  const report = await reanchorOnto(tx, actor, source, version, live);
  // The source's revision records what the new version did to the claims citing it.
  (revisionRows[0] as { after: Record<string, unknown> }).after.reanchored = {
    carried: report.carried,
    moved: report.moved,
    proposed: report.proposed,
    orphaned: report.orphaned,
  };
  await tx.insert(revisions).values(revisionRows);
  await refreshCatalogRows(tx, await modelsCitingSource(tx, source.id));
  return { ok: true, data: report };
}

/**
 * Re-anchors claims (locked by the caller) from the versions they cite onto `version`: carried
 * and moved ones follow it, each with a revision; the others wait with a review, superseding any
 * a previous version left open. The caller refreshes the catalog's read model.
 */
export async function reanchorOnto(
  tx: Tx,
  actor: Actor,
  source: { id: number; slug: string },
  version: SourceVersion,
  live: Claim[],
): Promise<VersionReport> {
  const revisionRows: (typeof revisions.$inferInsert)[] = [];
  const report: VersionReport = {
    slug: source.slug,
    number: version.number,
    carried: 0,
    moved: 0,
    proposed: 0,
    orphaned: 0,
    waiting: [],
  };
  const to = new OffsetMap(version.text);
  const versionIds = [...new Set(live.map((c) => c.versionId))];
  const texts = new Map<number, OffsetMap>();
  if (versionIds.length > 0)
    for (const v of await tx
      .select({ id: sourceVersions.id, text: sourceVersions.text })
      .from(sourceVersions)
      .where(inArray(sourceVersions.id, versionIds)))
      texts.set(v.id, new OffsetMap(v.text));

  const reviewRows: (typeof claimReviews.$inferInsert)[] = [];
  // Claims that follow the new version, written in batches (the caller holds their row locks,
  // so each revision is the one read plus one; the quote trigger checks every row).
  const followed: Claim[] = [];
  const now = new Date();
  for (const claim of live) {
    const from = texts.get(claim.versionId) as OffsetMap;
    const r = reanchorCited(from, to, {
      quote: claim.quote,
      start: claim.quoteStart,
      valueText: claim.valueText,
    });
    const settings = settingsIn(from, to, claim);
    if ((r.outcome === "carried" || r.outcome === "moved") && settings.ok) {
      const after: Claim = {
        ...claim,
        versionId: version.id,
        quoteStart: r.start,
        quoteEnd: r.end,
        ...(settings.at
          ? { settingsQuoteStart: settings.at.start, settingsQuoteEnd: settings.at.end }
          : {}),
        revision: claim.revision + 1,
        updatedAt: now,
      };
      followed.push(after);
      revisionRows.push({
        entityType: "claim",
        entityId: claim.id,
        revision: after.revision,
        action: "update",
        before: claim,
        after,
        reason: `Re-anchored on version ${version.number} of ${source.slug}: ${r.outcome === "carried" ? "the passage is unchanged where it was" : "the passage moved, found exactly once"}`,
        authorId: actor.id,
        authorName: actor.name,
      });
      report[r.outcome] += 1;
      continue;
    }
    // Waiting: a near match (or the exact passage whose settings passage is gone) is proposed;
    // nothing found is orphaned.
    const proposal = r.outcome === "orphaned" ? null : r;
    const outcome = proposal ? "proposed" : "orphaned";
    report[outcome] += 1;
    report.waiting.push({ claimId: claim.id, outcome });
    reviewRows.push({
      claimId: claim.id,
      fromVersionId: claim.versionId,
      quote: claim.quote,
      quoteStart: claim.quoteStart,
      quoteEnd: claim.quoteEnd,
      toVersionId: version.id,
      outcome,
      ...(proposal
        ? {
            proposedStart: proposal.start,
            proposedEnd: proposal.end,
            proposedQuote: proposal.outcome === "proposed" ? proposal.quote : claim.quote,
            similarity: proposal.outcome === "proposed" ? proposal.similarity : 1,
            reason: settings.ok
              ? null
              : "the settings passage changed: select it again when accepting",
          }
        : { reason: r.outcome === "orphaned" ? r.reason : null }),
    });
  }
  for (let i = 0; i < followed.length; i += 200) {
    const rows = sql.join(
      followed
        .slice(i, i + 200)
        .map(
          (c) =>
            sql`(${c.id}::int, ${c.quoteStart}::int, ${c.quoteEnd}::int, ${c.settingsQuoteStart}::int, ${c.settingsQuoteEnd}::int, ${c.revision}::int)`,
        ),
      sql`, `,
    );
    await tx.execute(sql`update claims set version_id = ${version.id},
        quote_start = v.qs, quote_end = v.qe,
        settings_quote_start = v.ss, settings_quote_end = v.se,
        revision = v.rev, updated_at = ${now.toISOString()}::timestamptz
      from (values ${rows}) as v(id, qs, qe, ss, se, rev)
      where claims.id = v.id`);
  }
  // A newer version supersedes every question an older one left open: a claim it carried or
  // moved needs no answer any more, one still waiting gets the new question instead.
  const ids = live.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 500)
    await tx
      .update(claimReviews)
      .set({ resolution: "superseded", resolvedAt: now, resolvedBy: actor.name })
      .where(
        and(inArray(claimReviews.claimId, ids.slice(i, i + 500)), isNull(claimReviews.resolvedAt)),
      );
  for (let i = 0; i < reviewRows.length; i += 200)
    await tx.insert(claimReviews).values(reviewRows.slice(i, i + 200));
  for (let i = 0; i < revisionRows.length; i += 200)
    await tx.insert(revisions).values(revisionRows.slice(i, i + 200));
  return report;
}

/** A source's versions, oldest first, without their texts. */
export async function listVersions(db: Db | Tx, sourceId: number) {
  return db
    .select({
      id: sourceVersions.id,
      number: sourceVersions.number,
      textSha256: sourceVersions.textSha256,
      publishedOn: sourceVersions.publishedOn,
      url: sourceVersions.url,
      commit: sourceVersions.commit,
      retrievedOn: sourceVersions.retrievedOn,
      note: sourceVersions.note,
      createdAt: sourceVersions.createdAt,
      characters: sql<number>`char_length(${sourceVersions.text})`.mapWith(Number),
    })
    .from(sourceVersions)
    .where(eq(sourceVersions.sourceId, sourceId))
    .orderBy(asc(sourceVersions.number));
}

export async function versionText(db: Db | Tx, sourceId: number, number: number) {
  const [v] = await db
    .select()
    .from(sourceVersions)
    .where(and(eq(sourceVersions.sourceId, sourceId), eq(sourceVersions.number, number)));
  return v ?? null;
}

/* ---------------------------------------------------------------- the review queue ---------- */

export type ResolveReviewInput =
  | { reviewId: number; action: "accept"; settingsQuote?: string | null; reason: string }
  | {
      reviewId: number;
      action: "requote";
      quote: string;
      near?: number;
      settingsQuote?: string | null;
      reason: string;
    }
  | { reviewId: number; action: "retire"; reason: string };

/** Finds a settings passage in the new version: the maintainer's selection, or the old one exactly. */
function settingsFor(
  claim: Claim,
  oldText: string,
  newText: string,
  selected: string | null | undefined,
):
  | {
      ok: true;
      settingsQuote: string | null;
      settingsQuoteStart: number | null;
      settingsQuoteEnd: number | null;
    }
  | { ok: false; error: string } {
  if (selected) {
    const found = locateQuote(newText, selected);
    if (!found.ok) return { ok: false, error: `Settings passage: ${describeLocateFailure(found)}` };
    return {
      ok: true,
      settingsQuote: found.quote,
      settingsQuoteStart: found.start,
      settingsQuoteEnd: found.end,
    };
  }
  if (claim.settingsQuote == null)
    return { ok: true, settingsQuote: null, settingsQuoteStart: null, settingsQuoteEnd: null };
  const s = settingsIn(new OffsetMap(oldText), new OffsetMap(newText), claim);
  if (!s.at)
    return {
      ok: false,
      error: "The settings passage is no longer found exactly in the new version: select it again.",
    };
  return {
    ok: true,
    settingsQuote: claim.settingsQuote,
    settingsQuoteStart: s.at.start,
    settingsQuoteEnd: s.at.end,
  };
}

/**
 * A maintainer's answer to a waiting claim: accept the proposed passage, re-quote a passage they
 * selected in the new version, or retire the claim. Each is one claim revision; the value must
 * still appear in the passage the claim will cite (a value says no more than its quote).
 */
export function resolveReview(
  db: Db,
  actor: Maintainer,
  input: ResolveReviewInput,
): Promise<ActionResult<{ claimId: number }>> {
  return guarded(() =>
    db.transaction(async (tx) => {
      // Locks in the order adding a version takes them (the claim, then its reviews), so the
      // two cannot deadlock.
      const [asked] = await tx
        .select({ claimId: claimReviews.claimId })
        .from(claimReviews)
        .where(eq(claimReviews.id, input.reviewId));
      if (!asked) return { ok: false, error: `There is no review #${input.reviewId}.` };
      const [claim] = await tx
        .select()
        .from(claims)
        .where(eq(claims.id, asked.claimId))
        .for("update");
      if (!claim) return { ok: false, error: "The claim no longer exists." };
      const [review] = await tx
        .select()
        .from(claimReviews)
        .where(eq(claimReviews.id, input.reviewId))
        .for("update");
      if (!review) return { ok: false, error: `There is no review #${input.reviewId}.` };
      if (review.resolvedAt)
        return {
          ok: false,
          error: `This review was closed already (${review.resolution} by ${review.resolvedBy}): reload the queue.`,
        };
      const [to] = await tx
        .select()
        .from(sourceVersions)
        .where(eq(sourceVersions.id, review.toVersionId));
      const [from] = await tx
        .select()
        .from(sourceVersions)
        .where(eq(sourceVersions.id, claim.versionId));
      if (!to || !from) throw new Error(`review ${review.id}: a version is missing`);
      const label = `version ${to.number}`;
      if (input.action === "retire") {
        if (claim.retiredAt) return { ok: false, error: "This claim is retired already." };
        const r = await writeClaim(
          tx,
          actor,
          claim,
          { retiredAt: new Date() },
          "retire",
          `Review of ${label}: retired. ${input.reason}`,
          "retired",
        );
        return r.ok ? { ok: true, data: { claimId: claim.id } } : r;
      }
      let start: number;
      let end: number;
      let quote: string;
      if (input.action === "accept") {
        if (review.outcome !== "proposed" || review.proposedQuote == null)
          return {
            ok: false,
            error:
              "Nothing was proposed for this claim: select its passage in the new version, or retire it.",
          };
        start = review.proposedStart as number;
        end = review.proposedEnd as number;
        quote = review.proposedQuote;
      } else {
        const found = locateQuote(to.text, input.quote, input.near);
        if (!found.ok)
          return {
            ok: false,
            error: "The passage could not be used.",
            fieldErrors: { quote: [describeLocateFailure(found)] },
          };
        ({ start, end, quote } = found);
      }
      const anchor = { quote: claim.quote, start: 0, end: 0, valueText: claim.valueText };
      if (!valueAppears(anchor, quote))
        return {
          ok: false,
          error: `The value “${claim.valueText}” does not appear in this passage. If the document now states another value, add it as a new claim (or import ${label}) and retire this one.`,
          fieldErrors: { quote: ["the claim's value is not in this passage"] },
        };
      const settings = settingsFor(claim, from.text, to.text, input.settingsQuote);
      if (!settings.ok)
        return {
          ok: false,
          error: settings.error,
          fieldErrors: { settingsQuote: [settings.error] },
        };
      const { ok: _ok, ...settingsCols } = settings;
      const r = await writeClaim(
        tx,
        actor,
        claim,
        { versionId: to.id, quote, quoteStart: start, quoteEnd: end, ...settingsCols },
        "update",
        `Review of ${label}: ${input.action === "accept" ? "accepted the proposed passage" : "re-quoted"}. ${input.reason}`,
        input.action === "accept" ? "accepted" : "requoted",
      );
      return r.ok ? { ok: true, data: { claimId: claim.id } } : r;
    }),
  );
}

/** Open reviews, newest version first, with both passages and their context for the diff. */
export async function reviewQueue(db: Db | Tx, opts: { source?: string } = {}) {
  const rows = await db
    .select({
      review: claimReviews,
      claim: {
        id: claims.id,
        field: claims.field,
        label: claims.label,
        variant: claims.variant,
        valueText: claims.valueText,
      },
      model: { slug: models.slug, name: models.name },
      source: { id: sources.id, slug: sources.slug, title: sources.title },
      fromNumber:
        sql<number>`(select number from source_versions where id = ${claimReviews.fromVersionId})`.mapWith(
          Number,
        ),
      toNumber:
        sql<number>`(select number from source_versions where id = ${claimReviews.toVersionId})`.mapWith(
          Number,
        ),
    })
    .from(claimReviews)
    .innerJoin(claims, eq(claims.id, claimReviews.claimId))
    .innerJoin(models, eq(models.id, claims.modelId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(
      and(isNull(claimReviews.resolvedAt), opts.source ? eq(sources.slug, opts.source) : undefined),
    )
    .orderBy(asc(sources.title), asc(claims.quoteStart), asc(claims.id));
  return rows;
}

/** How many claims wait for a maintainer's review. */
export function waitingCount(db: Db | Tx) {
  return db.$count(claimReviews, isNull(claimReviews.resolvedAt));
}

/** Characters of context shown either side of a passage in the review. */
const REVIEW_CONTEXT = 200;

function around(text: string, start: number, end: number) {
  const from = toUtf16Offset(text, start);
  const to = toUtf16Offset(text, end);
  return {
    before: text.slice(Math.max(0, from - REVIEW_CONTEXT), from),
    passage: text.slice(from, to),
    after: text.slice(to, to + REVIEW_CONTEXT),
  };
}

/** One open or closed review with both passages in context, for the maintainer's decision. */
export async function getReview(db: Db | Tx, id: number) {
  const [row] = await db
    .select({
      review: claimReviews,
      claim: claims,
      model: { slug: models.slug, name: models.name },
      source: { slug: sources.slug, title: sources.title },
    })
    .from(claimReviews)
    .innerJoin(claims, eq(claims.id, claimReviews.claimId))
    .innerJoin(models, eq(models.id, claims.modelId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(eq(claimReviews.id, id));
  if (!row) return null;
  const [from] = await db
    .select()
    .from(sourceVersions)
    .where(eq(sourceVersions.id, row.review.fromVersionId));
  const [to] = await db
    .select()
    .from(sourceVersions)
    .where(eq(sourceVersions.id, row.review.toVersionId));
  if (!from || !to) throw new Error(`review ${id}: a version is missing`);
  const { review, claim } = row;
  const anchor = { quote: review.quote, start: 0, end: 0, valueText: claim.valueText };
  return {
    ...row,
    from: { number: from.number, publishedOn: from.publishedOn, commit: from.commit },
    to: { number: to.number, publishedOn: to.publishedOn, commit: to.commit, text: to.text },
    // What the claim quoted when the review was opened (it may cite another passage since).
    old: around(from.text, review.quoteStart, review.quoteEnd),
    proposed:
      review.proposedQuote != null && review.proposedStart != null && review.proposedEnd != null
        ? {
            ...around(to.text, review.proposedStart, review.proposedEnd),
            valueAppears: valueAppears(anchor, review.proposedQuote),
          }
        : null,
  };
}

export type SourceUpdate = Awaited<ReturnType<typeof listSourceUpdates>>[number];

/** New versions of sources, newest first, from the revision log (for /changes and its feed). */
export async function listSourceUpdates(db: Db | Tx, limit = 30) {
  const rows = await db
    .select({
      id: revisions.id,
      createdAt: revisions.createdAt,
      authorName: revisions.authorName,
      after: revisions.after,
      source: { slug: sources.slug, title: sources.title },
    })
    .from(revisions)
    .innerJoin(sources, eq(sources.id, revisions.entityId))
    .where(
      and(
        eq(revisions.entityType, "source"),
        eq(revisions.action, "update"),
        sql`${revisions.after} ? 'version'`,
      ),
    )
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(limit);
  return rows.map((r) => {
    const a = r.after as {
      version: number;
      publishedOn: string | null;
      commit: string | null;
      reanchored?: { carried: number; moved: number; proposed: number; orphaned: number };
    };
    return {
      id: r.id,
      createdAt: r.createdAt,
      authorName: r.authorName,
      source: r.source,
      version: a.version,
      publishedOn: a.publishedOn,
      commit: a.commit,
      reanchored: a.reanchored ?? null,
    };
  });
}

export type SourceUpdateGroup = Omit<SourceUpdate, "version"> & { from: number; to: number };

/**
 * Consecutive versions of one source added in one go (a history loaded at once) read as one
 * update: "versions 2–97", the claims' outcomes summed. Input newest first, output too.
 */
export function groupSourceUpdates(updates: SourceUpdate[]): SourceUpdateGroup[] {
  const out: SourceUpdateGroup[] = [];
  for (const u of updates) {
    const last = out[out.length - 1];
    const sameBatch =
      last &&
      last.source.slug === u.source.slug &&
      last.authorName === u.authorName &&
      last.from === u.version + 1 &&
      Math.abs(last.createdAt.getTime() - u.createdAt.getTime()) < 60_000;
    if (last && sameBatch) {
      last.from = u.version;
      if (last.reanchored && u.reanchored)
        for (const k of ["carried", "moved", "proposed", "orphaned"] as const)
          last.reanchored[k] += u.reanchored[k];
      continue;
    }
    const { version, ...rest } = u;
    out.push({
      ...rest,
      reanchored: u.reanchored ? { ...u.reanchored } : null,
      from: version,
      to: version,
    });
  }
  return out;
}
