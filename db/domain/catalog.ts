/*
 * The shape of the catalog as readers see it, and the pure logic over it (columns, cell choice,
 * filters). Shared by the pages, the open-data API and the tests; no database access here.
 */
import type { Claim, Model, Provenance, Qualifier, Rank, Source } from "../schema";
import { agreementWith, licenseName, preferenceScore, subjectPreference } from "./comparison";

export { licenseName };

/** A source as a citation shows it (db/columns.ts selects exactly these). */
export type SourceRef = Pick<
  Source,
  "slug" | "title" | "publisher" | "publishedOn" | "url" | "kind" | "tier" | "mirrorOf"
>;

/** A live claim with its source's metadata (db/columns.ts: claimColumns). */
export type ClaimRow = Pick<
  Claim,
  | "id"
  | "modelId"
  | "field"
  | "label"
  | "settings"
  | "variant"
  | "condition"
  | "settingsQuote"
  | "valueText"
  | "valueNum"
  | "unit"
  | "valueDate"
  | "qualifier"
  | "provenance"
  | "rank"
  | "rankReason"
  | "note"
  | "quote"
  | "quoteStart"
  | "quoteEnd"
> & {
  source: SourceRef;
  /** The number of the source version the quote was checked against (where read). */
  versionNumber?: number;
};

export type ModelRow = Pick<
  Model,
  "id" | "slug" | "name" | "kind" | "familyId" | "developer" | "description" | "status"
>;

/** A value as a table cell shows it: the chosen claim plus how many others stand behind it. */
export type Cell = {
  claimId: number;
  text: string;
  num: number | null;
  unit: string | null;
  qualifier: Qualifier;
  provenance: Provenance;
  settings: string;
  /** The checkpoint the value is about ("" for the model as named; "base", "FP8" …). */
  variant: string;
  /** Context windows: "native", "extended" (rope scaling), or "" when the source does not say. */
  condition: Claim["condition"];
  sourceTitle: string;
  /** Distinct sources whose claims about the same thing agree with this value (it included). */
  count: number;
  /** Distinct sources whose claims about the same thing give a different value. */
  conflicting: number;
  /** True when any of them does (db/domain/comparison.ts decides what "the same thing" is). */
  differs: boolean;
  /** For a native context window: the extended one (rope scaling), shown as a second line. */
  extended: { claimId: number; text: string; settings: string } | null;
  /** Set when the value is the family's, not stated for this model itself. */
  viaFamily: { slug: string; name: string } | null;
};

export const COLUMN_KEYS = [
  "total_params",
  "active_params",
  "architecture",
  "license",
  "quantization",
  "context_window",
  "memory_footprint",
  "release_date",
  "mmlu",
  "mmlu_pro",
  "gpqa_diamond",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_LABELS: Record<ColumnKey, string> = {
  total_params: "Total params",
  active_params: "Active params",
  architecture: "Architecture",
  license: "License",
  quantization: "Quantization",
  context_window: "Context",
  memory_footprint: "Memory",
  release_date: "Released",
  mmlu: "MMLU",
  mmlu_pro: "MMLU-Pro",
  gpqa_diamond: "GPQA Diamond",
};

export const NUMERIC_COLUMNS = new Set<ColumnKey>([
  "total_params",
  "active_params",
  "context_window",
  "memory_footprint",
  "release_date",
  "mmlu",
  "mmlu_pro",
  "gpqa_diamond",
]);

/** "MMLU Pro", "MMLU-Pro" → "mmlupro": benchmark names compare without punctuation or case. */
export const benchmarkKey = (label: string) => label.toLowerCase().replace(/[^a-z0-9]/g, "");

const BENCHMARK_COLUMNS: Partial<Record<ColumnKey, string>> = {
  mmlu: "mmlu",
  mmlu_pro: "mmlupro",
  gpqa_diamond: "gpqadiamond",
};

export function columnOf(claim: Pick<ClaimRow, "field" | "label">): ColumnKey | null {
  if (claim.field === "benchmark") {
    const key = benchmarkKey(claim.label);
    for (const [col, k] of Object.entries(BENCHMARK_COLUMNS))
      if (k === key) return col as ColumnKey;
    return null;
  }
  // Architecture details (layers, heads, …) are on the model page, not table columns.
  return (COLUMN_KEYS as readonly string[]).includes(claim.field)
    ? (claim.field as ColumnKey)
    : null;
}

const RANK_ORDER: Record<Rank, number> = { preferred: 0, normal: 1, deprecated: 2 };
const PROVENANCE_ORDER: Record<Provenance, number> = { publisher: 0, third_party: 1, forecast: 2 };

/** Preferred first, then the publisher's own, then normal, deprecated last; forecasts at the end. */
export function compareClaims(a: ClaimRow, b: ClaimRow): number {
  return (
    (a.provenance === "forecast" ? 1 : 0) - (b.provenance === "forecast" ? 1 : 0) ||
    RANK_ORDER[a.rank] - RANK_ORDER[b.rank] ||
    PROVENANCE_ORDER[a.provenance] - PROVENANCE_ORDER[b.provenance] ||
    a.id - b.id
  );
}

/** A claim's date or number as sortable, or null when the source gives no comparable figure. */
export function sortValue(claim: Pick<ClaimRow, "valueNum" | "valueDate">): number | null {
  if (claim.valueDate) return Date.parse(`${claim.valueDate}T00:00:00Z`);
  return claim.valueNum;
}

/**
 * What a family's claim may say for its members: its licence, architecture, context, release and
 * formats. Not sizes, memory or scores — those are about one checkpoint (an Apertus MMLU of 69.6
 * "for Apertus" is about 8B or 70B, base or instruct, and belongs on neither row).
 */
export const INHERITED_COLUMNS = new Set<ColumnKey>([
  "architecture",
  "license",
  "quantization",
  "context_window",
  "release_date",
]);

/**
 * The cell for one column: the best claim of the model's own, else the nearest family's. For
 * benchmarks with several settings the publisher's preferred figure wins and the count says more.
 */
export function chooseCell(
  own: ClaimRow[],
  inherited: { family: ModelRow; claims: ClaimRow[] }[],
): Cell | null {
  const candidates: [ClaimRow[], ModelRow | null][] = [
    [own, null],
    ...inherited.map((f) => [f.claims, f.family] as [ClaimRow[], ModelRow]),
  ];
  for (const [claims, family] of candidates) {
    const live = claims
      .filter((c) => c.provenance !== "forecast" && c.rank !== "deprecated")
      .sort(
        (a, b) =>
          subjectPreference(a) - subjectPreference(b) ||
          RANK_ORDER[a.rank] - RANK_ORDER[b.rank] ||
          // Between the preferred claims of different groups: the written preference rule.
          preferenceScore(b, b.source) - preferenceScore(a, a.source) ||
          compareClaims(a, b),
      );
    const best = live[0];
    if (!best) continue;
    const { sources, conflicts } = agreementWith(best, live);
    const extended =
      best.condition === "native"
        ? live.find((c) => c.condition === "extended" && c.variant === best.variant)
        : undefined;
    return {
      claimId: best.id,
      text: best.valueText,
      num: sortValue(best),
      unit: best.unit,
      qualifier: best.qualifier,
      provenance: best.provenance,
      settings: best.settings,
      variant: best.variant,
      condition: best.condition,
      sourceTitle: best.source.title,
      count: sources,
      conflicting: new Set(conflicts.map((c) => c.source.slug)).size,
      differs: conflicts.length > 0,
      extended: extended
        ? { claimId: extended.id, text: extended.valueText, settings: extended.settings }
        : null,
      viaFamily: family ? { slug: family.slug, name: family.name } : null,
    };
  }
  return null;
}

export type ArchitectureKind = "moe" | "dense";

/**
 * MoE vs dense, only where a claim says so: an architecture claim naming experts or "dense", or
 * cited active parameters below cited total parameters (sparse activation). Otherwise unknown.
 */
export function architectureKind(claims: ClaimRow[]): ArchitectureKind | null {
  const facts = claims.filter((c) => c.provenance !== "forecast" && c.rank !== "deprecated");
  const arch = facts.filter((c) => c.field === "architecture");
  const moe = /mixture[- ]of[- ]experts|\bMoE\b|\bexperts\b/i;
  const dense = /\bdense\b/i;
  // The values first: a table row's quote also holds the other columns' models ("| MoE | Dense |").
  const values = arch.map((c) => c.valueText);
  if (values.some((t) => moe.test(t))) return "moe";
  const total = facts.find((c) => c.field === "total_params" && c.valueNum !== null)?.valueNum;
  const active = facts.find((c) => c.field === "active_params" && c.valueNum !== null)?.valueNum;
  // A mixture of experts activates a small share of its weights (1/20 to 1/5 in the corpus); a
  // dense model "activates" all of them, which tables state rounded ("72B" of "72.7B").
  if (total && active && active <= total / 2) return "moe";
  if (values.some((t) => dense.test(t))) return "dense";
  const quotes = arch.map((c) => c.quote);
  if (quotes.some((t) => moe.test(t))) return "moe";
  if (quotes.some((t) => dense.test(t))) return "dense";
  return null;
}

export type CatalogRow = {
  id: number;
  slug: string;
  name: string;
  developer: string;
  /** "announced": named by a source, weights not released (models.status). */
  status: "released" | "announced";
  family: { slug: string; name: string } | null;
  /** Every family above the model, nearest first. */
  families: string[];
  architectureKind: ArchitectureKind | null;
  /** Licence as a short filterable name (e.g. "Apache-2.0"), from the chosen license cell. */
  licenseName: string | null;
  provenances: Provenance[];
  cells: Partial<Record<ColumnKey, Cell>>;
};

/**
 * What the catalog table renders of a row: only this crosses to the browser, once per row. (No
 * MoE/dense subtitle: it was derived, not cited; the Architecture column shows the cited text.)
 */
export type TableRow = Pick<
  CatalogRow,
  "slug" | "name" | "developer" | "family" | "cells" | "status"
>;

export const toTableRow = ({
  slug,
  name,
  developer,
  family,
  cells,
  status,
}: CatalogRow): TableRow => ({
  slug,
  name,
  developer,
  status,
  family,
  cells,
});

/** Lowercased with every run of digits zero-padded, so byte order is natural order in any engine. */
export const naturalKey = (s: string) =>
  s.toLowerCase().replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, "").padStart(12, "0"));

/** What the search box matches: name, developer, family, slug and licence text, lowercased. */
export const searchText = (row: CatalogRow) =>
  [row.name, row.developer, row.family?.name ?? "", row.slug, row.cells.license?.text ?? ""]
    .join(" ")
    .toLowerCase();

export function buildCatalogRows(models: ModelRow[], claims: ClaimRow[]): CatalogRow[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const claimsOf = new Map<number, ClaimRow[]>();
  for (const c of claims) claimsOf.set(c.modelId, [...(claimsOf.get(c.modelId) ?? []), c]);
  const familiesOf = (m: ModelRow): ModelRow[] => {
    const chain: ModelRow[] = [];
    for (
      let f = m.familyId ? byId.get(m.familyId) : undefined;
      f && chain.length < 16;
      f = f.familyId ? byId.get(f.familyId) : undefined
    ) {
      chain.push(f);
    }
    return chain;
  };
  return models
    .filter((m) => m.kind === "model")
    .map((m) => {
      const own = claimsOf.get(m.id) ?? [];
      const families = familiesOf(m);
      const cells: Partial<Record<ColumnKey, Cell>> = {};
      for (const key of COLUMN_KEYS) {
        const pick = (list: ClaimRow[]) => list.filter((c) => columnOf(c) === key);
        const cell = chooseCell(
          pick(own),
          INHERITED_COLUMNS.has(key)
            ? families.map((f) => ({ family: f, claims: pick(claimsOf.get(f.id) ?? []) }))
            : [],
        );
        if (cell) cells[key] = cell;
      }
      const nearest = families[0];
      return {
        id: m.id,
        slug: m.slug,
        name: m.name,
        developer: m.developer,
        status: m.status,
        family: nearest ? { slug: nearest.slug, name: nearest.name } : null,
        families: families.map((f) => f.slug),
        // The model's own architecture claims decide; a family's only when the model has none.
        architectureKind:
          architectureKind(own) ??
          architectureKind(families.flatMap((f) => claimsOf.get(f.id) ?? [])),
        licenseName: licenseName(cells.license?.text),
        provenances: [...new Set(own.map((c) => c.provenance))],
        cells,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
