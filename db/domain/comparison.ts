/*
 * One set of comparison rules for the table, the model, compare and chart pages and the API.
 *
 * - Two claims are about the same thing only when they speak of the same model, field, label
 *   (benchmark names compared without punctuation), checkpoint variant, condition and settings.
 *   Base vs instruct, native vs extended context, FP8 vs BF16 memory: different things, never a
 *   conflict.
 * - About the same thing, they *agree* when their values match within what their qualifiers
 *   allow ("~20B" and "21B" agree; "up to 16 GB" and "12 GB" agree), and *conflict* otherwise.
 * - "N sources agree" counts distinct sources, not claims.
 */
import type { ClaimRow } from "./catalog";

export type Comparable = Pick<
  ClaimRow,
  | "modelId"
  | "field"
  | "label"
  | "variant"
  | "condition"
  | "settings"
  | "valueText"
  | "valueNum"
  | "valueDate"
  | "qualifier"
> & { source: { slug: string } };

/** "MMLU Pro", "MMLU-Pro" → "mmlupro"; settings likewise, so spelling does not split a group. */
export const looseKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}+]/gu, "");

/** The thing a claim is about: equal keys mean the values can be compared at all. */
export function subjectKey(
  c: Omit<Comparable, "valueText" | "valueNum" | "valueDate" | "qualifier" | "source">,
): string {
  return [
    c.modelId,
    c.field,
    looseKey(c.label),
    c.variant.toLowerCase(),
    c.condition,
    looseKey(c.settings),
  ].join("|");
}

/** How far an approximate value may be from another and still agree with it. */
const APPROX = 0.1;

function interval(c: Pick<Comparable, "valueNum" | "qualifier">): [number, number] | null {
  const v = c.valueNum;
  if (v === null) return null;
  switch (c.qualifier) {
    case "approx":
      return [v * (1 - APPROX), v * (1 + APPROX)];
    case "at_least":
      return [v, Number.POSITIVE_INFINITY];
    case "at_most":
      return [0, v];
    default:
      return [v, v];
  }
}

/** Licence names normalised for filtering and comparing; the cell keeps the source's phrasing. */
export function licenseName(text: string | undefined): string | null {
  if (!text) return null;
  if (/apache/i.test(text) && !/not apache/i.test(text)) return "Apache-2.0";
  if (/^mit\b/i.test(text)) return "MIT";
  if (/gemma/i.test(text)) return "Gemma Terms of Use";
  if (/llama 4/i.test(text)) return "Llama 4 Community License";
  if (/llama 3\.3/i.test(text)) return "Llama 3.3 Community License";
  if (/llama 3\.2/i.test(text)) return "Llama 3.2 Community License";
  if (/qwen license/i.test(text)) return "Qwen License";
  if (/deepseek/i.test(text)) return "DeepSeek Model License";
  return "Other";
}

const normalText = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s"“”'’`]+/g, " ")
    .trim();

/**
 * Whether two values about the same thing match: by date; by number within their qualifiers;
 * licences by the licence they name; other wording only when it is the same words. Two
 * differently worded descriptions ("MoE with 256 experts", "Mixture-of-Experts") cannot be
 * judged by a machine: neither agreement nor conflict ("unknown").
 */
export function valuesAgree(a: Comparable, b: Comparable): boolean | "unknown" {
  if (a.valueDate && b.valueDate) return a.valueDate === b.valueDate;
  const ia = interval(a);
  const ib = interval(b);
  if (ia && ib) {
    // Exact figures printed at different precision ("117B", "116.83B") are the same figure.
    const slack = 1e-9 * Math.max(Math.abs(ia[1]), Math.abs(ib[1]), 1);
    return ia[0] <= ib[1] + slack && ib[0] <= ia[1] + slack;
  }
  if (normalText(a.valueText) === normalText(b.valueText)) return true;
  if (a.field === "license") {
    const [la, lb] = [licenseName(a.valueText), licenseName(b.valueText)];
    if (la && lb && la !== "Other" && lb !== "Other") return la === lb;
  }
  return "unknown";
}

export type Relation = "agree" | "conflict" | "unrelated";

export function relation(a: Comparable, b: Comparable): Relation {
  if (subjectKey(a) !== subjectKey(b)) return "unrelated";
  const same = valuesAgree(a, b);
  return same === "unknown" ? "unrelated" : same ? "agree" : "conflict";
}

/** For a chosen claim among others: how many distinct sources agree with it, and which claims conflict. */
export function agreementWith<T extends Comparable>(
  chosen: T,
  others: T[],
): { sources: number; conflicts: T[] } {
  const agreeing = new Set<string>([chosen.source.slug]);
  const conflicts: T[] = [];
  for (const o of others) {
    if (o === chosen) continue;
    const r = relation(chosen, o);
    if (r === "agree") agreeing.add(o.source.slug);
    else if (r === "conflict") conflicts.push(o);
  }
  return { sources: agreeing.size, conflicts };
}

export type VariantKind = "default" | "base" | "instruct" | "quantized";

/** What kind of checkpoint a variant names. */
export function variantKind(variant: string): VariantKind {
  const v = variant.trim().toLowerCase();
  if (v === "") return "default";
  if (/^(?:base|pt|pretrained|pre-trained)$/.test(v)) return "base";
  if (/^(?:instruct\S*|it|chat|thinking|instruction-tuned|sft)$/.test(v)) return "instruct";
  return "quantized";
}

/**
 * Which claim a model's row shows first, by what it is about: the checkpoint as named or its
 * instruct/chat/thinking version before the base model, and both before a quantized re-release;
 * native context before extended. Ties are broken by rank (compareClaims) by the caller.
 */
export function subjectPreference(c: Pick<Comparable, "variant" | "condition">): number {
  const variant = { default: 0, instruct: 0, base: 2, quantized: 3 }[variantKind(c.variant)];
  // A context stated as native first; one whose condition the source leaves open next.
  const condition = { native: 0, "": 1, extended: 2 }[c.condition];
  return variant * 3 + condition;
}

/**
 * The preference rule among claims about the same thing, written once and quoted in every rank
 * reason: the publisher's own card or config for that checkpoint, then its README or blog, then
 * third parties (a mirror is a third party), then the press; an exact value over an approximate
 * one or a bound; a value with a number over one without. Maintainers may override, with a reason.
 */
export const PREFERENCE_RULE =
  "publisher's own model card or config > publisher's README or blog > third parties and mirrors > press; exact over approximate; a number over none";

const KIND_WEIGHT: Record<string, number> = {
  model_card: 3,
  docs: 3,
  readme: 2,
  blog: 1,
  license: 1,
  article: 0,
};
const TIER_WEIGHT: Record<string, number> = { primary: 2, secondary: 1, press: 0 };

/** Higher is preferred (see PREFERENCE_RULE). */
export function preferenceScore(
  c: Pick<Comparable, "qualifier" | "valueNum"> & { provenance: string },
  source: { kind: string; tier: string },
): number {
  return (
    (c.provenance === "publisher" ? 1000 : 0) +
    (KIND_WEIGHT[source.kind] ?? 0) * 100 +
    (TIER_WEIGHT[source.tier] ?? 0) * 10 +
    (c.qualifier === "exact" ? 2 : 0) +
    (c.valueNum !== null ? 1 : 0)
  );
}
