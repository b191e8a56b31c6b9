/*
 * Turns the copied corpus (sources/ + claims.json) and our review into rows, checking every
 * quote against its stored source. Pure: no database, so tests can run it directly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaimRow } from "@/db/domain/catalog";
import { describeLocateFailure, locateQuote } from "@/db/domain/quote";
import { FIELD_UNITS, parseIsoDate, parseQuantity } from "@/db/domain/values";
import { type ClaimField, claimFields } from "@/db/schema";
import { MODEL_SEEDS, type ModelSeed, orgOfPublisher } from "./catalog";
import { MODEL_ALIASES, REVIEW } from "./review";
import { loadSourceSeeds, SOURCES_DIR, type SourceSeed } from "./sources";

export type CandidateClaim = {
  model: string;
  field: string;
  value: string;
  unit: string | null;
  quote: string;
  file: string;
  note?: string;
  source_tier?: string;
};

/** A claim row as the seed writes it, with its model and source named by slug. */
export type ClaimSeed = Omit<ClaimRow, "id" | "modelId" | "source"> & {
  seedKey: string;
  model: string;
  source: string;
};

export type SeedCatalog = { sources: SourceSeed[]; models: ModelSeed[]; claims: ClaimSeed[] };

export class SeedError extends Error {}

export function loadCandidates(dir = SOURCES_DIR): CandidateClaim[] {
  return JSON.parse(readFileSync(join(dir, "claims.json"), "utf8")) as CandidateClaim[];
}

/** "benchmark:MMLU (5-shot, PT)" → benchmark / "MMLU" / "5-shot, PT"; "other:training_tokens" → other / "training tokens". */
export function splitField(raw: string): { field: ClaimField; label: string; settings: string } {
  const [head, rest = ""] = raw.split(/:(.*)/s) as [string, string?];
  if (!(claimFields as readonly string[]).includes(head)) {
    throw new SeedError(`unknown field '${raw}'`);
  }
  const field = head as ClaimField;
  if (field === "benchmark") {
    const m = /^(.*?)\s*\((.*)\)\s*$/.exec(rest);
    return m
      ? { field, label: (m[1] as string).trim(), settings: (m[2] as string).trim() }
      : { field, label: rest.trim(), settings: "" };
  }
  if (field === "other") return { field, label: rest.replaceAll("_", " ").trim(), settings: "" };
  return { field, label: "", settings: "" };
}

const TIER_WEIGHT = { primary: 3, secondary: 2, press: 1 } as const;

function parseValue(c: CandidateClaim, field: ClaimField) {
  const fieldUnit = FIELD_UNITS[field];
  if (fieldUnit) {
    const q = parseQuantity(c.value, fieldUnit.kind);
    return { valueNum: q?.value ?? null, qualifier: q?.qualifier ?? "exact", unit: fieldUnit.unit };
  }
  if (field === "other" && (c.unit === "tokens" || c.unit === "parameters")) {
    const q = parseQuantity(c.value, "count");
    return { valueNum: q?.value ?? null, qualifier: q?.qualifier ?? "exact", unit: c.unit };
  }
  if (field === "benchmark" && c.unit && /^\d+(\.\d+)?$/.test(c.value.trim())) {
    return { valueNum: Number(c.value), qualifier: "exact" as const, unit: c.unit };
  }
  return { valueNum: null, qualifier: "exact" as const, unit: field === "other" ? c.unit : null };
}

/** The digits a number was read from must appear in its quote (commas ignored): a transcription check. */
function numberIsInQuote(valueText: string, quote: string): boolean {
  const m = /(\d[\d,]*(?:\.\d+)?)/.exec(valueText);
  if (!m) return true;
  const digits = (m[1] as string).replaceAll(",", "");
  return quote.replaceAll(",", "").includes(digits);
}

type SourceIndex = Map<string, SourceSeed>;
type ModelIndex = Map<string, ModelSeed>;

/** One candidate → its claim rows (one per catalog entry it speaks of), or why it is refused. */
function reviewCandidate(
  c: CandidateClaim,
  index: number,
  byFile: SourceIndex,
  models: ModelIndex,
): ClaimSeed[] | string {
  const review = REVIEW[index];
  const source = byFile.get(c.file);
  if (!source) return `source file ${c.file} is not in seed/sources`;
  const located = locateQuote(source.text, c.quote);
  if (!located.ok) return describeLocateFailure(located);
  if (!located.exact) return "quote matches only after folding quotes/spaces";

  let split: ReturnType<typeof splitField>;
  try {
    split = splitField(c.field);
  } catch (e) {
    return (e as Error).message;
  }
  const parsed = parseValue(c, split.field);
  const valueNum = review?.valueNum !== undefined ? review.valueNum : parsed.valueNum;
  const valueText = review?.value ?? c.value;
  if (valueNum !== null && !numberIsInQuote(valueText, c.quote)) {
    return "the number in the value does not appear in the quote";
  }
  const targets = review?.model ? [review.model] : MODEL_ALIASES[c.model];
  if (!targets) return `no catalog entry for model '${c.model}'`;
  const unknown = targets.find((slug) => !models.has(slug));
  if (unknown) return `unknown catalog slug '${unknown}'`;

  const sourceOrg = orgOfPublisher(source.publisher ?? null);
  return targets.map((slug, n) => ({
    seedKey: `claims.json#${index}${targets.length > 1 ? `:${n}` : ""}`,
    model: slug,
    source: source.slug,
    ...split,
    valueText,
    valueNum,
    unit: parsed.unit,
    valueDate: split.field === "release_date" ? parseIsoDate(c.value) : null,
    qualifier: review?.qualifier ?? parsed.qualifier,
    provenance: review?.forecast
      ? "forecast"
      : sourceOrg === models.get(slug)?.org
        ? "publisher"
        : "third_party",
    rank: "normal",
    rankReason: null,
    note:
      [c.note, review && !review.preferred ? review.reason : null].filter(Boolean).join(" ") ||
      null,
    quote: located.quote,
    quoteStart: located.start,
    quoteEnd: located.end,
  }));
}

export function buildSeedCatalog(dir = SOURCES_DIR): SeedCatalog {
  const sources = loadSourceSeeds(dir);
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const models = new Map(MODEL_SEEDS.map((m) => [m.slug, m]));
  const problems: string[] = [];
  const claims: ClaimSeed[] = [];

  for (const [index, c] of loadCandidates(dir).entries()) {
    const where = `claims.json #${index} (${c.model} / ${c.field} = ${c.value})`;
    const result = reviewCandidate(c, index, byFile, models);
    if (typeof result === "string") problems.push(`${where}: ${result}`);
    else claims.push(...result);
  }

  if (problems.length > 0) {
    throw new SeedError(
      `Seed refused: ${problems.length} claim(s) failed review\n- ${problems.join("\n- ")}`,
    );
  }
  rankClaims(claims, sources);
  return { sources, models: MODEL_SEEDS, claims };
}

/**
 * One preferred claim per model + field + label + settings: an explicit review choice, else the
 * publisher's own material over launch partners over the press, then a claim with a number,
 * then the candidate order. Forecasts and opinions are never preferred.
 */
function rankClaims(claims: ClaimSeed[], sources: SourceSeed[]) {
  const tier = new Map(sources.map((s) => [s.slug, s.tier]));
  const groups = new Map<string, ClaimSeed[]>();
  for (const c of claims) {
    const key = [c.model, c.field, c.label, c.settings].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const indexOf = (c: ClaimSeed) => Number(c.seedKey.replace(/^claims\.json#(\d+).*$/, "$1"));
  for (const group of groups.values()) {
    const eligible = group.filter(
      (c) => c.provenance !== "forecast" && !REVIEW[indexOf(c)]?.opinion,
    );
    const score = (c: ClaimSeed) =>
      (REVIEW[indexOf(c)]?.preferred ? 100 : 0) +
      TIER_WEIGHT[tier.get(c.source) ?? "press"] * 10 +
      (c.provenance === "publisher" ? 5 : 0) +
      (c.valueNum !== null ? 1 : 0);
    const best = [...eligible].sort((a, b) => score(b) - score(a) || indexOf(a) - indexOf(b))[0];
    for (const c of group) {
      const review = REVIEW[indexOf(c)];
      if (c === best) {
        c.rank = "preferred";
        c.rankReason = review?.preferred
          ? review.reason
          : group.length === 1
            ? "The only claim for this value."
            : `Preferred: ${c.provenance === "publisher" ? "the publisher's own material" : `a ${tier.get(c.source)} source`}${eligible.length > 1 ? ", ranked above the others by source tier, then specificity" : ""}.`;
      } else {
        c.rank = "normal";
        c.rankReason =
          c.provenance === "forecast"
            ? "A forecast is never the preferred value."
            : review?.opinion
              ? `Never preferred: ${review.reason}`
              : "Kept beside the preferred claim; see its source for the difference.";
      }
    }
  }
}
