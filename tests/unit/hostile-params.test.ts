import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COLUMN_KEYS } from "@/db/domain/catalog";
import {
  catalogQueryToParams,
  hasControlCharacter,
  parseCatalogQuery,
} from "@/db/domain/catalog-query";
import { parseCompareSlugs } from "@/db/domain/compare-query";
import { INT4_MAX, MODEL_SLUG, parseId } from "@/db/domain/rules";
import { CATALOG_PARAMS, hostileString } from "../helpers/hostile";

const RUNS = 2000;
const params = fc.dictionary(
  fc.oneof(fc.constantFrom(...CATALOG_PARAMS), fc.string({ maxLength: 6 })),
  fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })),
  { maxKeys: 8 },
);

describe("hostile URL parameters (fast-check)", () => {
  it(`parseCatalogQuery never throws and only yields valid state (${RUNS} cases)`, () => {
    let tried = 0;
    fc.assert(
      fc.property(params, (raw) => {
        tried++;
        const { query, ignored } = parseCatalogQuery(raw);
        expect(Array.isArray(ignored)).toBe(true);
        for (const n of [query.minParams, query.maxParams, query.minContext, query.fitsGb]) {
          if (n !== null) expect(Number.isFinite(n) && n > 0).toBe(true);
        }
        expect([null, "moe", "dense"]).toContain(query.arch);
        expect([null, "publisher", "third_party"]).toContain(query.provenance);
        for (const h of query.hidden) expect(COLUMN_KEYS).toContain(h);
        if (query.family !== null) expect(query.family).toMatch(MODEL_SLUG);
        if (query.q !== null) expect(query.q.length).toBeLessThanOrEqual(200);
        // Text reaching SQL holds no control characters (Postgres refuses NUL in text).
        for (const t of [query.q, query.developer, query.license])
          if (t !== null) expect(hasControlCharacter(t)).toBe(false);
        // What it yields survives a round trip through the URL unchanged.
        const again = parseCatalogQuery(Object.fromEntries(catalogQueryToParams(query)));
        expect(again.query).toEqual(query);
        expect(again.ignored).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    console.log(`parseCatalogQuery: ${tried} hostile cases tried`);
  });

  it(`compare slugs and ids never throw and never pass anything malformed (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.array(hostileString, { maxLength: 8 })), (raw) => {
        const { slugs } = parseCompareSlugs(raw);
        expect(slugs.length).toBeLessThanOrEqual(4);
        for (const s of slugs) expect(s).toMatch(MODEL_SLUG);
        const id = parseId(Array.isArray(raw) ? (raw[0] ?? "") : raw);
        if (id !== null) expect(Number.isSafeInteger(id) && id >= 1 && id <= INT4_MAX).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
