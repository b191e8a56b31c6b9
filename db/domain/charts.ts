/*
 * Chart data, shaped once on the server from catalog rows and claims: what a chart plots, its
 * data table and its CSV are the same arrays. Unknown values are left out (and counted), never
 * plotted as zero.
 */
import type { CatalogRow, ClaimRow } from "./catalog";
import { benchmarkKey, compareClaims } from "./catalog";
import { estimateWeightMemory } from "./derived";
import {
  DEFAULT_OPTIONS,
  derivedParams,
  estimateMemory,
  gb,
  type MemoryInputs,
  type WeightFormat,
} from "./memory";

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
  /** The stated count's claim; null when the count is derived from the config (see the memory page). */
  paramsClaimId: number | null;
  /** The estimate at the chosen context (decimal GB): weights + cache + overhead. */
  gb: number;
  weightsGb: number;
  cacheGb: number;
  fits: boolean;
  formula: string;
  /** Quoted hardware statements for the model (e.g. "single 80 GB GPU"), shown beside the estimate. */
  quoted: { text: string; claimId: number }[];
};

export type FitOptions = { gb: number; format: WeightFormat; context: number };

/**
 * Which models fit in `gb` at a context length: the memory estimator (db/domain/memory.ts) with
 * a 16-bit cache and one sequence. A model whose inputs no source states is listed as missing,
 * with what is missing, never estimated from its parameters alone.
 */
export function hardwareFit(
  rows: CatalogRow[],
  claims: ClaimRow[],
  modelIds: Map<string, number>,
  inputsBySlug: Map<string, MemoryInputs>,
  opts: FitOptions,
): ChartSet<FitRow> {
  const points: FitRow[] = [];
  const missing: string[] = [];
  for (const r of rows) {
    const inputs = inputsBySlug.get(r.slug) ?? { unquantized: [] };
    const e = estimateMemory(inputs, {
      ...DEFAULT_OPTIONS,
      format: opts.format,
      context: opts.context,
    });
    if (!e.ok) {
      missing.push(`${r.name} (${e.missing.join("; ")})`);
      continue;
    }
    const stated = inputs.totalParams;
    const derived = stated ? null : derivedParams(inputs);
    const params =
      stated && typeof stated.value === "number"
        ? { value: stated.value, text: stated.text, claimId: stated.claimId as number | null }
        : { value: derived?.value ?? 0, text: `${derived?.value ?? 0} (derived)`, claimId: null };
    const quoted = claims
      .filter(
        (c) =>
          c.modelId === modelIds.get(r.slug) &&
          c.field === "memory_footprint" &&
          c.provenance !== "forecast",
      )
      .sort(compareClaims)
      .map((c) => ({ text: c.valueText, claimId: c.id }));
    const total = gb(e.totalBytes);
    points.push({
      model: r.name,
      slug: r.slug,
      params: params.value,
      paramsText: params.text,
      paramsClaimId: params.claimId,
      gb: total,
      weightsGb: gb(e.weightsBytes),
      cacheGb: gb(e.kvCacheBytes),
      fits: e.totalBytes <= opts.gb * 1e9,
      formula: `weights ${gb(e.weightsBytes)} GB + cache ${gb(e.kvCacheBytes)} GB + overhead ${gb(e.overheadBytes)} GB = ${total} GB`,
      quoted,
    });
  }
  return { points: points.sort((a, b) => a.gb - b.gb), missing };
}
