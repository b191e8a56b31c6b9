/*
 * Splitting a source text into runs so every cited passage can be highlighted, even where
 * passages overlap. Ranges are in code points (as stored); runs are plain JS strings.
 */

export type CitedRange = { id: number; start: number; end: number };

export type Run = {
  text: string;
  /** Claims whose passage covers this run. */
  claimIds: number[];
  /** Claims whose passage starts at the beginning of this run (anchor points). */
  starts: number[];
  /** Claims whose passage ends at the end of this run. */
  ends: number[];
};

export function splitIntoRuns(text: string, ranges: CitedRange[]): Run[] {
  const chars = Array.from(text);
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= chars.length && r.start < r.end);
  const cuts = new Set<number>([0, chars.length]);
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    runs.push({
      text: chars.slice(from, to).join(""),
      claimIds: valid.filter((r) => r.start <= from && r.end >= to).map((r) => r.id),
      starts: valid.filter((r) => r.start === from).map((r) => r.id),
      ends: valid.filter((r) => r.end === to).map((r) => r.id),
    });
  }
  return runs;
}
