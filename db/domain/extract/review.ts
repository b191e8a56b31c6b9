/*
 * What a maintainer does with the importer's candidates: each is new, already cited ("same": not
 * proposed again) or in conflict with a cited value, by the catalog's own comparison rules; and a
 * decisions file (the command line's and the seed's; the web form sends the same shape) accepts,
 * corrects or rejects each, with a reason.
 */
import { z } from "zod";
import { type ClaimField, contextConditions, countFields, qualifiers } from "../../schema";
import { auditClaim } from "../audit";
import { type Comparable, relation } from "../comparison";
import { codePointOffsets } from "../quote";
import { HIDDEN_CHARACTERS, LENGTHS } from "../rules";
import { FIELD_UNITS, parseQuantity } from "../values";
import type { Candidate } from "./types";

export type Status = "new" | "same" | "conflict";

export type Existing = Omit<Comparable, "modelId"> & {
  id: number;
  model: string;
  sourceSlug: string;
};

export type Reviewed = Candidate & {
  status: Status;
  /** The cited values it was compared with: the agreeing one for "same", conflicting ones else. */
  related: { id: number; valueText: string; source: string }[];
};

const asComparable = (c: {
  model: string;
  field: ClaimField;
  label: string;
  variant: string;
  condition: "" | "native" | "extended";
  settings: string;
  valueText: string;
  valueNum: number | null;
  valueDate: string | null;
  qualifier: Comparable["qualifier"];
  source: string;
}): Comparable =>
  ({
    modelId: c.model as unknown as number,
    field: c.field,
    label: c.label,
    variant: c.variant,
    condition: c.condition,
    settings: c.settings,
    valueText: c.valueText,
    valueNum: c.valueNum,
    valueDate: c.valueDate,
    qualifier: c.qualifier,
    source: { slug: c.source },
  }) as Comparable;

/**
 * Each candidate against the live claims of its model. "same" only when this very source already
 * states the value (another source saying it too is new evidence: it raises "N sources agree").
 */
export function reviewCandidates(
  candidates: Candidate[],
  existing: Existing[],
  sourceSlug: string,
): Reviewed[] {
  const byModel = new Map<string, Existing[]>();
  for (const e of existing) byModel.set(e.model, [...(byModel.get(e.model) ?? []), e]);
  return candidates.map((c) => {
    const mine = asComparable({ ...c, source: sourceSlug });
    const related: Reviewed["related"] = [];
    let status: Status = "new";
    for (const e of byModel.get(c.model) ?? []) {
      const theirs = asComparable({ ...e, source: e.sourceSlug });
      const r = relation(mine, theirs);
      if (r === "agree" && e.sourceSlug === sourceSlug) {
        return {
          ...c,
          status: "same",
          related: [{ id: e.id, valueText: e.valueText, source: e.sourceSlug }],
        };
      }
      if (r === "conflict") {
        status = "conflict";
        related.push({ id: e.id, valueText: e.valueText, source: e.sourceSlug });
      }
    }
    return { ...c, status, related };
  });
}

/** Text a reviewer may write: visible characters only, within the database's length. */
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !HIDDEN_CHARACTERS.test(v), "contains an invisible or control character");

export const decisionSchema = z
  .object({
    decision: z.enum(["accept", "reject"]),
    reason: plain(500).pipe(z.string().min(1, "every decision needs a reason")),
    /*
     * What the reviewer corrected: the wording of the value, what it is about (variant, condition,
     * settings, a benchmark's name). Never the model (a fact moved to another model would rest on
     * a quote that does not name it) and never the number: that is read again from the corrected
     * wording, so the two cannot disagree. The quote and its source never change.
     */
    edit: z
      .object({
        label: plain(LENGTHS.label),
        variant: plain(LENGTHS.variant),
        settings: plain(LENGTHS.settings),
        condition: z.enum(contextConditions),
        valueText: plain(LENGTHS.valueText).pipe(z.string().min(1)),
        qualifier: z.enum(qualifiers),
      })
      .partial()
      .strict()
      .optional(),
    /** For people reading the file: what the candidate was. Not used to match. */
    was: z.string().optional(),
  })
  .strict();

export const decisionsFileSchema = z
  .object({
    document: z.string().min(1),
    decisions: z.record(z.string(), decisionSchema),
  })
  .strict();

export type Decision = z.infer<typeof decisionSchema>;
export type DecisionsFile = z.infer<typeof decisionsFileSchema>;

export type Decided = {
  accepted: Candidate[];
  rejected: Candidate[];
  /** Candidates the file says nothing about: a reviewed file decides every one. */
  undecided: Candidate[];
  /** Keys the file decides that the document no longer yields (it changed, or the parser did). */
  stale: string[];
  /** Accepted candidates whose (corrected) value says more than its quote. */
  refused: { key: string; why: string }[];
};

/** A one-line description of a candidate, for decisions files and messages. */
export function describe(c: Candidate): string {
  const what = [
    c.field,
    c.label,
    c.variant && `[${c.variant}]`,
    c.condition,
    c.settings && `(${c.settings})`,
  ]
    .filter(Boolean)
    .join(" ");
  return `${c.model}: ${what} = ${c.valueText}`;
}

/** A corrected value's number, unit and qualifier, read from its wording as the parser reads it. */
function readValue(c: Candidate): Pick<Candidate, "valueNum" | "unit" | "qualifier"> | string {
  const text = c.valueText.trim();
  const kind = FIELD_UNITS[c.field];
  if (kind) {
    const q = parseQuantity(
      kind.kind === "memory" ? text : text.replace(/\s+tokens?$/i, ""),
      kind.kind,
    );
    return q
      ? { valueNum: q.value, unit: kind.unit, qualifier: q.qualifier }
      : { valueNum: null, unit: null, qualifier: "exact" };
  }
  if ((countFields as readonly string[]).includes(c.field)) {
    return /^\d{1,9}$/.test(text)
      ? { valueNum: Number(text), unit: null, qualifier: "exact" }
      : `a ${c.field.replaceAll("_", " ")} is a whole number, not "${text}"`;
  }
  if (c.field === "benchmark") {
    const n = /^(\d{1,6}(?:\.\d{1,4})?)\s*%?$/.exec(text);
    return n
      ? { valueNum: Number(n[1]), unit: c.unit, qualifier: "exact" }
      : `a score is a number, not "${text}"`;
  }
  if (c.field === "other" && c.unit) {
    const q = parseQuantity(text, "count");
    return {
      valueNum: q?.value ?? null,
      unit: q ? c.unit : null,
      qualifier: q?.qualifier ?? "exact",
    };
  }
  return { valueNum: null, unit: null, qualifier: "exact" };
}

export function applyDecisions(
  candidates: Candidate[],
  decisions: Record<string, Decision>,
  quoteOf: (c: Candidate) => string,
): Decided {
  const out: Decided = { accepted: [], rejected: [], undecided: [], stale: [], refused: [] };
  const keys = new Set(candidates.map((c) => c.key));
  out.stale = Object.keys(decisions).filter((k) => !keys.has(k));
  for (const c of candidates) {
    const d = decisions[c.key];
    if (!d) {
      out.undecided.push(c);
      continue;
    }
    if (d.decision === "reject") {
      out.rejected.push(c);
      continue;
    }
    const edited: Candidate = { ...c, ...d.edit };
    if (d.edit?.valueText !== undefined && d.edit.valueText !== c.valueText) {
      const read = readValue(edited);
      if (typeof read === "string") {
        out.refused.push({ key: c.key, why: read });
        continue;
      }
      Object.assign(edited, read, d.edit.qualifier ? { qualifier: d.edit.qualifier } : {});
    }
    const flags = auditClaim({
      key: c.key,
      model: edited.model,
      field: edited.field,
      label: edited.label,
      valueText: edited.valueText,
      valueNum: edited.valueNum,
      valueDate: edited.valueDate,
      unit: edited.unit,
      qualifier: edited.qualifier,
      quote: quoteOf(c),
    });
    if (flags.length > 0) {
      out.refused.push({ key: c.key, why: flags.map((f) => `${f.rule}: ${f.detail}`).join("; ") });
      continue;
    }
    out.accepted.push(edited);
  }
  return out;
}

/**
 * Whether a source's publisher is the model's developer ("Google DeepMind" and "Google", "Qwen
 * Team, Alibaba Cloud" and itself): their first words match. Decides publisher vs third-party.
 */
export function sameOrganisation(publisher: string | null, developer: string | null): boolean {
  const first = (s: string) => s.toLowerCase().split(/[\s,(-]+/)[0] ?? "";
  if (!publisher || !developer) return false;
  const [p, d] = [first(publisher), first(developer)];
  return p.length > 1 && p === d;
}

/**
 * Accepted candidates, after the reviewer's corrections, that this source already cites (a
 * correction can make a candidate the twin of a cited claim): split off, never written twice.
 */
export function splitAlreadyCited(
  accepted: Candidate[],
  existing: Existing[],
  sourceSlug: string,
): { fresh: Candidate[]; already: Candidate[] } {
  const reviewed = reviewCandidates(accepted, existing, sourceSlug);
  return {
    fresh: accepted.filter((_, i) => reviewed[i]?.status !== "same"),
    already: accepted.filter((_, i) => reviewed[i]?.status === "same"),
  };
}

/**
 * Who measured is part of a benchmark's settings: a score a publisher reports for another
 * publisher's model is its own measurement ("measured by Mistral AI"), not comparable as the
 * same number the model's publisher reports.
 */
export function withMeasurer(
  settings: string,
  field: string,
  thirdParty: boolean,
  publisher: string | null,
) {
  if (field !== "benchmark" || !thirdParty || !publisher || /measured by/i.test(settings))
    return settings;
  return [settings, `measured by ${publisher}`].filter(Boolean).join(", ");
}

/**
 * What a claim row takes from its accepted candidate: the value and what it is about, and both
 * citations as the stored text's characters with code-point offsets (as the database counts),
 * converted in one pass for every span. The seed and the importer's save both write these.
 */
export function citedValues(text: string, accepted: Candidate[]) {
  const at = codePointOffsets(
    text,
    accepted.flatMap((c) => [
      c.quote.start,
      c.quote.end,
      ...(c.settingsQuote ? [c.settingsQuote.start, c.settingsQuote.end] : []),
    ]),
  );
  return accepted.map((c) => ({
    field: c.field,
    label: c.label,
    settings: c.settings,
    variant: c.variant,
    condition: c.condition,
    settingsQuote: c.settingsQuote ? text.slice(c.settingsQuote.start, c.settingsQuote.end) : null,
    settingsQuoteStart: c.settingsQuote ? (at.get(c.settingsQuote.start) as number) : null,
    settingsQuoteEnd: c.settingsQuote ? (at.get(c.settingsQuote.end) as number) : null,
    valueText: c.valueText,
    valueNum: c.valueNum,
    unit: c.unit,
    valueDate: c.valueDate,
    qualifier: c.qualifier,
    quote: text.slice(c.quote.start, c.quote.end),
    quoteStart: at.get(c.quote.start) as number,
    quoteEnd: at.get(c.quote.end) as number,
  }));
}
