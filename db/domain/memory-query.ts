/*
 * The memory page's and API's URL state: context, formats, batch, how sliding layers are cached,
 * and a hardware budget. One parser for both: the page drops a bad parameter and says so; the API
 * answers 400 naming it.
 */
import {
  DEFAULT_OPTIONS,
  KV_FORMAT_NAMES,
  type KvFormat,
  type MemoryOptions,
  WEIGHT_FORMAT_NAMES,
  type WeightFormat,
} from "./memory";
import { parseQuantity } from "./values";

export const MEMORY_PARAMS = [
  "context",
  "format",
  "batch",
  "kvFormat",
  "sliding",
  "budget",
] as const;

/** Tokens shown when the URL names none: a long chat, well inside every catalog model's window. */
export const DEFAULT_CONTEXT = 32768;
export const MAX_CONTEXT = 100_000_000;
export const MAX_BATCH = 1024;

/*
 * Hardware presets. GPU memory is the card's; Apple silicon shares memory with the system, and
 * macOS lets the GPU use only part of it: 75% is an assumption (the default limit people report
 * on machines with more than 36 GB), not a cited fact, and the page says so.
 */
export const APPLE_GPU_SHARE = 0.75;
export const HARDWARE = [
  { key: "24", label: "24 GB GPU (RTX 4090, L4-class)", gb: 24 },
  { key: "48", label: "48 GB GPU (L40S, RTX 6000 Ada)", gb: 48 },
  { key: "80", label: "80 GB GPU (A100/H100 80 GB)", gb: 80 },
  { key: "96", label: "96 GB GPU (H20, RTX PRO 6000)", gb: 96 },
  { key: "141", label: "141 GB GPU (H200)", gb: 141 },
  { key: "mac64", label: "Mac, 64 GB unified memory", gb: 64 * APPLE_GPU_SHARE, apple: 64 },
  { key: "mac128", label: "Mac, 128 GB unified memory", gb: 128 * APPLE_GPU_SHARE, apple: 128 },
  { key: "mac512", label: "Mac, 512 GB unified memory", gb: 512 * APPLE_GPU_SHARE, apple: 512 },
] as const;
export type HardwareKey = (typeof HARDWARE)[number]["key"];

export type MemoryQuery = MemoryOptions & { budget: HardwareKey };
export type ParamError = { param: (typeof MEMORY_PARAMS)[number]; message: string };

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim();

/** Token counts as written: "32768", "32K", "1M". */
export function parseTokens(raw: string): number | null {
  if (!/^\d+(?:\.\d+)?\s*[km]?$/i.test(raw)) return null;
  const q = parseQuantity(raw, "context");
  if (!q || !Number.isInteger(q.value) || q.value < 1 || q.value > MAX_CONTEXT) return null;
  return q.value;
}

export function parseMemoryQuery(params: Raw): { query: MemoryQuery; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const query: MemoryQuery = { ...DEFAULT_OPTIONS, context: DEFAULT_CONTEXT, budget: "24" };
  const take = <T>(
    param: ParamError["param"],
    parse: (raw: string) => T | null,
    rule: string,
  ): T | undefined => {
    const raw = first(params[param]);
    if (raw === undefined || raw === "") return undefined;
    const v = parse(raw);
    if (v === null) {
      const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
      errors.push({ param, message: `${param}=“${shown}”: ${rule}` });
      return undefined;
    }
    return v;
  };
  const oneOf =
    <T extends string>(names: readonly T[]) =>
    (raw: string) =>
      names.find((n) => n.toLowerCase() === raw.toLowerCase()) ?? null;
  query.context =
    take(
      "context",
      parseTokens,
      `use a token count from 1 to ${MAX_CONTEXT.toLocaleString("en")}, such as 32768 or 128K`,
    ) ?? query.context;
  query.format =
    take(
      "format",
      oneOf<WeightFormat>(WEIGHT_FORMAT_NAMES),
      `use one of ${WEIGHT_FORMAT_NAMES.join(", ")}`,
    ) ?? query.format;
  query.kvFormat =
    take(
      "kvFormat",
      oneOf<KvFormat>(KV_FORMAT_NAMES),
      `use one of ${KV_FORMAT_NAMES.join(", ")}`,
    ) ?? query.kvFormat;
  query.batch =
    take(
      "batch",
      (raw) =>
        /^\d{1,4}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= MAX_BATCH ? Number(raw) : null,
      `use a whole number of sequences from 1 to ${MAX_BATCH}`,
    ) ?? query.batch;
  query.slidingCache =
    take("sliding", oneOf(["window", "full"] as const), "use window or full") ?? query.slidingCache;
  query.budget =
    take(
      "budget",
      oneOf(HARDWARE.map((h) => h.key)),
      `use one of ${HARDWARE.map((h) => h.key).join(", ")}`,
    ) ?? query.budget;
  return { query, errors };
}

/** The query as URL parameters, defaults left out, for links that keep the rest of the state. */
export function memoryQueryToParams(q: MemoryQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.context !== DEFAULT_CONTEXT) p.set("context", String(q.context));
  if (q.format !== DEFAULT_OPTIONS.format) p.set("format", q.format);
  if (q.kvFormat !== DEFAULT_OPTIONS.kvFormat) p.set("kvFormat", q.kvFormat);
  if (q.batch !== DEFAULT_OPTIONS.batch) p.set("batch", String(q.batch));
  if (q.slidingCache !== DEFAULT_OPTIONS.slidingCache) p.set("sliding", q.slidingCache);
  if (q.budget !== "24") p.set("budget", q.budget);
  return p;
}

/**
 * A measured memory figure in bytes. Speed benchmarks report PyTorch's counters, which are in
 * binary units whatever the column says: the Qwen documents' "MB" figures sit below the weights
 * alone when read as 10^6 bytes (Qwen3-8B BF16: 15,947 "MB" against 16.4 GB of weights), and
 * above them by about the cache when read as 2^20. BENCHMARKS.md ("Memory") gives the check.
 */
export function measuredBytes(valueText: string): number | null {
  const m = /^([\d.,]+)\s*(MB|MiB|GB|GiB)\b/.exec(valueText.trim());
  if (!m) return null;
  const n = Number((m[1] as string).replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return n * (/^M/.test(m[2] as string) ? 2 ** 20 : 2 ** 30);
}

/** The input length a measurement's settings state ("input length 6144"), or null. */
export function measuredInputLength(settings: string): number | null {
  const m = /\binput length (\d{1,9})\b/i.exec(settings);
  return m ? Number(m[1]) : null;
}

/** GPUs a measurement used ("2 GPUs"); 1 when it does not say. */
export function measuredGpus(settings: string): number {
  const m = /\b(\d{1,3}) GPUs?\b/.exec(settings);
  return m ? Number(m[1]) : 1;
}

/**
 * The weight format of a measured checkpoint, from its variant: the model as released (BF16 in
 * every measured source here), or the quantization its name says; null when unreadable.
 */
export function formatOfVariant(variant: string): WeightFormat | null {
  if (["", "instruct", "base", "thinking"].includes(variant.toLowerCase())) return "BF16";
  if (/^fp8$/i.test(variant)) return "FP8";
  if (/int8/i.test(variant)) return "INT8";
  if (/int4|awq/i.test(variant)) return "INT4";
  if (/mxfp4/i.test(variant)) return "MXFP4";
  if (/nvfp4/i.test(variant)) return "NVFP4";
  return null;
}
