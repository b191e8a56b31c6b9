/*
 * Chart data, shaped once on the server from catalog rows and claims: what a chart plots, its
 * data table and its CSV are the same arrays. Unknown values are left out (and counted), never
 * plotted as zero.
 */
import type { CatalogRow, ClaimRow } from "./catalog";
import { benchmarkKey, compareClaims } from "./catalog";
import { estimateWeightMemory } from "./derived";

export type Point = {
  model: string;
  slug: string;
  value: number;
  text: string;
  claimId: number;
  source: string;
  provenance: string;
};

export type ParamsPoint = {
  model: string;
  slug: string;
  moe: boolean;
  total: number;
  totalText: string;
  totalClaimId: number;
  active: number | null;
  activeText: string | null;
  activeClaimId: number | null;
};

export type ChartSet<T> = { points: T[]; missing: string[] };

export function paramsChart(rows: CatalogRow[]): ChartSet<ParamsPoint> {
  const points: ParamsPoint[] = [];
  const missing: string[] = [];
  for (const r of rows) {
    const total = r.cells.total_params;
    if (!total || total.num === null) {
      missing.push(r.name);
      continue;
    }
    const active = r.cells.active_params;
    points.push({
      model: r.name,
      slug: r.slug,
      moe: r.architectureKind === "moe",
      total: total.num,
      totalText: total.text,
      totalClaimId: total.claimId,
      active: active?.num ?? null,
      activeText: active?.text ?? null,
      activeClaimId: active?.claimId ?? null,
    });
  }
  return { points: points.sort((a, b) => b.total - a.total), missing };
}

/** One value per model from a catalog column (its chosen claim), unknowns excluded. */
export function columnChart(
  rows: CatalogRow[],
  key: "context_window" | "release_date",
): ChartSet<Point> {
  const points: Point[] = [];
  const missing: string[] = [];
  for (const r of rows) {
    const c = r.cells[key];
    if (!c || c.num === null) {
      missing.push(r.name);
      continue;
    }
    points.push({
      model: r.name,
      slug: r.slug,
      value: c.num,
      text: c.text,
      claimId: c.claimId,
      source: c.sourceTitle,
      provenance: c.provenance,
    });
  }
  return { points: points.sort((a, b) => b.value - a.value), missing };
}

export type MemoryBar = {
  model: string;
  slug: string;
  kind: "quoted" | "derived";
  label: string;
  gb: number;
  /** For quoted figures the claim; for derived ones the parameters claim (the formula names both). */
  claimId: number;
  formatClaimId: number | null;
  formula: string | null;
  qualifier: string;
};

/**
 * Quoted memory figures beside derived weight estimates (total parameters × bits of each format the
 * model's sources name). Both kinds are labelled; estimates are weights only.
 */
export function memoryChart(
  rows: CatalogRow[],
  claims: ClaimRow[],
  modelIds: Map<string, number>,
): ChartSet<MemoryBar> {
  const bars: MemoryBar[] = [];
  const missing: string[] = [];
  for (const r of rows) {
    const own = claims.filter(
      (c) =>
        c.modelId === modelIds.get(r.slug) &&
        c.provenance !== "forecast" &&
        c.rank !== "deprecated",
    );
    const quoted = own
      .filter((c) => c.field === "memory_footprint" && c.valueNum !== null)
      .sort(compareClaims);
    for (const c of quoted) {
      bars.push({
        model: r.name,
        slug: r.slug,
        kind: "quoted",
        label: c.valueText,
        gb: c.valueNum as number,
        claimId: c.id,
        formatClaimId: null,
        formula: null,
        qualifier: c.qualifier,
      });
    }
    const total = r.cells.total_params;
    if (total && total.num !== null) {
      const formats = own
        .filter((c) => c.field === "quantization" || c.field === "memory_footprint")
        .map((c) => ({ id: c.id, text: `${c.valueText} ${c.quote}` }));
      for (const e of estimateWeightMemory(
        { id: total.claimId, value: total.num, text: total.text },
        formats,
      )) {
        bars.push({
          model: r.name,
          slug: r.slug,
          kind: "derived",
          label: `${e.format} weights`,
          gb: e.gb,
          claimId: e.inputs.paramsClaimId,
          formatClaimId: e.inputs.formatClaimId,
          formula: e.formula,
          // A range is drawn at its lower bound and marked "at least".
          qualifier: e.range ? "at_least" : "approx",
        });
      }
    }
    if (!bars.some((b) => b.slug === r.slug)) missing.push(r.name);
  }
  return { points: bars, missing };
}

export type BenchmarkGroup = {
  key: string;
  label: string;
  settings: string;
  points: (Point & { unit: string | null })[];
};

/**
 * Benchmark scores grouped by benchmark *and* settings: only identical settings are compared.
 * Groups with a single model are dropped (nothing to compare).
 */
export function benchmarkGroups(
  rows: CatalogRow[],
  claims: ClaimRow[],
  modelIds: Map<string, number>,
): BenchmarkGroup[] {
  const shown = new Map(
    rows.flatMap((r) => {
      const id = modelIds.get(r.slug);
      return id === undefined ? [] : [[id, r] as const];
    }),
  );
  const groups = new Map<string, BenchmarkGroup>();
  const best = new Map<string, ClaimRow>();
  for (const c of [...claims].sort(compareClaims)) {
    const row = shown.get(c.modelId);
    if (
      !row ||
      c.field !== "benchmark" ||
      c.valueNum === null ||
      c.provenance === "forecast" ||
      c.rank === "deprecated"
    )
      continue;
    const key = `${benchmarkKey(c.label)}|${c.settings.toLowerCase()}`;
    if (best.has(`${key}|${c.modelId}`)) continue;
    best.set(`${key}|${c.modelId}`, c);
    const g = groups.get(key) ?? { key, label: c.label, settings: c.settings, points: [] };
    g.points.push({
      model: row.name,
      slug: row.slug,
      value: c.valueNum,
      text: c.valueText,
      claimId: c.id,
      source: c.source.title,
      provenance: c.provenance,
      unit: c.unit,
    });
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.points.length >= 2)
    .map((g) => ({ ...g, points: g.points.sort((a, b) => b.value - a.value) }))
    .sort((a, b) => b.points.length - a.points.length || a.label.localeCompare(b.label));
}

export type FitRow = {
  model: string;
  slug: string;
  params: number;
  paramsText: string;
  paramsClaimId: number;
  gb: number;
  fits: boolean;
  formula: string;
  /** Quoted hardware statements for the model (e.g. "single 80 GB GPU"), shown beside the estimate. */
  quoted: { text: string; claimId: number }[];
};

/** Which models' weights fit in `gb` at `bits` per weight. MoE models count all experts (total params). */
export function hardwareFit(
  rows: CatalogRow[],
  claims: ClaimRow[],
  modelIds: Map<string, number>,
  gb: number,
  bits: number,
): ChartSet<FitRow> {
  const points: FitRow[] = [];
  const missing: string[] = [];
  for (const r of rows) {
    const total = r.cells.total_params;
    if (!total || total.num === null) {
      missing.push(r.name);
      continue;
    }
    const need = Number(((total.num * bits) / 8 / 1e9).toPrecision(4));
    const quoted = claims
      .filter(
        (c) =>
          c.modelId === modelIds.get(r.slug) &&
          c.field === "memory_footprint" &&
          c.provenance !== "forecast",
      )
      .sort(compareClaims)
      .map((c) => ({ text: c.valueText, claimId: c.id }));
    points.push({
      model: r.name,
      slug: r.slug,
      params: total.num,
      paramsText: total.text,
      paramsClaimId: total.claimId,
      gb: need,
      fits: need <= gb,
      formula: `${total.text} × ${bits} bits ÷ 8 = ${need} GB`,
      quoted,
    });
  }
  return { points: points.sort((a, b) => a.gb - b.gb), missing };
}

export const BIT_CHOICES = [
  { bits: 16, label: "BF16 / FP16 (16 bits)" },
  { bits: 8, label: "FP8 / INT8 (8 bits)" },
  { bits: 4.25, label: "MXFP4 (4.25 bits)" },
  { bits: 4, label: "4-bit (INT4, GPTQ, AWQ)" },
] as const;
