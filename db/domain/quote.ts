/*
 * Locating a quote in a stored source. Storage is exact: the quote kept is the source's own
 * characters (curly quotes, U+2011 hyphens, odd spacing). Matching what a person pasted may be
 * lenient about quote marks, hyphen variants and whitespace, but never about words.
 *
 * Offsets returned are Unicode code points, end exclusive: the same units as Postgres
 * substring() on a UTF8 database, which is what the integrity trigger checks.
 */

import { LENGTHS } from "./rules";

export type QuoteLocation = { start: number; end: number; quote: string; exact: boolean };

export type LocateResult =
  | ({ ok: true } & QuoteLocation)
  | { ok: false; reason: "empty" | "not_found" | "crosses_omission" | "too_long" }
  | { ok: false; reason: "ambiguous"; count: number };

export const MAX_QUOTE_LENGTH = LENGTHS.quote;

/** Editorial markers in the corpus ("[... lines 1-20 of README.md ...]") are not source text. */
const OMISSION_LINE = /^\[\.\.\..*\.\.\.\]$/m;

const FOLD: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u0060": "'",
  "\u00B4": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
};

const isSpace = (ch: string) => /\s/u.test(ch) || ch === "\u00A0" || ch === "\u202F";

/**
 * Folds quote marks, hyphens and whitespace runs, keeping a map from each folded character
 * back to its UTF-16 index in the original, so a folded match maps to an exact original span.
 */
export function foldForMatching(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (isSpace(ch)) {
      if (!inSpace) {
        folded += " ";
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    folded += FOLD[ch] ?? ch;
    map.push(i);
  }
  return { folded, map };
}

export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** UTF-16 index → code point index. */
export function toCodePointOffset(text: string, utf16Index: number): number {
  return codePointLength(text.slice(0, utf16Index));
}

/**
 * Many UTF-16 indexes → code point indexes in one pass over the text (an import converts
 * thousands of spans; converting each from the start is quadratic in the document's length).
 */
export function codePointOffsets(
  text: string,
  utf16Indexes: Iterable<number>,
): Map<number, number> {
  const wanted = [...new Set(utf16Indexes)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let i = 0;
  let cp = 0;
  for (const target of wanted) {
    while (i < target && i < text.length) {
      const code = text.codePointAt(i) as number;
      i += code > 0xffff ? 2 : 1;
      cp++;
    }
    out.set(target, cp);
  }
  return out;
}

/**
 * Both conversions for one text, each O(1) after one pass: re-anchoring converts every claim of a
 * source, and converting each from the start of a long text is quadratic. A text without
 * surrogate pairs (most documents) needs no table at all: the two offsets are the same.
 */
export class OffsetMap {
  private readonly cpAt: Uint32Array | null = null;
  private readonly unitAt: Uint32Array | null = null;
  constructor(readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) return;
    const cpAt = new Uint32Array(text.length + 1);
    const units: number[] = [];
    let cp = 0;
    for (let i = 0; i < text.length; ) {
      units.push(i);
      const step = (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
      cpAt[i] = cp;
      if (step === 2) cpAt[i + 1] = cp + 1;
      i += step;
      cp++;
    }
    cpAt[text.length] = cp;
    units.push(text.length);
    this.cpAt = cpAt;
    this.unitAt = Uint32Array.from(units);
  }
  /** UTF-16 index → code point index. */
  toCodePoint(utf16Index: number): number {
    return this.cpAt ? (this.cpAt[utf16Index] as number) : utf16Index;
  }
  /** Code point index → UTF-16 index. */
  toUtf16(codePointIndex: number): number {
    return this.unitAt ? (this.unitAt[codePointIndex] ?? this.text.length) : codePointIndex;
  }
}

/** Code point index → UTF-16 index (for slicing JS strings with stored offsets). */
export function toUtf16Offset(text: string, codePointIndex: number): number {
  let cp = 0;
  let i = 0;
  while (cp < codePointIndex && i < text.length) {
    const code = text.codePointAt(i) as number;
    i += code > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

/** The quote at stored (code point) offsets, as JS would slice it. */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  return text.slice(toUtf16Offset(text, start), toUtf16Offset(text, end));
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return found;
    found.push(at);
    from = at + 1;
  }
}

function finish(text: string, start16: number, end16: number, exact: boolean): LocateResult {
  const quote = text.slice(start16, end16);
  if (OMISSION_LINE.test(quote)) return { ok: false, reason: "crosses_omission" };
  return {
    ok: true,
    start: toCodePointOffset(text, start16),
    end: toCodePointOffset(text, start16) + codePointLength(quote),
    quote,
    exact,
  };
}

/**
 * Finds `wanted` in `text`. An exact match wins; otherwise a folded (lenient) match. A passage
 * found more than once is ambiguous unless `near` (a code point offset, e.g. where the user
 * selected) picks the closest occurrence.
 */
export function locateQuote(text: string, wanted: string, near?: number): LocateResult {
  const trimmed = wanted.trim();
  if (trimmed.length === 0) return { ok: false, reason: "empty" };
  if (codePointLength(trimmed) > MAX_QUOTE_LENGTH) return { ok: false, reason: "too_long" };

  const pick = (starts: number[]): number | "ambiguous" | undefined => {
    if (starts.length <= 1) return starts[0];
    if (near === undefined) return "ambiguous";
    const target = toUtf16Offset(text, near);
    return starts.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best));
  };

  const exactStarts = allIndexes(text, trimmed);
  const exact = pick(exactStarts);
  if (exact === "ambiguous") return { ok: false, reason: "ambiguous", count: exactStarts.length };
  if (exact !== undefined) return finish(text, exact, exact + trimmed.length, true);

  const hay = foldForMatching(text);
  const needle = foldForMatching(trimmed).folded;
  const foldedStarts = allIndexes(hay.folded, needle);
  const folded = pick(foldedStarts.map((s) => hay.map[s] as number));
  if (folded === "ambiguous") return { ok: false, reason: "ambiguous", count: foldedStarts.length };
  if (folded === undefined) return { ok: false, reason: "not_found" };
  const foldedStart = foldedStarts.find((s) => hay.map[s] === folded) as number;
  const lastFolded = foldedStart + needle.length - 1;
  const end16 = (hay.map[lastFolded] as number) + 1;
  return finish(text, folded, end16, false);
}

export function describeLocateFailure(result: Extract<LocateResult, { ok: false }>): string {
  switch (result.reason) {
    case "empty":
      return "Paste or select the passage that supports this value.";
    case "too_long":
      return `A quote can be at most ${MAX_QUOTE_LENGTH} characters; select the sentence that says it.`;
    case "not_found":
      return "This passage is not in the source text. Copy it from the stored source, word for word.";
    case "crosses_omission":
      return "The passage spans an omission marker ([... ...]), which is not part of the source.";
    case "ambiguous":
      return `This passage occurs ${result.count} times in the source; select a longer passage so it is unique.`;
  }
}

/**
 * Context either side of a quote, as SQL cuts it (`chars` code points each way): cut at word
 * boundaries and marked with an ellipsis where text was left out, so it never starts or ends
 * mid-word. `start`/`end` are the quote's offsets and `length` the source's, in code points.
 */
export function trimContext(
  before: string,
  after: string,
  at: { start: number; end: number; length: number; chars: number },
): { before: string; after: string } {
  let b = before;
  let a = after;
  if (at.start > at.chars) b = `…${b.slice(b.indexOf(" ") + 1)}`;
  if (at.end + at.chars < at.length) a = `${a.slice(0, Math.max(a.lastIndexOf(" "), 0))}…`;
  return { before: b, after: a };
}
