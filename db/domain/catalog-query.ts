/*
 * The catalog's URL state: filters, sort and visible columns. One parser serves the table page,
 * the open-data API and the charts, so a shared link means the same view everywhere. Parsing is
 * lenient: a malformed parameter is dropped and reported, never a 500.
 */
import { z } from "zod";
import { COLUMN_KEYS, type ColumnKey } from "./catalog";
import { WEIGHT_FORMAT_NAMES, type WeightFormat } from "./memory";
import { parseTokens } from "./memory-query";
import { LENGTHS, MODEL_SLUG } from "./rules";
import { parseQuantity } from "./values";

/** "Released in the last N months" choices. */
export const RELEASED_WITHIN = [3, 6, 12] as const;

/**
 * The earliest release date (ms since epoch, UTC midnight) "released in the last N months" keeps,
 * counted back from `now` by calendar months.
 */
export function releasedSince(months: number, now: Date = new Date()): number {
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1);
  const y = new Date(first).getUTCFullYear();
  const m = new Date(first).getUTCMonth();
  // The same day of that month, or its last day (three months before 31 May is 28 February).
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(now.getUTCDate(), last));
}

/** The fit filter's context and format when the URL gives only a budget. */
export const FIT_DEFAULTS = { context: 8192, format: "BF16" as WeightFormat };

export type SortState = { column: ColumnKey | "name"; desc: boolean };

/** Every URL parameter the catalog reads (the table, its API and the charts' filters). */
export const CATALOG_PARAMS = [
  "q",
  "family",
  "developer",
  "license",
  "arch",
  "provenance",
  "minParams",
  "maxParams",
  "minContext",
  "fitsGb",
  "fitsContext",
  "fitsFormat",
  "status",
  "releasedWithin",
  "sort",
  "hide",
  "cols",
  "show",
  "page",
] as const;
/** What the charts page reads besides the catalog's filters. */
export const CHART_PARAMS = ["gb", "format", "ctx", "bits", "bench"] as const;

export type CatalogQuery = {
  q: string | null;
  family: string | null;
  developer: string | null;
  license: string | null;
  arch: "moe" | "dense" | null;
  provenance: "publisher" | "third_party" | null;
  minParams: number | null;
  maxParams: number | null;
  minContext: number | null;
  /** Memory budget in decimal GB: the estimate (db/domain/memory.ts) at fitsContext must fit. */
  fitsGb: number | null;
  /** Tokens the cache holds for the fit filter; null is FIT_DEFAULTS.context. */
  fitsContext: number | null;
  /** Weight format for the fit filter; null is FIT_DEFAULTS.format. */
  fitsFormat: WeightFormat | null;
  /** Released open-weight models only, or announced ones only; null shows both. */
  status: "released" | "announced" | null;
  /** Released in the last N months (3, 6 or 12), by the cited release date. */
  releasedWithin: (typeof RELEASED_WITHIN)[number] | null;
  sort: SortState | null;
  hidden: ColumnKey[];
  /** 1-based page of the table (and of the JSON API); null is the first. */
  page: number | null;
};

export type ParsedQuery = { query: CatalogQuery; ignored: string[] };

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => {
  const raw = (Array.isArray(v) ? v[0] : v)?.trim();
  // Lone surrogates (invalid UTF-16) become U+FFFD, as they would in any URL we print.
  return raw ? raw.toWellFormed() : undefined;
};

// Control characters (NUL above all) are never part of a name or search, and Postgres refuses
// NUL in text outright: they are reported here rather than failing in the database.
export const hasControlCharacter = (s: string) =>
  [...s].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
const text = z
  .string()
  .max(LENGTHS.searchText)
  .refine((s) => !hasControlCharacter(s));
const TEXT_RULE = `use at most ${LENGTHS.searchText} characters, without control characters`;
const slug = z.string().regex(MODEL_SLUG).max(LENGTHS.slug);
const positive = (max: number) => z.number().positive().max(max);

function describe(name: string, raw: string, why: string) {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return `${name}=“${shown}” was ignored: ${why}`;
}

/** A bare number with an optional K/M/B/T suffix, nothing else ("70", "70B", "128K"). */
const PLAIN_QUANTITY = /^\d+(?:\.\d+)?\s*[kmbt]?$/i;

/** Billions of parameters: "70", "70B", "1.5T"; at least 100K parameters. */
function parseParams(raw: string): number | null {
  if (!PLAIN_QUANTITY.test(raw)) return null;
  const q = parseQuantity(/^[\d.]+$/.test(raw) ? `${raw}B` : raw, "count");
  // Six significant digits: what a link prints is exactly what it parses back to.
  return q && q.value >= 1e5 && q.value <= 1e15 ? Number(q.value.toPrecision(6)) : null;
}

export function parseCatalogQuery(params: RawParams): ParsedQuery {
  const ignored: string[] = [];
  const query: CatalogQuery = {
    q: null,
    family: null,
    developer: null,
    license: null,
    arch: null,
    provenance: null,
    minParams: null,
    maxParams: null,
    minContext: null,
    fitsGb: null,
    fitsContext: null,
    fitsFormat: null,
    status: null,
    releasedWithin: null,
    sort: null,
    hidden: [],
    page: null,
  };
  const take = <T>(name: string, parse: (raw: string) => T | null, why: string): T | null => {
    const raw = first(params[name]);
    if (raw === undefined) return null;
    const value = parse(raw);
    if (value === null) ignored.push(describe(name, raw, why));
    return value;
  };
  const ok =
    <T>(schema: z.ZodType<T>) =>
    (raw: string) => {
      const r = schema.safeParse(raw);
      return r.success ? r.data : null;
    };

  query.q = take("q", ok(text), TEXT_RULE);
  query.family = take("family", ok(slug), "not a family id");
  query.developer = take("developer", ok(text), TEXT_RULE);
  query.license = take("license", ok(text), TEXT_RULE);
  query.arch = take("arch", ok(z.enum(["moe", "dense"])), "use moe or dense");
  query.provenance = take(
    "provenance",
    ok(z.enum(["publisher", "third_party"])),
    "use publisher or third_party",
  );
  query.minParams = take("minParams", parseParams, "use a size such as 7, 70B or 1.5T");
  query.maxParams = take("maxParams", parseParams, "use a size such as 7, 70B or 1.5T");
  query.minContext = take(
    "minContext",
    (raw) => {
      const q = PLAIN_QUANTITY.test(raw) ? parseQuantity(raw, "context") : null;
      return q && Number.isInteger(q.value) && positive(1e10).safeParse(q.value).success
        ? q.value
        : null;
    },
    "use a token count such as 32768 or 128K",
  );
  query.fitsGb = take(
    "fitsGb",
    (raw) => {
      const n = Number(raw.replace(/\s*gb$/i, ""));
      return positive(1e6).safeParse(n).success ? n : null;
    },
    "use gigabytes such as 24 or 80",
  );
  query.fitsContext = take(
    "fitsContext",
    parseTokens,
    "use a token count such as 32768 or 128K (at most 100M)",
  );
  query.fitsFormat = take(
    "fitsFormat",
    (raw) => WEIGHT_FORMAT_NAMES.find((f) => f.toLowerCase() === raw.toLowerCase()) ?? null,
    `use one of ${WEIGHT_FORMAT_NAMES.join(", ")}`,
  );
  query.status = take("status", ok(z.enum(["released", "announced"])), "use released or announced");
  query.releasedWithin = take(
    "releasedWithin",
    (raw) => RELEASED_WITHIN.find((n) => String(n) === raw.replace(/m$/i, "")) ?? null,
    `use ${RELEASED_WITHIN.join(", ")} (months)`,
  );
  query.sort = take(
    "sort",
    (raw) => {
      const [column, dir = "asc"] = raw.split(".");
      const valid = column === "name" || (COLUMN_KEYS as readonly string[]).includes(column ?? "");
      if (!valid || !["asc", "desc"].includes(dir)) return null;
      return { column: column as SortState["column"], desc: dir === "desc" };
    },
    "use a column name with .asc or .desc",
  );
  query.page = take(
    "page",
    (raw) => (/^\d{1,7}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null),
    "use a page number such as 2",
  );
  // Page 1 is the first page, which links leave out: one state, one address.
  if (query.page === 1) query.page = null;
  // Hidden columns: "hide=a,b" in shared links, or the form's "show" boxes (with cols=1) when
  // submitted without JavaScript — a form cannot send the boxes that are not ticked.
  const list = (v: string | string[] | undefined) =>
    (Array.isArray(v) ? v : v ? [v] : []).flatMap((x) => x.split(","));
  const known = (key: string) => (COLUMN_KEYS as readonly string[]).includes(key);
  if (first(params.cols) === "1") {
    const shown = new Set(list(params.show).filter(known));
    query.hidden = COLUMN_KEYS.filter((k) => !shown.has(k));
  } else {
    for (const key of list(params.hide)) {
      if (known(key)) query.hidden.push(key as ColumnKey);
      else if (key) ignored.push(describe("hide", key, "no such column"));
    }
  }
  if (query.minParams !== null && query.maxParams !== null && query.minParams > query.maxParams) {
    ignored.push("minParams is larger than maxParams: both were ignored");
    query.minParams = null;
    query.maxParams = null;
  }
  return { query, ignored };
}

/** The query as URL parameters (only what is set), for links that keep the current view. */
export function catalogQueryToParams(query: CatalogQuery): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | null) => {
    if (v !== null && v !== "") p.set(k, String(v));
  };
  set("q", query.q);
  set("family", query.family);
  set("developer", query.developer);
  set("license", query.license);
  set("arch", query.arch);
  set("provenance", query.provenance);
  const billions = (n: number | null) =>
    n === null ? null : `${Number((n / 1e9).toPrecision(6))}B`;
  set("minParams", billions(query.minParams));
  set("maxParams", billions(query.maxParams));
  set("minContext", query.minContext);
  set("fitsGb", query.fitsGb);
  set("fitsContext", query.fitsContext);
  set("fitsFormat", query.fitsFormat);
  set("status", query.status);
  set("releasedWithin", query.releasedWithin);
  if (query.sort) set("sort", `${query.sort.column}.${query.sort.desc ? "desc" : "asc"}`);
  if (query.hidden.length) set("hide", query.hidden.join(","));
  if (query.page !== null && query.page > 1) set("page", query.page);
  return p;
}
