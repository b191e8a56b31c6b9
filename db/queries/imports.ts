import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Maintainer } from "@/db/accounts";
import { refreshCatalogRows } from "@/db/catalog-index";
import type { Db, Tx } from "@/db/client";
import type { CreateSourceInput, ImportFormInput } from "@/db/domain/edit-schemas";
import { type DocumentFormat, extractFacts } from "@/db/domain/extract/extract";
import {
  applyDecisions,
  citedValues,
  type Decision,
  type Existing,
  type Reviewed,
  reviewCandidates,
  sameOrganisation,
  splitAlreadyCited,
  withMeasurer,
} from "@/db/domain/extract/review";
import { NOT_YET_RELEASED, RELEASE_STATUS_LABEL } from "@/db/domain/extract/sentences";
import { type Candidate, ExtractError } from "@/db/domain/extract/types";
import type { ActionResult } from "@/db/domain/result";
import { isSlug } from "@/db/domain/rules";
import { claims, models, type NewClaim, revisions, sources } from "@/db/schema";
import { guarded } from "./edits";

/*
 * The importer's one code path, for the web form and `npm run import`: propose (read the document,
 * compare each candidate with the catalog) and apply (write the accepted ones, their new models
 * and the source if it is new, with a revision each, in one transaction). Apply re-reads the
 * document itself: the decisions name candidates by key and may correct a value, but the quote
 * always comes from the parser, never from the client.
 */

export type ImportTarget = { sourceSlug: string } | { newSource: CreateSourceInput };

export type ImportInput = ImportTarget & {
  /** The document's own model (slug), for facts that name none. */
  model?: string | null;
  /** Its name, when the catalog does not list it yet. */
  modelName?: string;
  modelVariant?: string;
  subject?: string;
  format?: DocumentFormat;
};

export type Proposal = {
  format: DocumentFormat;
  sourceSlug: string;
  text: string;
  candidates: Reviewed[];
};

async function knownModels(db: Db | Tx) {
  return db.select({ slug: models.slug, name: models.name }).from(models);
}

async function existingClaims(db: Db | Tx, slugs: string[]): Promise<Existing[]> {
  if (slugs.length === 0) return [];
  const rows = await db
    .select({
      id: claims.id,
      model: models.slug,
      field: claims.field,
      label: claims.label,
      variant: claims.variant,
      condition: claims.condition,
      settings: claims.settings,
      valueText: claims.valueText,
      valueNum: claims.valueNum,
      valueDate: claims.valueDate,
      qualifier: claims.qualifier,
      sourceSlug: sources.slug,
    })
    .from(claims)
    .innerJoin(models, eq(models.id, claims.modelId))
    .innerJoin(sources, eq(sources.id, claims.sourceId))
    .where(and(inArray(models.slug, slugs), isNull(claims.retiredAt)));
  return rows.map((r) => ({ ...r, source: { slug: r.sourceSlug } }));
}

async function prepare(db: Db | Tx, input: ImportInput): Promise<ActionResult<Proposal>> {
  let text: string;
  let sourceSlug: string;
  if ("sourceSlug" in input) {
    const [src] = await db
      .select({ text: sources.text, slug: sources.slug })
      .from(sources)
      .where(eq(sources.slug, input.sourceSlug));
    if (!src) return { ok: false, error: `There is no source '${input.sourceSlug}'.` };
    text = src.text;
    sourceSlug = src.slug;
  } else {
    const [taken] = await db
      .select({ id: sources.id })
      .from(sources)
      .where(eq(sources.slug, input.newSource.slug));
    if (taken) {
      return {
        ok: false,
        error: `A source '${input.newSource.slug}' exists already: import into it, or choose another slug.`,
        fieldErrors: { slug: ["this slug is taken"] },
      };
    }
    text = input.newSource.text;
    sourceSlug = input.newSource.slug;
  }
  const known = await knownModels(db);
  if (input.model && !isSlug(input.model)) {
    return {
      ok: false,
      error: `'${input.model}' is not a model slug (lowercase letters, digits, "." and "-").`,
      fieldErrors: { model: ["not a model slug"] },
    };
  }
  let candidates: Candidate[];
  let format: DocumentFormat;
  try {
    ({ candidates, format } = extractFacts(text, {
      known,
      // A slug the catalog lacks is the document's own new model, created if its facts are accepted.
      model: input.model
        ? {
            slug: input.model,
            name: input.modelName || undefined,
            variant: input.modelVariant ?? "",
          }
        : null,
      subject: input.subject || undefined,
      format: input.format,
    }));
  } catch (e) {
    if (e instanceof ExtractError)
      return { ok: false, error: `The document could not be read: ${e.message}.` };
    throw e;
  }
  if (candidates.length === 0) {
    return {
      ok: false,
      error:
        "The importer found no facts in this document: no table, config key or spec line it can read. Nothing was stored.",
    };
  }
  const existing = await existingClaims(db, [...new Set(candidates.map((c) => c.model))]);
  return {
    ok: true,
    data: {
      format,
      sourceSlug,
      text,
      candidates: reviewCandidates(candidates, existing, sourceSlug),
    },
  };
}

export function proposeImport(db: Db, input: ImportInput): Promise<ActionResult<Proposal>> {
  return prepare(db, input);
}

export type Applied = {
  sourceSlug: string;
  created: number;
  models: string[];
  /** Accepted candidates already cited by this source (applying twice changes nothing). */
  already: number;
  rejected: number;
};

/** The family a new model belongs to: the longest family slug its own slug starts with. */
function familyFor(slug: string, families: { id: number; slug: string }[]) {
  return (
    families
      .filter((f) => slug.startsWith(`${f.slug}-`))
      .sort((a, b) => b.slug.length - a.slug.length)[0]?.id ?? null
  );
}

export function applyImport(
  db: Db,
  actor: Maintainer,
  input: ImportInput & { decisions: Record<string, Decision> },
): Promise<ActionResult<Applied>> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const prepared = await prepare(tx, input);
      if (!prepared.ok) return prepared;
      const { text, candidates, sourceSlug } = prepared.data;
      const proposed = candidates.filter((c) => c.status !== "same");
      const decided = applyDecisions(proposed, input.decisions, (c) =>
        text.slice(c.quote.start, c.quote.end),
      );
      // A decision about a candidate the source already cites is not stale: applying twice is a no-op.
      const keys = new Set(candidates.map((c) => c.key));
      const stale = Object.keys(input.decisions).filter((k) => !keys.has(k));
      if (stale.length > 0) {
        return {
          ok: false,
          error: `${stale.length} decision(s) name candidates this document does not yield (${stale.slice(0, 3).join(", ")}): review it again.`,
        };
      }
      if (decided.refused.length > 0) {
        const r = decided.refused[0] as { key: string; why: string };
        return {
          ok: false,
          error: `${decided.refused.length} accepted value(s) refused (a value may not say more than its quote), e.g. ${r.key}: ${r.why}. Nothing was stored.`,
        };
      }
      // Who measured is part of a third party's benchmark settings (as the seed records it), so
      // it is added before the check for what this source already cites.
      const [srcRow] =
        "newSource" in input
          ? [{ publisher: input.newSource.publisher ?? null }]
          : await tx
              .select({ publisher: sources.publisher })
              .from(sources)
              .where(eq(sources.slug, sourceSlug));
      const developers = new Map(
        (await tx.select({ slug: models.slug, developer: models.developer }).from(models)).map(
          (m) => [m.slug, m.developer],
        ),
      );
      decided.accepted = decided.accepted.map((c) => {
        const developer = developers.get(c.model);
        // A model the document introduces is its publisher's own.
        const thirdParty =
          developer !== undefined && !sameOrganisation(srcRow?.publisher ?? null, developer);
        return {
          ...c,
          settings: withMeasurer(c.settings, c.field, thirdParty, srcRow?.publisher ?? null),
        };
      });
      // A correction can make a candidate the twin of what this source already cites.
      const twins = splitAlreadyCited(
        decided.accepted,
        await existingClaims(tx, [...new Set(decided.accepted.map((c) => c.model))]),
        sourceSlug,
      );
      decided.accepted = twins.fresh;
      // The document was read for every catalog model it yields candidates for (new, the same as
      // cited, or conflicting): their entries are checked as of now, even when nothing changes.
      // (New models are created checked.) updatedAt stays: reading is not editing.
      const readSlugs = [...new Set(candidates.map((c) => c.model))];
      if (readSlugs.length > 0)
        await tx
          .update(models)
          .set({ checkedAt: new Date(), updatedAt: sql`${models.updatedAt}` })
          .where(inArray(models.slug, readSlugs));
      if (decided.accepted.length === 0) {
        // Everything already cited or rejected: a no-op, said as such (applying twice is one).
        return {
          ok: true,
          data: {
            sourceSlug,
            created: 0,
            models: [],
            already: candidates.length - proposed.length + twins.already.length,
            rejected: decided.rejected.length,
          },
        };
      }

      // The source, if it is new: version 1 of its text, with its revision.
      let sourceId: number;
      let publisher: string | null;
      if ("newSource" in input) {
        const [row] = await tx
          .insert(sources)
          .values({ ...input.newSource, retrievedOn: new Date().toISOString().slice(0, 10) })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await tx.insert(revisions).values({
          entityType: "source",
          entityId: row.id,
          revision: 1,
          action: "create",
          after: { ...row, text: `(${row.text.length} characters, sha256 ${row.textSha256})` },
          reason: "Imported with its facts.",
          authorId: actor.id,
          authorName: actor.name,
        });
        sourceId = row.id;
        publisher = row.publisher;
      } else {
        const [row] = await tx
          .select({ id: sources.id, publisher: sources.publisher })
          .from(sources)
          .where(eq(sources.slug, sourceSlug));
        if (!row) return { ok: false, error: `There is no source '${sourceSlug}'.` };
        sourceId = row.id;
        publisher = row.publisher;
      }

      // New models the reviewer accepted facts for.
      const allModels = await tx
        .select({
          id: models.id,
          slug: models.slug,
          kind: models.kind,
          developer: models.developer,
        })
        .from(models);
      const modelId = new Map(allModels.map((m) => [m.slug, m.id]));
      const families = allModels.filter((m) => m.kind === "family");
      const newModels: string[] = [];
      const announcedModels = new Set(
        decided.accepted
          .filter(
            (c) =>
              c.field === "other" &&
              c.label === RELEASE_STATUS_LABEL &&
              NOT_YET_RELEASED.test(c.valueText),
          )
          .map((c) => c.model),
      );
      for (const c of decided.accepted) {
        if (modelId.has(c.model)) continue;
        const familyId = familyFor(c.model, families);
        const developer =
          allModels.find((m) => m.id === familyId)?.developer ?? publisher ?? "not stated";
        const [row] = await tx
          .insert(models)
          .values({
            slug: c.model,
            // The name the maintainer gave the document's model, else the document's own
            // spelling without what only says which checkpoint or mode ("(Thinking)", "-Instruct").
            name:
              (c.model === input.model && input.modelName) ||
              c.modelName
                .replace(/\s*\([^)]*\)/g, "")
                .replace(/[-\s](instruct|base|it|pt)$/i, "")
                .trim(),
            kind: "model",
            familyId,
            developer,
            description: "",
            // A model its own document calls not yet released starts as announced (the accepted
            // passage that says so is one of its claims).
            status: announcedModels.has(c.model) ? "announced" : "released",
          })
          .returning();
        if (!row) throw new Error("insert returned nothing");
        await tx.insert(revisions).values({
          entityType: "model",
          entityId: row.id,
          revision: 1,
          action: "create",
          after: row,
          reason: `Created by the import of ${sourceSlug}.`,
          authorId: actor.id,
          authorName: actor.name,
        });
        modelId.set(c.model, row.id);
        allModels.push({ id: row.id, slug: row.slug, kind: row.kind, developer: row.developer });
        newModels.push(c.model);
      }

      // Which groups already have a preferred claim: the first accepted claim of an empty group
      // becomes preferred; the rest wait beside it for a maintainer's ranking.
      const touched = [...new Set(decided.accepted.map((c) => modelId.get(c.model) as number))];
      const preferred = await tx
        .select({
          modelId: claims.modelId,
          field: claims.field,
          label: claims.label,
          variant: claims.variant,
          condition: claims.condition,
          settings: claims.settings,
        })
        .from(claims)
        .where(
          and(
            inArray(claims.modelId, touched),
            eq(claims.rank, "preferred"),
            isNull(claims.retiredAt),
          ),
        );
      const group = (c: {
        modelId: number;
        field: string;
        label: string;
        variant: string;
        condition: string;
        settings: string;
      }) => [c.modelId, c.field, c.label, c.variant, c.condition, c.settings].join("\u0000");
      const hasPreferred = new Set(preferred.map(group));

      // Who published it decides the provenance, as for every claim: the publisher's own
      // document about its own model, or a third party's (whose scores are its measurements).
      const devOf = new Map(allModels.map((m) => [m.id, m.developer]));
      const cited = citedValues(text, decided.accepted);
      const rows: NewClaim[] = decided.accepted.map((c, i) => {
        const mid = modelId.get(c.model) as number;
        const own = sameOrganisation(publisher, devOf.get(mid) ?? null);
        const values = cited[i] as (typeof cited)[number];
        const row = {
          ...values,
          modelId: mid,
          provenance: own ? ("publisher" as const) : ("third_party" as const),
          sourceId,
          authorId: actor.id,
          authorName: actor.name,
          note: input.decisions[c.key]?.edit
            ? `Corrected in review: ${input.decisions[c.key]?.reason}`
            : null,
        };
        const key = group(row);
        const first = !hasPreferred.has(key);
        hasPreferred.add(key);
        return {
          ...row,
          rank: first ? ("preferred" as const) : ("normal" as const),
          rankReason: first
            ? "The first cited value for this when imported."
            : "Kept beside the preferred claim; a maintainer ranks them.",
        };
      });
      let created = 0;
      for (let i = 0; i < rows.length; i += 100) {
        const batch = rows.slice(i, i + 100);
        const inserted = await tx.insert(claims).values(batch).returning();
        await tx.insert(revisions).values(
          inserted.map((row, j) => ({
            entityType: "claim" as const,
            entityId: row.id,
            revision: 1,
            action: "create" as const,
            after: row,
            reason: input.decisions[decided.accepted[i + j]?.key ?? ""]?.reason ?? null,
            authorId: actor.id,
            authorName: actor.name,
          })),
        );
        created += inserted.length;
      }
      await refreshCatalogRows(tx, touched);
      return {
        ok: true,
        data: {
          sourceSlug,
          created,
          models: newModels,
          already: candidates.length - proposed.length + twins.already.length,
          rejected: decided.rejected.length,
        },
      };
    }),
  );
}

/** A candidate as the review screen shows it: its passage with some context, never the whole text. */
export type CandidateView = Omit<Reviewed, "quote" | "settingsQuote"> & {
  before: string;
  quote: string;
  after: string;
  header: string | null;
};

export type ProposalView = {
  format: DocumentFormat;
  sourceSlug: string;
  candidates: CandidateView[];
};

const CONTEXT = 160;

export function proposalView(p: Proposal): ProposalView {
  const { text } = p;
  return {
    format: p.format,
    sourceSlug: p.sourceSlug,
    candidates: p.candidates.map(({ quote, settingsQuote, ...c }) => {
      const header = settingsQuote ? text.slice(settingsQuote.start, settingsQuote.end) : null;
      return {
        ...c,
        before: text.slice(Math.max(0, quote.start - CONTEXT), quote.start),
        quote: text.slice(quote.start, quote.end),
        after: text.slice(quote.end, quote.end + CONTEXT),
        header: header && header.length > 600 ? `${header.slice(0, 600)}…` : header,
      };
    }),
  };
}

/** The form's fields as the importer's input. */
export function importInputOf(
  form: ImportFormInput,
): ImportInput & { decisions: Record<string, Decision> } {
  const common = {
    model: form.model ?? null,
    modelName: form.modelName ?? undefined,
    modelVariant: form.modelVariant,
    subject: form.subject ?? undefined,
    format: form.format,
    decisions: form.decisions,
  };
  if (form.mode === "existing") return { sourceSlug: form.sourceSlug, ...common };
  const {
    mode: _m,
    model: _o,
    modelName: _n,
    modelVariant: _v,
    subject: _s,
    format: _f,
    decisions: _d,
    ...source
  } = form;
  return { newSource: source, ...common };
}

export async function proposeImportForm(db: Db, _actor: Maintainer, form: ImportFormInput) {
  const proposed = await proposeImport(db, importInputOf(form));
  return proposed.ok ? { ok: true as const, data: proposalView(proposed.data) } : proposed;
}

export function applyImportForm(db: Db, actor: Maintainer, form: ImportFormInput) {
  return applyImport(db, actor, importInputOf(form));
}
