import "server-only";
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  max,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "@/db";
import { type CatalogRow, NUMERIC_COLUMNS } from "@/db/domain/catalog";
import { SORT_COLUMNS } from "@/db/domain/catalog-index";
import {
  type CatalogQuery,
  FIT_DEFAULTS,
  releasedSince,
  type SortState,
} from "@/db/domain/catalog-query";
import { OVERHEAD, WEIGHT_FORMATS } from "@/db/domain/memory";
import { catalogRows, models, revisions } from "@/db/schema";

export async function getLastUpdated(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: max(revisions.createdAt) }).from(revisions);
  return row?.at ?? null;
}

/** Rows a catalog page shows: rendering is per row, so this bounds a page whatever the catalog size. */
export const PAGE_SIZE = 25;

const NUMERIC_FILTERS = [
  ["minParams", catalogRows.totalParams, ">="],
  ["maxParams", catalogRows.totalParams, "<="],
  ["minContext", catalogRows.contextWindow, ">="],
] as const;

/**
 * "Fits in N GB at K tokens": the estimate of db/domain/memory.ts profileBytes, in SQL over the
 * stored profile (KV cache at 16 bits, batch 1, sliding layers holding their window). A row
 * missing an input is unknown, reported as such, never counted as fitting.
 */
function fitSql(query: CatalogQuery): { known: SQL; test: SQL } | null {
  if (query.fitsGb === null) return null;
  const t = query.fitsContext ?? FIT_DEFAULTS.context;
  const bits = WEIGHT_FORMATS[query.fitsFormat ?? FIT_DEFAULTS.format].bits;
  const c = catalogRows;
  const weights =
    bits >= 16
      ? sql`${c.memParams} * ${bits / 8}`
      : sql`(${c.memParams16} * 2 + (${c.memParams} - ${c.memParams16}) * ${bits / 8})`;
  const cache = sql`(${c.kvFull} * ${t} + ${c.kvSliding} * least(coalesce(${c.kvWindow}, ${t}), ${t}))`;
  const total = sql`(${1 + OVERHEAD.fraction} * (${weights} + ${cache}) + ${OVERHEAD.fixedBytes})`;
  const known = and(
    isNotNull(c.memParams),
    isNotNull(c.kvFull),
    bits >= 16 ? undefined : isNotNull(c.memParams16),
  ) as SQL;
  return { known, test: sql`${total} <= ${query.fitsGb * 1e9}` };
}

/**
 * The filters as SQL over the read model. `matched` holds rows whose filtered values are all
 * known and in range; `unknown` rows that would pass but for a filtered value no source states
 * (the page reports how many, rather than silently treating unknown as out of range).
 */
function filterSql(query: CatalogQuery) {
  const view = eq(catalogRows.view, query.provenance ?? "all");
  const base: SQL[] = [view];
  if (query.q) base.push(sql`strpos(${catalogRows.search}, ${query.q.toLowerCase()}) > 0`);
  if (query.family) base.push(sql`${catalogRows.familySlugs} @> array[${query.family}]::text[]`);
  if (query.developer) base.push(eq(catalogRows.developer, query.developer));
  if (query.license) base.push(eq(catalogRows.licenseName, query.license));
  if (query.arch) base.push(eq(catalogRows.archKind, query.arch));
  if (query.status) base.push(eq(catalogRows.status, query.status));
  const numeric = NUMERIC_FILTERS.flatMap(([key, column, op]) => {
    const bound = query[key];
    return bound === null
      ? []
      : [{ missing: isNull(column), test: sql`${column} ${sql.raw(op)} ${bound}` }];
  });
  if (query.releasedWithin !== null) {
    const since = releasedSince(query.releasedWithin);
    numeric.push({
      missing: isNull(catalogRows.releaseDate),
      test: sql`${catalogRows.releaseDate} >= ${since}`,
    });
  }
  const fit = fitSql(query);
  if (fit)
    numeric.push({ missing: sql`not (${fit.known})`, test: and(fit.known, fit.test) as SQL });
  const matched = and(...base, ...numeric.map((n) => n.test)) as SQL;
  const unknown =
    numeric.length === 0
      ? sql`false`
      : (and(
          ...base,
          or(...numeric.map((n) => n.missing)),
          ...numeric.map((n) => or(n.missing, n.test)),
        ) as SQL);
  return { view, matched, unknown };
}

function orderSql(sort: SortState | null): SQL[] {
  // Keys are lowercased with zero-padded digits: byte order ("C") is natural order everywhere.
  const tail = [sql`${catalogRows.nameKey} collate "C"`, asc(catalogRows.modelId)];
  if (!sort || sort.column === "name")
    return sort?.desc
      ? [sql`${catalogRows.nameKey} collate "C" desc`, desc(catalogRows.modelId)]
      : tail;
  const column = catalogRows[SORT_COLUMNS[sort.column]];
  const key = NUMERIC_COLUMNS.has(sort.column) ? sql`${column}` : sql`${column} collate "C"`;
  // Unknown values sort last in both directions.
  return [sql`${key} ${sql.raw(sort.desc ? "desc" : "asc")} nulls last`, ...tail];
}

export type CatalogPage = {
  rows: CatalogRow[];
  /** Models in the catalog (this provenance view), before filtering. */
  total: number;
  /** Models matching the filters, over all pages. */
  matched: number;
  /** Left out because a filtered value is not stated in sources. */
  excludedUnknown: number;
  page: number;
  pageCount: number;
  perPage: number;
};

/**
 * The two statements behind a catalog page, unexecuted: the counts, and the page of rows. The
 * scale benchmark EXPLAINs exactly these.
 */
export function catalogStatements(db: Db, query: CatalogQuery, perPage: number) {
  const where = filterSql(query);
  return {
    // One pass over the view's rows (narrow: the row jsonb is toasted) counts all three.
    counts: db
      .select({
        total: sql<number>`count(*)`.mapWith(Number),
        matched: sql<number>`count(*) filter (where ${where.matched})`.mapWith(Number),
        unknown: sql<number>`count(*) filter (where ${where.unknown})`.mapWith(Number),
      })
      .from(catalogRows)
      .where(where.view),
    page: (page: number) =>
      db
        .select({ row: catalogRows.row })
        .from(catalogRows)
        .where(where.matched)
        .orderBy(...orderSql(query.sort))
        .limit(perPage)
        .offset((page - 1) * perPage),
  };
}

/** One page of the filtered, sorted catalog, filtered and sorted by the database. */
export async function queryCatalog(
  db: Db,
  query: CatalogQuery,
  perPage = PAGE_SIZE,
): Promise<CatalogPage> {
  const statements = catalogStatements(db, query, perPage);
  // Both at once: the page asked for is almost always the page shown.
  const requested = query.page ?? 1;
  const [[counts], optimistic] = await Promise.all([statements.counts, statements.page(requested)]);
  const matched = counts?.matched ?? 0;
  const pageCount = Math.max(1, Math.ceil(matched / perPage));
  // A page past the end shows the last one (the page says so) rather than an empty table.
  const page = Math.min(requested, pageCount);
  const rows = page === requested ? optimistic : await statements.page(page);
  return {
    rows: rows.map((r) => r.row),
    total: counts?.total ?? 0,
    matched,
    excludedUnknown: counts?.unknown ?? 0,
    page,
    pageCount,
    perPage,
  };
}

/** Every row matching the filters (no paging), for the charts. */
export async function queryAllCatalogRows(db: Db, query: CatalogQuery) {
  const rows = await db
    .select({ row: catalogRows.row })
    .from(catalogRows)
    .where(filterSql(query).matched)
    .orderBy(...orderSql(query.sort));
  return rows.map((r) => r.row);
}

/** Rows for these models, in the order asked (compare page). */
export async function getCatalogRowsBySlugs(db: Db, slugs: string[]) {
  if (slugs.length === 0) return [];
  const rows = await db
    .select({ slug: catalogRows.slug, row: catalogRows.row })
    .from(catalogRows)
    .where(and(eq(catalogRows.view, "all"), inArray(catalogRows.slug, slugs)));
  const bySlug = new Map(rows.map((r) => [r.slug, r.row]));
  return slugs.flatMap((s) => bySlug.get(s) ?? []);
}

/**
 * Above this many families the form asks for a family id instead of listing them: the list would
 * be rendered twice per page view (HTML and the client's props) and help nobody.
 */
const MAX_LISTED_FAMILIES = 100;

/**
 * Choices for the filter forms: every family, and the developers and licences in the catalog.
 * Not cached here: whole pages are (app/_proxy/page-cache.ts), per data version, and a time-based
 * cache under that one would let a page rendered just after an edit keep stale choices until the
 * next write.
 */
export async function loadFilterOptions(db: Db, provenance: CatalogQuery["provenance"] = null) {
  const view = provenance ?? "all";
  const [families, developers, licenses] = await Promise.all([
    db
      .select({ slug: models.slug, name: models.name })
      .from(models)
      .where(eq(models.kind, "family"))
      .orderBy(asc(models.name))
      .limit(MAX_LISTED_FAMILIES + 1),
    db
      .selectDistinct({ v: catalogRows.developer })
      .from(catalogRows)
      .where(eq(catalogRows.view, view)),
    db
      .selectDistinct({ v: catalogRows.licenseName })
      .from(catalogRows)
      .where(and(eq(catalogRows.view, view), isNotNull(catalogRows.licenseName))),
  ]);
  const sorted = (xs: { v: string | null }[]) =>
    xs.map((x) => x.v as string).sort((a, b) => a.localeCompare(b));
  return {
    families: families.length > MAX_LISTED_FAMILIES ? null : families,
    developers: sorted(developers),
    licenses: sorted(licenses),
  };
}

/**
 * Slug and name of every model (not family), by name, for the compare page's pickers — or null
 * when there are more than `limit`: a picker listing thousands of models helps nobody.
 */
export async function listModelChoices(db: Db, limit: number) {
  const rows = await db
    .select({ slug: catalogRows.slug, name: sql<string>`${catalogRows.row}->>'name'` })
    .from(catalogRows)
    .where(eq(catalogRows.view, "all"))
    .orderBy(sql`${catalogRows.nameKey} collate "C"`)
    .limit(limit + 1);
  return rows.length > limit ? null : rows;
}
