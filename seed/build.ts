/*
 * Turns the copied corpus (sources/ + claims.json) and our review into rows, checking every
 * quote against its stored source. Pure: no database, so tests can run it directly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { auditClaim } from "@/db/domain/audit";
import type { ClaimRow } from "@/db/domain/catalog";
import { PREFERENCE_RULE, preferenceScore } from "@/db/domain/comparison";
import { describeLocateFailure, locateQuote } from "@/db/domain/quote";
import { FIELD_UNITS, parseIsoDate, parseQuantity } from "@/db/domain/values";
import { type ClaimField, claimFields } from "@/db/schema";
import { MODEL_SEEDS, type ModelSeed, orgOfPublisher } from "./catalog";
import { HISTORIES, loadHistory, placeOnHistory } from "./histories";
import { importedClaims } from "./imported";
import { type ClaimReview, COMPARABLE, MODEL_ALIASES, REVIEW } from "./review";
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
  settingsQuoteStart: number | null;
  settingsQuoteEnd: number | null;
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

/*
 * The candidates wrote the checkpoint into the benchmark's settings ("5-shot, PT", "EM, chat",
 * "0-shot, instruction-tuned"). It is a variant, not a setting: base and instruct scores are
 * about different checkpoints and must never be compared as one.
 */
const VARIANT_WORDS: [RegExp, string][] = [
  [/^(?:pt|pretrained|pre-trained|base)$/i, "base"],
  [/^(?:it|instruct|instruction-tuned|chat)$/i, "instruct"],
];

/** "5-shot, PT" → variant "base", settings "5-shot"; "Instruct bf16" → "instruct", "bf16". */
export function splitVariant(settings: string): { variant: string; settings: string } {
  let variant = "";
  const rest: string[] = [];
  for (const part of settings
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const words = part.split(/\s+/);
    const hit = VARIANT_WORDS.find(([re]) => re.test(words[0] ?? ""));
    if (hit && !variant) {
      variant = hit[1];
      if (words.length > 1) rest.push(words.slice(1).join(" "));
    } else rest.push(part);
  }
  return { variant, settings: rest.join(", ") };
}

function parseValue(value: string, field: ClaimField, candidateUnit: string | null) {
  const fieldUnit = FIELD_UNITS[field];
  if (fieldUnit) {
    const q = parseQuantity(value, fieldUnit.kind);
    // A unit belongs to a number: "runs on an Apple M4 Max" is a memory statement without one.
    return {
      valueNum: q?.value ?? null,
      qualifier: q?.qualifier ?? "exact",
      unit: q ? fieldUnit.unit : null,
    };
  }
  if (field === "other" && (candidateUnit === "tokens" || candidateUnit === "parameters")) {
    const q = parseQuantity(value, "count");
    return { valueNum: q?.value ?? null, qualifier: q?.qualifier ?? "exact", unit: candidateUnit };
  }
  if (field === "benchmark" && candidateUnit && /^\d+(\.\d+)?$/.test(value.trim())) {
    return { valueNum: Number(value), qualifier: "exact" as const, unit: candidateUnit };
  }
  const hasNumber = /\d/.test(value);
  return {
    valueNum: null,
    qualifier: "exact" as const,
    unit: field === "other" && hasNumber ? candidateUnit : null,
  };
}

type SourceIndex = Map<string, SourceSeed>;
type ModelIndex = Map<string, ModelSeed>;

/**
 * The review of one candidate: the first review's decisions, then what issue 13's review says the
 * value is about (COMPARABLE), reasons joined; plus any further statements of the same quote.
 */
function reviewsOf(index: number): (ClaimReview | undefined)[] {
  const first = REVIEW[index];
  const more = COMPARABLE[index];
  if (!more) return [first];
  const { also, ...said } = more;
  const reason = [first?.reason, said.reason].filter(Boolean).join(" ");
  const merged: ClaimReview = { ...first, ...said, reason };
  return [merged, ...(also ?? []).map((a) => ({ ...first, ...a, preferred: undefined }))];
}

/** One candidate → its claim rows (one per catalog entry it speaks of), or why it is refused. */
function reviewCandidate(
  c: CandidateClaim,
  index: number,
  byFile: SourceIndex,
  models: ModelIndex,
): ClaimSeed[] | string {
  const rows: ClaimSeed[] = [];
  for (const [n, review] of reviewsOf(index).entries()) {
    const made = reviewStatement(c, index, review, n === 0 ? "" : `+${n}`, byFile, models);
    if (typeof made === "string") return made;
    rows.push(...made);
  }
  return rows;
}

function reviewStatement(
  c: CandidateClaim,
  index: number,
  review: ClaimReview | undefined,
  suffix: string,
  byFile: SourceIndex,
  models: ModelIndex,
): ClaimSeed[] | string {
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
  const parsed = parseValue(review?.value ?? c.value, split.field, c.unit);
  const valueNum = review?.valueNum !== undefined ? review.valueNum : parsed.valueNum;
  const valueText = review?.value ?? c.value;
  const unit = review?.unit !== undefined ? review.unit : parsed.unit;
  const what = splitVariant(split.settings);
  let settingsCitation: {
    settingsQuote: string | null;
    settingsQuoteStart: number | null;
    settingsQuoteEnd: number | null;
  } = {
    settingsQuote: null,
    settingsQuoteStart: null,
    settingsQuoteEnd: null,
  };
  if (review?.settingsQuote) {
    const at = locateQuote(source.text, review.settingsQuote);
    if (!at.ok || !at.exact) return "the settings passage is not in the source";
    settingsCitation = {
      settingsQuote: at.quote,
      settingsQuoteStart: at.start,
      settingsQuoteEnd: at.end,
    };
  }
  const targets = review?.model ? [review.model] : MODEL_ALIASES[c.model];
  if (!targets) return `no catalog entry for model '${c.model}'`;
  const unknown = targets.find((slug) => !models.has(slug));
  if (unknown) return `unknown catalog slug '${unknown}'`;

  const valueDate =
    review?.valueDate !== undefined
      ? review.valueDate
      : split.field === "release_date"
        ? parseIsoDate(c.value)
        : null;
  const qualifier = review?.qualifier ?? parsed.qualifier;
  const flags = auditClaim({
    key: `#${index}`,
    model: c.model,
    field: split.field,
    label: split.label,
    valueText,
    valueNum,
    valueDate,
    unit,
    qualifier,
    quote: located.quote,
  });
  if (flags.length > 0) return flags.map((f) => `${f.rule}: ${f.detail}`).join("; ");

  const sourceOrg = orgOfPublisher(source.publisher ?? null);
  return targets.map((slug, n) => ({
    seedKey: `claims.json#${index}${suffix}${targets.length > 1 ? `:${n}` : ""}`,
    model: slug,
    source: source.slug,
    field: split.field,
    label: split.label,
    settings: review?.settings ?? what.settings,
    variant: review?.variant ?? what.variant,
    condition: review?.condition ?? "",
    ...settingsCitation,
    valueText,
    valueNum,
    unit,
    valueDate,
    qualifier,
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

/** The claims of claims.json as our review (seed/review.ts) makes them, with what it refused. */
export function handReviewedClaims(dir = SOURCES_DIR) {
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
  return { sources, models, claims, problems };
}

export function buildSeedCatalog(dir = SOURCES_DIR): SeedCatalog {
  const root = dir;
  const { sources, models, claims, problems } = handReviewedClaims(dir);
  const imported = importedClaims(sources, models, claims);
  claims.push(...imported.claims);
  problems.push(...imported.problems);

  if (problems.length > 0) {
    throw new SeedError(
      `Seed refused: ${problems.length} claim(s) failed review\n- ${problems.slice(0, 50).join("\n- ")}`,
    );
  }
  rankClaims(claims, sources);
  for (const source of sources) {
    const dir = HISTORIES[source.slug];
    if (!dir) continue;
    source.history = placeOnHistory(
      source,
      claims.filter((c) => c.source === source.slug),
      loadHistory(dir, root),
    );
  }
  return { sources, models: MODEL_SEEDS, claims };
}

/**
 * One preferred claim per thing a value is about (model, field, label, variant, condition,
 * settings): an explicit review choice, else the written preference rule (PREFERENCE_RULE), then
 * the candidate order. Forecasts and opinions are never preferred.
 */
function rankClaims(claims: ClaimSeed[], sources: SourceSeed[]) {
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const groups = new Map<string, ClaimSeed[]>();
  for (const c of claims) {
    const key = [c.model, c.field, c.label, c.variant, c.condition, c.settings].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  // claims.json entries by their index; imported ones after them, in document order.
  const order = new Map(claims.map((c, i) => [c, i]));
  const indexOf = (c: ClaimSeed) => {
    const m = /^claims\.json#(\d+)/.exec(c.seedKey);
    return m ? Number(m[1]) : 1e6 + (order.get(c) ?? 0);
  };
  for (const group of groups.values()) {
    const eligible = group.filter(
      (c) => c.provenance !== "forecast" && !REVIEW[indexOf(c)]?.opinion,
    );
    const score = (c: ClaimSeed) =>
      (REVIEW[indexOf(c)]?.preferred ? 100_000 : 0) +
      preferenceScore(c, bySlug.get(c.source) ?? { kind: "article", tier: "press" });
    const best = [...eligible].sort((a, b) => score(b) - score(a) || indexOf(a) - indexOf(b))[0];
    for (const c of group) {
      const review = REVIEW[indexOf(c)];
      if (c === best) {
        c.rank = "preferred";
        c.rankReason = review?.preferred
          ? review.reason
          : group.length === 1
            ? "The only claim for this value."
            : `Preferred by the rule: ${PREFERENCE_RULE}.`;
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

/**
 * The catalog as it was before some models were added: without them, their claims, and the
 * sources left citing nothing. The browser tests start from it and add a model as a maintainer
 * would, through the web importer, so "adding a model" is tested on a real 2026 card.
 */
export function withoutModels(catalog: SeedCatalog, slugs: string[]): SeedCatalog {
  const gone = new Set(slugs);
  const claims = catalog.claims.filter((c) => !gone.has(c.model));
  const cited = new Set(claims.map((c) => c.source));
  const orphaned = new Set(
    catalog.claims.filter((c) => gone.has(c.model) && !cited.has(c.source)).map((c) => c.source),
  );
  return {
    models: catalog.models.filter((m) => !gone.has(m.slug)),
    sources: catalog.sources.filter((s) => !orphaned.has(s.slug)),
    claims,
  };
}
