/*
 * The one place that says what an id, a slug or a name may be. The zod schemas of the edit forms,
 * the URL parsers and the queries all read these; the database's CHECK constraints (db/schema.ts)
 * are written from the same constants, and tests/integration/rules.test.ts holds the two equal.
 */

/** Postgres int4: every id and revision column. Larger numbers would overflow, not just miss. */
export const INT4_MAX = 2_147_483_647;

/** Model slugs may contain dots ("qwen2.5-72b"); source slugs may not. */
export const MODEL_SLUG = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
export const SOURCE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const LENGTHS = {
  slug: 100,
  modelName: 200,
  developer: 200,
  sourceTitle: 300,
  label: 200,
  settings: 200,
  valueText: 500,
  quote: 4000,
  /** Characters of a source's text; the server-action body limit (next.config.ts) follows from it. */
  sourceText: 2_000_000,
  searchText: 200,
} as const;

/** A database id from a URL segment or form: a positive int4, or null (never NaN, never a 500). */
export function parseId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= INT4_MAX ? n : null;
}

/** A model or family slug (the looser of the two slug rules): checked before it reaches a query. */
export function isSlug(raw: string): boolean {
  return raw.length <= LENGTHS.slug && MODEL_SLUG.test(raw);
}
