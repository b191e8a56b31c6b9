/*
 * The claim audit (`npm run audit:claims`, and a test in `npm test`): every claim's value beside
 * its quote, with what a machine can flag of "a value says no more than its quote". The seed must
 * audit clean; a flag is either a wrong claim or a rule that needs a reason written down.
 */
import type { ClaimField, Qualifier } from "../schema";

export type AuditClaim = {
  key: string;
  model: string;
  field: ClaimField;
  label: string;
  valueText: string;
  valueNum: number | null;
  valueDate: string | null;
  unit: string | null;
  qualifier: Qualifier;
  quote: string;
};

export type AuditFlag = { key: string; rule: string; detail: string };

/** Every number written in a text ("1,024" → "1024", "3.5", "27"). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d(?:\d|,(?=\d{3}))*(?:\.\d+)?/g)].map((m) => m[0].replaceAll(",", ""));
}

/** The numbers of a value that its quote does not contain. */
export function numbersNotInQuote(valueText: string, quote: string): string[] {
  const inQuote = new Set(numbersIn(quote));
  return numbersIn(valueText).filter((n) => !inQuote.has(n));
}

const APPROX_WORDS =
  /(?:\b(?:roughly|about|approximately|approx\.?|around|nearly|almost|up to|some|over|more than|at least|under|less than)\s+|~\s*|≈\s*)$/i;

/** A word before the value's number in the quote that makes it approximate or a bound. */
function approximationBefore(c: AuditClaim): string | null {
  const [first] = numbersIn(c.valueText);
  if (!first) return null;
  for (const m of c.quote.matchAll(/\d(?:\d|,(?=\d{3}))*(?:\.\d+)?/g)) {
    if (m[0].replaceAll(",", "") !== first) continue;
    const before = c.quote.slice(Math.max(0, (m.index ?? 0) - 16), m.index);
    const hit = APPROX_WORDS.exec(before);
    if (hit) return hit[0].trim();
  }
  return null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A normalised date whose year, month and day the quote states (in any common form). */
function dateInQuote(date: string, quote: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const q = quote.toLowerCase();
  const numbers = new Set(numbersIn(q).map(Number));
  const month = MONTHS[m - 1] as string;
  return numbers.has(y) && numbers.has(d) && (q.includes(month) || numbers.has(m));
}

export function auditClaim(c: AuditClaim): AuditFlag[] {
  const flags: AuditFlag[] = [];
  const flag = (rule: string, detail: string) => flags.push({ key: c.key, rule, detail });
  const missing = numbersNotInQuote(c.valueText, c.quote);
  if (missing.length > 0) flag("number not in quote", missing.join(", "));
  if (c.valueDate && !dateInQuote(c.valueDate, c.quote)) flag("date not in quote", c.valueDate);
  if (c.unit && numbersIn(c.valueText).length === 0) flag("unit without a number", c.unit);
  if (c.qualifier === "exact" && c.valueNum !== null) {
    const word = approximationBefore(c);
    if (word) flag("approximate in the quote, exact in the claim", `“${word}”`);
  }
  return flags;
}

/** Cells whose "N sources agree" counts more than the distinct sources behind the column. */
export function agreementFlags(
  cells: { key: string; count: number; distinctSources: number }[],
): AuditFlag[] {
  return cells
    .filter((c) => c.count > c.distinctSources)
    .map((c) => ({
      key: c.key,
      rule: "agreement above distinct sources",
      detail: `${c.count} > ${c.distinctSources}`,
    }));
}
