import "server-only";
import type { Db } from "@/db";
import { selectLiveClaims } from "@/db/columns";
import type { CatalogQuery } from "@/db/domain/catalog-query";
import {
  BIT_CHOICES,
  benchmarkGroups,
  columnChart,
  hardwareFit,
  memoryChart,
  paramsChart,
} from "@/db/domain/charts";
import { loadFilterOptions, queryAllCatalogRows } from "./catalog";

export type ChartOptions = { gb: number; bits: number };

/** Every chart's data for the catalog filters: one call shared by the page and the CSV route. */
export async function loadCharts(db: Db, query: CatalogQuery, opts: ChartOptions) {
  // The fit chart answers "fits in N GB" itself, for every model; the other filters apply.
  const [shown, options] = await Promise.all([
    queryAllCatalogRows(db, { ...query, fitsGb: null, sort: null }),
    loadFilterOptions(db, query.provenance),
  ]);
  const ids = new Map(shown.map((r) => [r.slug, r.id]));
  const usable = await selectLiveClaims(db, {
    modelIds: shown.map((r) => r.id),
    provenance: query.provenance,
  });
  return {
    params: paramsChart(shown),
    context: columnChart(shown, "context_window"),
    release: columnChart(shown, "release_date"),
    memory: memoryChart(shown, usable, ids),
    benchmarks: benchmarkGroups(shown, usable, ids),
    fit: hardwareFit(shown, usable, ids, opts.gb, opts.bits),
    modelCount: shown.length,
    /** The filter form's choices, from the whole catalog. */
    options,
  };
}

/** "gb" and "bits" from the URL, with defaults and the ignored ones reported. */
export function parseChartOptions(params: Record<string, string | string[] | undefined>): {
  opts: ChartOptions;
  ignored: string[];
} {
  const ignored: string[] = [];
  const raw = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]);
  let gb = 24;
  let bits = 16;
  const g = raw("gb");
  if (g !== undefined && g !== "") {
    const n = Number(g);
    if (Number.isFinite(n) && n > 0 && n <= 100_000) gb = n;
    else ignored.push(`gb=“${String(g).slice(0, 40)}” was ignored: use gigabytes such as 24 or 80`);
  }
  const b = raw("bits");
  if (b !== undefined && b !== "") {
    const n = Number(b);
    if (BIT_CHOICES.some((c) => c.bits === n)) bits = n;
    else ignored.push(`bits=“${String(b).slice(0, 40)}” was ignored: use 16, 8, 4.25 or 4`);
  }
  return { opts: { gb, bits }, ignored };
}
