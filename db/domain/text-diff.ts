/*
 * The difference between two texts for readers: lines first (the `diff` package's Myers diff),
 * then words inside a changed line pair, so a changed number shows as one word struck and one
 * inserted rather than a whole paragraph replaced. Unchanged stretches are cut down to some
 * context either side of a change.
 */
import { diffLines, diffWordsWithSpace } from "diff";

export type Piece = { kind: "same" | "added" | "removed"; text: string };
export type DiffView = {
  /** Pieces in order; a "same" piece may be cut (see `cut`). */
  pieces: (Piece & { cut?: { before: string; after: string; skipped: number } })[];
  added: number;
  removed: number;
};

/** How long one comparison may take before it gives up (per `diff` call). */
export const DIFF_TIMEOUT_MS = 1500;

/** Characters of unchanged text kept either side of a change. */
export const DIFF_CONTEXT = 240;

/** Word-level pieces for one replaced block; a wholly different block stays two pieces. */
export function wordPieces(removed: string, added: string): Piece[] {
  const words = diffWordsWithSpace(removed, added, { timeout: DIFF_TIMEOUT_MS });
  if (!words)
    return [
      { kind: "removed", text: removed },
      { kind: "added", text: added },
    ];
  const same = words.filter((w) => !w.added && !w.removed).reduce((n, w) => n + w.value.length, 0);
  // Little in common: word-level noise helps nobody.
  if (same < 0.3 * Math.min(removed.length, added.length))
    return [
      { kind: "removed", text: removed },
      { kind: "added", text: added },
    ];
  return words.map((w) => ({
    kind: w.added ? "added" : w.removed ? "removed" : "same",
    text: w.value,
  }));
}

export function textDiff(before: string, after: string, context = DIFF_CONTEXT): DiffView | null {
  // Any two versions of a public source can be compared, so the work is bounded: two texts too
  // different to compare in time get no difference (the reader is told), not a stuck server.
  const lines = diffLines(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!lines) return null;
  const pieces: Piece[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i] as (typeof lines)[number];
    const next = lines[i + 1];
    if (c.removed && next?.added) {
      pieces.push(...wordPieces(c.value, next.value));
      i++;
    } else pieces.push({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value });
  }
  // Merge neighbours of one kind, then cut long unchanged runs.
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else if (p.text) merged.push({ ...p });
  }
  let added = 0;
  let removed = 0;
  const out: DiffView["pieces"] = merged.map((p, i) => {
    if (p.kind === "added") added += p.text.length;
    if (p.kind === "removed") removed += p.text.length;
    if (p.kind !== "same") return p;
    const keepBefore = i > 0 ? context : 0;
    const keepAfter = i < merged.length - 1 ? context : 0;
    if (p.text.length <= keepBefore + keepAfter + 80) return p;
    // Cut at line ends where one is near, so kept context reads as whole lines.
    let head = keepBefore;
    const headLine = p.text.lastIndexOf("\n", keepBefore);
    if (headLine > keepBefore / 2) head = headLine + 1;
    let tail = p.text.length - keepAfter;
    const tailLine = p.text.indexOf("\n", tail);
    if (tailLine >= 0 && tailLine < p.text.length - keepAfter / 2) tail = tailLine + 1;
    if (keepAfter === 0) tail = p.text.length;
    return {
      ...p,
      cut: {
        before: p.text.slice(0, head),
        after: p.text.slice(tail),
        skipped: tail - head,
      },
    };
  });
  return { pieces: out, added, removed };
}
