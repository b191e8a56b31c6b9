/*
 * What a maintainer does with the importer's candidates: each is new, already cited ("same": not
 * proposed again) or in conflict with a cited value, by the catalog's own comparison rules; and a
 * decisions file (the command line's and the seed's; the web form sends the same shape) accepts,
 * corrects or rejects each, with a reason.
 */
import { z } from "zod";
import { type ClaimField, contextConditions, qualifiers } from "../../schema";
import { auditClaim } from "../audit";
import { type Comparable, relation } from "../comparison";
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

export const decisionSchema = z
  .object({
    decision: z.enum(["accept", "reject"]),
    reason: z.string().trim().min(1, "every decision needs a reason").max(500),
    /** What the reviewer corrected; the quote and its source never change. */
    edit: z
      .object({
        model: z.string().min(1).max(100),
        label: z.string().max(200),
        variant: z.string().max(60),
        settings: z.string().max(500),
        condition: z.enum(contextConditions),
        valueText: z.string().trim().min(1).max(500),
        valueNum: z.number().finite().nullable(),
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
  const first = (s: string) => s.toLowerCase().split(/[\s,(]+/)[0] ?? "";
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
