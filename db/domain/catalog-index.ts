/*
 * How a catalog row is stored in the read model (catalog_rows): the row itself plus the keys SQL
 * filters and sorts on. Pure, so the tests can compare the stored rows with a fresh computation.
 */
import type { CatalogView } from "../schema";
import {
  buildCatalogRows,
  type CatalogRow,
  type ClaimRow,
  type COLUMN_KEYS,
  type ModelRow,
  naturalKey,
  searchText,
} from "./catalog";
import { inputsByModel, type MemoryProfile, memoryProfile } from "./memory";

/** The claims each view may use: all of them, or only one provenance's. */
export function claimsForView(claims: ClaimRow[], view: CatalogView): ClaimRow[] {
  return view === "all" ? claims : claims.filter((c) => c.provenance === view);
}

export type IndexRow = ReturnType<typeof toIndexRow>;

export function toIndexRow(row: CatalogRow, view: CatalogView, memory: MemoryProfile) {
  const num = (key: (typeof COLUMN_KEYS)[number]) => row.cells[key]?.num ?? null;
  const text = (key: (typeof COLUMN_KEYS)[number]) => {
    const t = row.cells[key]?.text;
    return t === undefined ? null : naturalKey(t);
  };
  return {
    view,
    modelId: row.id,
    slug: row.slug,
    nameKey: naturalKey(row.name),
    developer: row.developer,
    familySlugs: row.families,
    archKind: row.architectureKind,
    status: row.status,
    licenseName: row.licenseName,
    search: searchText(row),
    row,
    totalParams: num("total_params"),
    activeParams: num("active_params"),
    contextWindow: num("context_window"),
    memoryFootprint: num("memory_footprint"),
    releaseDate: num("release_date"),
    mmlu: num("mmlu"),
    mmluPro: num("mmlu_pro"),
    gpqaDiamond: num("gpqa_diamond"),
    architecture: text("architecture"),
    license: text("license"),
    quantization: text("quantization"),
    memParams: memory.params,
    memParams16: memory.params16,
    kvFull: memory.kvFull,
    kvSliding: memory.kvSliding,
    kvWindow: memory.kvWindow,
  };
}

/** Every view's stored rows for these models (`models` must include their family chains). */
export function buildIndexRows(
  models: ModelRow[],
  claims: ClaimRow[],
  views: readonly CatalogView[],
): IndexRow[] {
  return views.flatMap((view) => {
    const visible = claimsForView(claims, view);
    const rows = buildCatalogRows(models, visible);
    const inputs = inputsByModel(
      models,
      visible,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      toIndexRow(r, view, memoryProfile(inputs.get(r.id) ?? { unquantized: [] })),
    );
  });
}

/** Sort keys by column, so the query layer can map a URL's sort to a stored column. */
export const SORT_COLUMNS = {
  total_params: "totalParams",
  active_params: "activeParams",
  context_window: "contextWindow",
  memory_footprint: "memoryFootprint",
  release_date: "releaseDate",
  mmlu: "mmlu",
  mmlu_pro: "mmluPro",
  gpqa_diamond: "gpqaDiamond",
  architecture: "architecture",
  license: "license",
  quantization: "quantization",
} as const satisfies Record<(typeof COLUMN_KEYS)[number], keyof IndexRow>;
