/*
 * Turning the phrase a source uses ("117B", "128K", "16 GB", "58,462 MB", "~36 trillion") into a
 * number for sorting and charting. The phrase itself is always kept for display.
 */
import type { ClaimField, Qualifier } from "../schema";

export type QuantityKind = "count" | "context" | "memory";
export type Quantity = { value: number; qualifier: Qualifier };

const DECIMAL: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/*
 * Context windows in thousands are powers of two in practice: "128K" means 131,072 tokens (Qwen
 * states both) and "32K" 32,768. "M" is read as written, decimal: "10M" is 10,000,000 — no source
 * says 10,485,760, and a number the source does not state must not be made up. Parameter and
 * token counts are decimal.
 */
const BINARY: Record<string, number> = { k: 1024 };

/** Memory figures normalise to decimal gigabytes, as GPU vendors and these sources use them. */
const MEMORY_GB: Record<string, number> = {
  kb: 1e-6,
  mb: 1e-3,
  gb: 1,
  tb: 1e3,
  kib: 1024 / 1e9,
  mib: 1024 ** 2 / 1e9,
  gib: 1024 ** 3 / 1e9,
  tib: 1024 ** 4 / 1e9,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const PATTERN = new RegExp(
  String.raw`^(~|≈|about|approx\.?|approximately|roughly|around|nearly|up to|at most|within|more than|over|at least)?\s*` +
    NUMBER +
    String.raw`\s*([a-z]+)?\s*(\+)?`,
  "i",
);

function qualifierOf(prefix: string | undefined, plus: string | undefined): Qualifier {
  const p = prefix?.toLowerCase();
  if (plus) return "at_least";
  if (!p) return "exact";
  if (["more than", "over", "at least"].includes(p)) return "at_least";
  if (["up to", "at most", "within"].includes(p)) return "at_most";
  return "approx";
}

/** Parses the leading quantity of a phrase; null when it does not start with one. */
export function parseQuantity(phrase: string, kind: QuantityKind): Quantity | null {
  const m = PATTERN.exec(phrase.trim());
  if (!m) return null;
  const [, prefix, digits, rawSuffix, plus] = m;
  const base = Number((digits as string).replaceAll(",", ""));
  if (!Number.isFinite(base)) return null;
  const suffix = rawSuffix?.toLowerCase();
  let value: number;
  if (kind === "memory") {
    const factor = suffix ? MEMORY_GB[suffix] : undefined;
    if (factor === undefined) return null;
    value = base * factor;
  } else {
    const factor = suffix
      ? kind === "context"
        ? (BINARY[suffix] ?? DECIMAL[suffix])
        : DECIMAL[suffix]
      : 1;
    // A following word that is no multiplier ("65,536 tokens", "32,768 native") leaves the number
    // as written; an unknown one- or two-letter suffix is a unit we cannot read.
    if (factor === undefined && (suffix as string).length <= 2) return null;
    value = base * (factor ?? 1);
  }
  // Float noise from 2.6 * 1e9 etc. must not leak into stored values.
  value = Number(value.toPrecision(12));
  return { value, qualifier: qualifierOf(prefix, plus) };
}

export const FIELD_UNITS: Partial<Record<ClaimField, { unit: string; kind: QuantityKind }>> = {
  total_params: { unit: "params", kind: "count" },
  active_params: { unit: "params", kind: "count" },
  context_window: { unit: "tokens", kind: "context" },
  memory_footprint: { unit: "GB", kind: "memory" },
};

/** Parses an ISO date ("2024-12-06", years 1000–9999) at the start of a phrase; null otherwise. */
export function parseIsoDate(phrase: string): string | null {
  const m = /^([1-9]\d{3})-(\d{2})-(\d{2})\b/.exec(phrase.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m.slice(1, 4).join("-")) {
    return null;
  }
  return m.slice(1, 4).join("-");
}

/** Compact display of a normalised number: 117000000000 → "117B", 131072 → "131,072". */
export function formatQuantity(value: number, unit: string | null): string {
  if (unit === "params" || unit === "tokens-count") {
    for (const [div, s] of [
      [1e12, "T"],
      [1e9, "B"],
      [1e6, "M"],
      [1e3, "K"],
    ] as const) {
      if (value >= div) return `${Number((value / div).toPrecision(4))}${s}`;
    }
    return String(value);
  }
  if (unit === "GB") return `${Number(value.toPrecision(4))} GB`;
  return value.toLocaleString("en-US");
}
