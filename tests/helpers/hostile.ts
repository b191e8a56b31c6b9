import fc from "fast-check";
import { CHART_PARAMS, CATALOG_PARAMS as KNOWN_CATALOG_PARAMS } from "@/db/domain/catalog-query";

/*
 * Hostile inputs for property tests: SQL metacharacters, markup and script, huge values, lone
 * surrogates (invalid UTF-16), control characters, numbers that are not, and near-miss enums.
 */
const NASTY = [
  "' OR 1=1 --",
  "'; drop table claims; --",
  '"); delete from sources; --',
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\uD800",
  "\uDFFF\uD800",
  "NaN",
  "-Infinity",
  "1e309",
  "-1",
  "0",
  "9".repeat(400),
  "x".repeat(5000),
  "preferred ",
  "MOE",
  "publisher\n",
  "128K; select pg_sleep(10)",
  "ℌ𝔢𝔩𝔩𝔬 🤗",
  " ",
];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY), fc.string({ maxLength: 10 }))
      .map(([a, b]) => a + b),
  },
);

/** Raw bytes, percent-encoded: invalid UTF-8 sequences reach the server as-is. */
export const rawEncoded = fc
  .uint8Array({ maxLength: 12 })
  .map((bytes) =>
    [...bytes].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join(""),
  );

/** A value for a URL: either properly encoded hostile text, or raw bytes. */
export const urlValue = fc.oneof(
  hostileString.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
    }
  }),
  rawEncoded,
);

/** Every parameter a catalog, charts or compare URL reads. */
export const CATALOG_PARAMS = [...KNOWN_CATALOG_PARAMS, ...CHART_PARAMS, "models"];

export const hostileQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...CATALOG_PARAMS),
        fc.string({ maxLength: 8 }).map(encodeURIComponent),
      ),
      urlValue,
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
