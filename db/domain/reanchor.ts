/*
 * Re-anchoring a claim when its source gets a new version. Only two outcomes are automatic:
 * the exact quote at the same offsets (carried) or exactly once elsewhere (moved). A near match
 * found with the quote's surrounding context is only *proposed*, and only when the claim's value
 * still appears in it; anything else is *orphaned*. A proposed or orphaned claim stays published
 * against the version it was checked on until a maintainer decides: never silently moved, never
 * silently dropped (the two ways annotation tools go wrong).
 *
 * Near matches use approx-string-match (Myers' bit-parallel algorithm, as Hypothesis uses it),
 * scored like Hypothesis's anchoring: the quote's own similarity first, then its 32-character
 * prefix and suffix, then how close it sits to where it was.
 */
import search from "approx-string-match";
import type { OffsetMap } from "./quote";

export type Anchor = { quote: string; start: number; end: number; valueText: string };

export type Reanchored =
  | { outcome: "carried"; start: number; end: number }
  | { outcome: "moved"; start: number; end: number }
  | {
      outcome: "proposed";
      start: number;
      end: number;
      /** The text at the proposed place (differs from the old quote). */
      quote: string;
      /** 0..1: how alike the quote and the proposed passage are. */
      similarity: number;
    }
  | { outcome: "orphaned"; reason: string };

/** Characters of context either side, as Hypothesis's TextQuoteSelector keeps them. */
export const CONTEXT = 32;
/** A near match may differ from the quote in at most this share of its characters. */
export const MAX_ERROR_SHARE = 0.25;

/** Every start offset of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** 0..1 likeness of two short strings (1 - edit distance / length), for context scoring. */
function likeness(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  const best = search(b, a, a.length)[0];
  if (!best) return 0;
  return Math.max(0, 1 - best.errors / Math.max(a.length, 1));
}

/**
 * Whether the claim's value still appears in a passage: the value as the old quote writes it
 * (case aside), or, when the quote writes it differently, every number the value holds.
 */
export function valueAppears(anchor: Anchor, passage: string): boolean {
  const value = anchor.valueText.trim();
  if (value === "") return false;
  const lower = passage.toLowerCase();
  if (anchor.quote.toLowerCase().includes(value.toLowerCase()))
    return lower.includes(value.toLowerCase());
  const numbers = value.match(/\d+(?:[.,]\d+)*/g) ?? [];
  return numbers.length > 0 && numbers.every((n) => passage.includes(n));
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** [start, end) widened so neither end splits a surrogate pair. */
export function wholeCharacters(text: string, start: number, end: number) {
  let s = start;
  let e = end;
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s -= 1;
  if (e > 0 && e < text.length && isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e)))
    e += 1;
  return { start: s, end: e };
}

export function reanchor(oldText: string, newText: string, anchor: Anchor): Reanchored {
  const { quote, start, end } = anchor;
  // (a) Unchanged where it was.
  if (newText.slice(start, end) === quote) return { outcome: "carried", start, end };
  // (b) Exactly once elsewhere.
  const exact = occurrences(newText, quote);
  if (exact.length === 1) {
    const at = exact[0] as number;
    return { outcome: "moved", start: at, end: at + quote.length };
  }
  // (c) Near matches (or an ambiguous exact one), ranked by the quote and its context.
  const prefix = oldText.slice(Math.max(0, start - CONTEXT), start);
  const suffix = oldText.slice(end, end + CONTEXT);
  const maxErrors = Math.floor(quote.length * MAX_ERROR_SHARE);
  const found =
    exact.length > 1
      ? exact.map((at) => ({ start: at, end: at + quote.length, errors: 0 }))
      : quote.length >= 8
        ? search(newText, quote, maxErrors)
        : [];
  if (found.length === 0)
    return { outcome: "orphaned", reason: "the passage is no longer in the source" };
  const expected = start / Math.max(oldText.length, 1);
  const scored = found.map((m) => {
    const similarity = 1 - m.errors / Math.max(quote.length, 1);
    const before = newText.slice(Math.max(0, m.start - CONTEXT), m.start);
    const after = newText.slice(m.end, m.end + CONTEXT);
    const position = 1 - Math.abs(m.start / Math.max(newText.length, 1) - expected);
    // Position only breaks ties between otherwise different places; it never decides alone.
    const content = 50 * similarity + 20 * likeness(prefix, before) + 20 * likeness(suffix, after);
    return { ...m, similarity, content, score: content + 2 * position };
  });
  scored.sort((a, b) => b.score - a.score || a.start - b.start);
  const best = scored[0] as (typeof scored)[number];
  // Two places alike in quote and context: which one is meant is a reader's call, not ours.
  // (Matches overlapping the best are the same place found with other ends, not a rival.)
  const second = scored.find((m) => m.end <= best.start || m.start >= best.end);
  if (second && second.content === best.content)
    return { outcome: "orphaned", reason: "the passage now appears in several places alike" };
  // The search counts UTF-16 units: a match may begin or end inside a surrogate pair (an emoji).
  // A passage is whole characters, so widen it to the pair.
  const { start: at, end: to } = wholeCharacters(newText, best.start, best.end);
  const passage = newText.slice(at, to);
  if (!valueAppears(anchor, passage))
    return {
      outcome: "orphaned",
      reason: `the nearest passage no longer states “${anchor.valueText}”`,
    };
  return {
    outcome: "proposed",
    start: at,
    end: to,
    quote: passage,
    similarity: best.similarity,
  };
}

/**
 * Re-anchors a stored citation, whose offsets are code points, from one text to another; the
 * result's offsets are code points too (JS strings index UTF-16). Each text's OffsetMap is built
 * once by the caller, who converts many citations.
 */
export function reanchorCited(
  from: OffsetMap,
  to: OffsetMap,
  cited: { quote: string; start: number; valueText: string },
): Reanchored {
  const start = from.toUtf16(cited.start);
  const r = reanchor(from.text, to.text, {
    quote: cited.quote,
    start,
    end: start + cited.quote.length,
    valueText: cited.valueText,
  });
  return r.outcome === "orphaned"
    ? r
    : { ...r, start: to.toCodePoint(r.start), end: to.toCodePoint(r.end) };
}

/** A passage that must follow exactly (a settings passage, a revision being restored). */
export function followExactly(
  from: OffsetMap,
  to: OffsetMap,
  quote: string,
  start: number,
): { start: number; end: number } | null {
  const r = reanchorCited(from, to, { quote, start, valueText: quote });
  return r.outcome === "carried" || r.outcome === "moved" ? { start: r.start, end: r.end } : null;
}

export type TrackedClaim = Anchor & { id: string };
export type VersionText = { name: string; text: string };

export type ReplayStep = {
  version: string;
  /** Claims first found in this version (their quote appears in it exactly once). */
  born: number;
  carried: number;
  moved: number;
  proposed: number;
  orphaned: number;
  /** Claims checked against an older version, waiting for a maintainer (proposed or orphaned). */
  pending: number;
  /** Broken invariants (a claim pointing at text that is not its quote; a claim lost). */
  violations: string[];
};

/** A version's step before anything is counted. */
export const emptyStep = (version: string): ReplayStep => ({
  version,
  born: 0,
  carried: 0,
  moved: 0,
  proposed: 0,
  orphaned: 0,
  pending: 0,
  violations: [],
});

/** Where every followed claim ended: on the newest version, or waiting on an older one. */
export type ReplayFinal = { followed: number; current: number; proposed: number; orphaned: number };

/**
 * Feeds a document's versions, oldest first, through re-anchoring. Each claim is anchored in the
 * first version that states its quote exactly once, then re-anchored at every later version
 * from the version it was last checked on. Carried and moved claims follow the document; a
 * proposed or orphaned one stays on its version (nothing is accepted on a maintainer's behalf)
 * and is tried again at the next. Checks the invariants at every step.
 */
export function replayHistory(
  versions: VersionText[],
  claims: TrackedClaim[],
): { steps: ReplayStep[]; final: ReplayFinal } {
  const steps: ReplayStep[] = [];
  const anchored = new Map<
    string,
    { claim: TrackedClaim; version: number; pending: false | "proposed" | "orphaned" }
  >();
  versions.forEach((v, i) => {
    const step = emptyStep(v.name);
    for (const [id, a] of anchored) {
      const from = versions[a.version] as VersionText;
      const r = reanchor(from.text, v.text, a.claim);
      step[r.outcome]++;
      if (r.outcome === "carried" || r.outcome === "moved")
        anchored.set(id, {
          claim: { ...a.claim, start: r.start, end: r.end },
          version: i,
          pending: false,
        });
      else anchored.set(id, { ...a, pending: r.outcome });
    }
    for (const c of claims) {
      if (anchored.has(c.id)) continue;
      const at = occurrences(v.text, c.quote);
      if (at.length !== 1) continue;
      const start = at[0] as number;
      anchored.set(c.id, {
        claim: { ...c, start, end: start + c.quote.length },
        version: i,
        pending: false,
      });
      step.born++;
    }
    for (const [id, a] of anchored) {
      const text = (versions[a.version] as VersionText).text;
      if (text.slice(a.claim.start, a.claim.end) !== a.claim.quote)
        step.violations.push(`${id}: points at text that is not its quote`);
      if (a.pending) step.pending++;
    }
    const total = steps.reduce((n, s) => n + s.born, 0) + step.born;
    if (anchored.size !== total) step.violations.push(`claims lost: ${total - anchored.size}`);
    steps.push(step);
  });
  const states = [...anchored.values()];
  return {
    steps,
    final: {
      followed: states.length,
      current: states.filter((a) => a.version === versions.length - 1).length,
      proposed: states.filter((a) => a.pending === "proposed").length,
      orphaned: states.filter((a) => a.pending === "orphaned").length,
    },
  };
}
