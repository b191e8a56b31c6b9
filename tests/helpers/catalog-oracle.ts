/*
 * The catalog query's meaning, computed in memory over the whole catalog: the specification the
 * database's version (db/queries/catalog.ts, over the read model) is held to by the property tests.
 * Test code only: production filters, sorts and pages in SQL.
 */
import { asc, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelRowColumns, selectLiveClaims } from "@/db/columns";
import {
  buildCatalogRows,
  type CatalogRow,
  NUMERIC_COLUMNS,
  naturalKey,
  searchText,
} from "@/db/domain/catalog";
import {
  type CatalogQuery,
  FIT_DEFAULTS,
  releasedSince,
  type SortState,
} from "@/db/domain/catalog-query";
import { inputsByModel, type MemoryProfile, memoryProfile, profileBytes } from "@/db/domain/memory";
import { models, revisions } from "@/db/schema";

/** The whole catalog as table rows, computed in memory from every model and live claim. */
export async function loadCatalog(
  db: Db,
  opts: { provenance?: "publisher" | "third_party" | null } = {},
) {
  const [modelRows, claimRows, [last]] = await Promise.all([
    db.select(modelRowColumns).from(models).orderBy(asc(models.name)),
    selectLiveClaims(db),
    db.select({ at: max(revisions.createdAt) }).from(revisions),
  ]);
  const usable = opts.provenance
    ? claimRows.filter((c) => c.provenance === opts.provenance)
    : claimRows;
  // Each model's memory profile from its own and its families' claims (db/domain/memory.ts).
  const profiles = new Map<number, MemoryProfile>(
    [...inputsByModel(modelRows, usable)].map(([id, inputs]) => [id, memoryProfile(inputs)]),
  );
  return {
    rows: buildCatalogRows(modelRows, usable),
    profiles,
    models: modelRows,
    claims: claimRows,
    lastUpdated: last?.at ?? null,
  };
}

export type FilterOutcome = { rows: CatalogRow[]; excludedUnknown: number };

const NUMERIC_FILTERS = [
  ["minParams", "total_params", (n: number, bound: number) => n >= bound],
  ["maxParams", "total_params", (n: number, bound: number) => n <= bound],
  ["minContext", "context_window", (n: number, bound: number) => n >= bound],
] as const;

/**
 * A numeric filter never treats an unknown value as a match; rows that pass every filter but for
 * an unknown value are counted (`excludedUnknown`). Sorted as the table sorts: unknowns last,
 * then by name.
 */
export function applyCatalogQuery(
  rows: CatalogRow[],
  query: CatalogQuery,
  profiles: Map<number, MemoryProfile> = new Map(),
): FilterOutcome {
  let excludedUnknown = 0;
  const needle = query.q?.toLowerCase();
  const out = rows.filter((row) => {
    if (needle && !searchText(row).includes(needle)) return false;
    if (query.family && !row.families.includes(query.family)) return false;
    if (query.developer && row.developer !== query.developer) return false;
    if (query.license && row.licenseName !== query.license) return false;
    if (query.arch && row.architectureKind !== query.arch) return false;
    if (query.status && row.status !== query.status) return false;
    let unknown = false;
    for (const [key, column, test] of NUMERIC_FILTERS) {
      const bound = query[key];
      if (bound === null) continue;
      const n = row.cells[column]?.num ?? null;
      if (n === null) unknown = true;
      else if (!test(n, bound)) return false;
    }
    if (query.releasedWithin !== null) {
      const released = row.cells.release_date?.num ?? null;
      if (released === null) unknown = true;
      else if (released < releasedSince(query.releasedWithin)) return false;
    }
    if (query.fitsGb !== null) {
      const profile = profiles.get(row.id);
      const need = profile
        ? profileBytes(profile, {
            context: query.fitsContext ?? FIT_DEFAULTS.context,
            format: query.fitsFormat ?? FIT_DEFAULTS.format,
          })
        : null;
      if (need === null) unknown = true;
      // The SQL compares in floating point too; a budget is never within rounding of a need.
      else if (need > query.fitsGb * 1e9) return false;
    }
    if (unknown) excludedUnknown++;
    return !unknown;
  });
  return { rows: out.sort(compareRows(query.sort)), excludedUnknown };
}

/** The table's order for a sort: the column (unknowns last either way), then name, then id. */
export function compareRows(sort: SortState | null) {
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byName = (a: CatalogRow, b: CatalogRow) =>
    byKey(naturalKey(a.name), naturalKey(b.name)) || a.id - b.id;
  if (!sort) return byName;
  if (sort.column === "name")
    return (a: CatalogRow, b: CatalogRow) => (sort.desc ? -1 : 1) * byName(a, b);
  const column = sort.column;
  const value = (r: CatalogRow): number | string | null => {
    const cell = r.cells[column];
    if (!cell) return null;
    return NUMERIC_COLUMNS.has(column) ? cell.num : naturalKey(cell.text);
  };
  return (a: CatalogRow, b: CatalogRow) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null)
      return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byName(a, b);
    const c = typeof va === "number" ? va - (vb as number) : byKey(va, vb as string);
    return (sort.desc ? -c : c) || byName(a, b);
  };
}
