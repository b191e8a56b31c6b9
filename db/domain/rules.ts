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
  variant: 60,
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

/**
 * Characters that change how text displays without being seen: every format character (\p{Cf}:
 * bidi controls such as U+202E, zero-width ones such as U+200B, soft hyphen, the "tag" characters
 * of ASCII smuggling), line and paragraph separators, control characters other than tab and line
 * breaks, variation selectors and the Hangul fillers. Refused in names, titles, labels and values;
 * shown visibly inside quotes, which must stay verbatim.
 */
export const HIDDEN_CHARACTERS =
  /[\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]|\u034F|\p{Variation_Selector}|[^\P{Cc}\t\n\r]/u;
export const HIDDEN_CHARACTERS_GLOBAL = new RegExp(HIDDEN_CHARACTERS.source, "gu");
/** The direction-changing subset, which can make a passage read differently from its text. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export const HIDDEN_CHARACTER_RULE =
  "contains an invisible or direction-changing character (such as U+200B or U+202E); remove it";

/*
 * The one number grammar of every form: digits, one decimal point, thousands separators only in
 * groups of three, an optional exponent of at most two digits; no sign, no hex, no Infinity. The
 * result must lie in what value_num may hold (the claims_value_ranges CHECK: 0 ≤ n < 1e15), and a
 * non-zero value must be at least 1e-6 (no 300-digit fractions).
 */
const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d{1,2})?$/;
export const NUMBER_RULE =
  "a number such as 117, 1,024, 0.5 or 1.5e9 (commas only between groups of three digits)";
export const MAX_VALUE_NUM = 1e15;

export function parseDecimal(
  raw: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const s = raw.trim();
  if (!DECIMAL.test(s)) return { ok: false, message: NUMBER_RULE };
  const value = Number(s.replaceAll(",", ""));
  if (!Number.isFinite(value) || value >= MAX_VALUE_NUM)
    return { ok: false, message: `a number below ${MAX_VALUE_NUM.toExponential()}` };
  if (value !== 0 && value < 1e-6)
    return { ok: false, message: "a number of at least 0.000001, or 0" };
  return { ok: true, value };
}

const HIDDEN_NAMES: Record<number, string> = {
  173: "soft hyphen",
  1564: "Arabic letter mark",
  8203: "zero-width space",
  8204: "zero-width non-joiner",
  8205: "zero-width joiner",
  8206: "left-to-right mark",
  8207: "right-to-left mark",
  8234: "left-to-right embedding",
  8235: "right-to-left embedding",
  8236: "pop directional formatting",
  8237: "left-to-right override",
  8238: "right-to-left override",
  8294: "left-to-right isolate",
  8295: "right-to-left isolate",
  8296: "first strong isolate",
  8297: "pop directional isolate",
  65279: "zero-width no-break space",
};

export type TextPart = { text: string } | { hidden: string; code: string; name: string };

/** Text cut around its hidden characters, each named ("U+202E", "right-to-left override"). */
export function splitHidden(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(HIDDEN_CHARACTERS_GLOBAL)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    const cp = m[0].codePointAt(0) ?? 0;
    parts.push({
      hidden: m[0],
      code: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`,
      name: HIDDEN_NAMES[cp] ?? "invisible character",
    });
    last = at + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}
