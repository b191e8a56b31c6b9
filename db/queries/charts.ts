import "server-only";
import type { Db } from "@/db";
import { selectLiveClaims, selectWithAncestors } from "@/db/columns";
import type { CatalogQuery } from "@/db/domain/catalog-query";
import {
  benchmarkGroups,
  columnChart,
  type FitOptions,
  hardwareFit,
  memoryChart,
  paramsChart,
} from "@/db/domain/charts";
import { inputsByModel, WEIGHT_FORMAT_NAMES, type WeightFormat } from "@/db/domain/memory";
import { DEFAULT_CONTEXT, parseTokens } from "@/db/domain/memory-query";
import { loadFilterOptions, queryAllCatalogRows } from "./catalog";

export type ChartOptions = FitOptions;

/** Every chart's data for the catalog filters: one call shared by the page and the CSV route. */
export async function loadCharts(db: Db, query: CatalogQuery, opts: ChartOptions) {
  // The fit chart answers "fits in N GB" itself, for every model; the other filters apply.
  const [shown, options] = await Promise.all([
    queryAllCatalogRows(db, { ...query, fitsGb: null, sort: null }),
    loadFilterOptions(db, query.provenance),
  ]);
  const ids = new Map(shown.map((r) => [r.slug, r.id]));
  // Each shown model and its family chain: families state some inputs (Gemma 3's layer layout).
  const chain = await selectWithAncestors(
    db,
    shown.map((r) => r.id),
  );
  const withFamilies = await selectLiveClaims(db, {
    modelIds: chain.map((m) => m.id),
    provenance: query.provenance,
  });
  const shownIds = new Set(shown.map((r) => r.id));
  const usable = withFamilies.filter((c) => shownIds.has(c.modelId));
  const byModel = inputsByModel(
    chain,
    withFamilies,
    shown.map((r) => r.id),
  );
  const inputs = new Map(shown.map((r) => [r.slug, byModel.get(r.id) ?? { unquantized: [] }]));
  return {
    params: paramsChart(shown),
    context: columnChart(shown, "context_window"),
    release: columnChart(shown, "release_date"),
    memory: memoryChart(shown, usable, ids),
    benchmarks: benchmarkGroups(shown, usable, ids),
    fit: hardwareFit(shown, usable, ids, inputs, opts),
    modelCount: shown.length,
    /** The filter form's choices, from the whole catalog. */
    options,
  };
}

/** Old links' "bits" values, read as the format they meant. */
const BITS_FORMAT: Record<string, WeightFormat> = {
  "16": "BF16",
  "8": "FP8",
  "4.25": "MXFP4",
  "4": "INT4",
};

/** "gb", "format" and "ctx" from the URL, with defaults and the ignored ones reported. */
export function parseChartOptions(params: Record<string, string | string[] | undefined>): {
  opts: ChartOptions;
  ignored: string[];
} {
  const ignored: string[] = [];
  const raw = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]);
  const opts: ChartOptions = { gb: 24, format: "BF16", context: DEFAULT_CONTEXT };
  const g = raw("gb");
  if (g !== undefined && g !== "") {
    const n = Number(g);
    if (Number.isFinite(n) && n > 0 && n <= 100_000) opts.gb = n;
    else ignored.push(`gb=“${String(g).slice(0, 40)}” was ignored: use gigabytes such as 24 or 80`);
  }
  const f =
    raw("format") ??
    (raw("bits") !== undefined
      ? (BITS_FORMAT[String(raw("bits"))] ?? `bits=${raw("bits")}`)
      : undefined);
  if (f !== undefined && f !== "") {
    const format = WEIGHT_FORMAT_NAMES.find((x) => x.toLowerCase() === String(f).toLowerCase());
    if (format) opts.format = format;
    else
      ignored.push(
        `format=“${String(f).slice(0, 40)}” was ignored: use one of ${WEIGHT_FORMAT_NAMES.join(", ")}`,
      );
  }
  const c = raw("ctx");
  if (c !== undefined && c !== "") {
    const n = parseTokens(String(c));
    if (n !== null) opts.context = n;
    else
      ignored.push(
        `ctx=“${String(c).slice(0, 40)}” was ignored: use a token count such as 32768 or 128K`,
      );
  }
  return { opts, ignored };
}
