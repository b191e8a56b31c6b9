/*
 * The benchmarks matrix: models (with their checkpoint variant) down, benchmarks across. Only
 * comparable values share a column: the same benchmark under the same settings (shots, metric,
 * mode), by the comparison rules' own key. A checkpoint is part of the row ("Gemma 3 4B · base"),
 * so base and instruct scores never sit in one cell.
 */
import { looseKey } from "./comparison";

export type BenchmarkClaim = {
  id: number;
  model: string;
  modelName: string;
  variant: string;
  label: string;
  settings: string;
  valueText: string;
  valueNum: number | null;
  unit: string | null;
  rank: "preferred" | "normal" | "deprecated";
  source: string;
};

export const BENCHMARK_FAMILIES = [
  "knowledge",
  "reasoning",
  "math",
  "coding",
  "long-context",
  "multilingual",
  "multimodal",
  "instruction",
  "other",
] as const;
export type BenchmarkFamily = (typeof BENCHMARK_FAMILIES)[number];

/*
 * What a benchmark measures, by its name. A reading aid for filtering, not a claim: the rules
 * are the benchmarks' own descriptions (MMLU tests knowledge, GSM8K grade-school math, …).
 */
const FAMILY_RULES: [RegExp, BenchmarkFamily][] = [
  [
    /mmmu|vqa|chart|docvqa|mathvista|mathvision|video|ocr|image|vision|zerobench|motionbench|lvbench|mmvu|omnidoc|charxiv/i,
    "multimodal",
  ],
  [/ruler|needle|longbench|long[\s-]?context|infinite|loogle|mrcr|lv-?eval/i, "long-context"],
  [
    /mgsm|global[\s-]?mmlu|xnli|xcopa|wmt|flores|multilingual|include|mmmlu|xstory|belebele/i,
    "multilingual",
  ],
  [
    /humaneval|mbpp|livecodebench|codeforces|swe|aider|bigcodebench|multipl|cruxeval|terminal|ojbench|scicode|paperbench|cybergym|code/i,
    "coding",
  ],
  [/gsm|math|aime|hmmt|imo|cmath|minerva|theoremqa/i, "math"],
  [
    /ifeval|if-eval|arena|alpaca|mt-?bench|alignbench|creative|writing|multi-?if|open-rewrite/i,
    "instruction",
  ],
  [
    /gpqa|bbh|big-bench|arc|hellaswag|winogrande|piqa|siqa|socialiqa|drop|agieval|zebra|musr|hle|reason|boolq|commonsense|squad|quac/i,
    "reasoning",
  ],
  [
    /mmlu|triviaqa|natural questions|nq\b|simpleqa|c-?eval|cmmlu|knowledge|supergpqa|pile/i,
    "knowledge",
  ],
];

export function benchmarkFamily(label: string): BenchmarkFamily {
  return FAMILY_RULES.find(([re]) => re.test(label))?.[1] ?? "other";
}

export type Column = {
  key: string;
  label: string;
  settings: string;
  family: BenchmarkFamily;
  count: number;
};

export type Row = {
  key: string;
  model: string;
  modelName: string;
  variant: string;
  cells: Record<string, BenchmarkClaim>;
};

export type Matrix = { columns: Column[]; rows: Row[]; hiddenColumns: number };

export type MatrixOptions = {
  family?: BenchmarkFamily | null;
  /** Columns with fewer models than this are left out (one model alone compares with nothing). */
  minModels?: number;
  sort?: string | null;
  dir?: "asc" | "desc";
  model?: string | null;
};

export const columnKey = (label: string, settings: string) =>
  `${looseKey(label)}~${looseKey(settings)}`;

/** A cell's claim when several say it: the preferred one, else the first by id. */
function better(a: BenchmarkClaim, b: BenchmarkClaim) {
  if ((a.rank === "preferred") !== (b.rank === "preferred")) return a.rank === "preferred" ? a : b;
  return a.id < b.id ? a : b;
}

export function buildMatrix(claims: BenchmarkClaim[], o: MatrixOptions = {}): Matrix {
  const columns = new Map<string, Column>();
  const rows = new Map<string, Row>();
  for (const c of claims) {
    if (c.rank === "deprecated" || c.valueNum === null) continue;
    const family = benchmarkFamily(c.label);
    if (o.family && family !== o.family) continue;
    if (o.model && c.model !== o.model) continue;
    const ck = columnKey(c.label, c.settings);
    const rk = `${c.model}~${c.variant.toLowerCase()}`;
    const row = rows.get(rk) ?? {
      key: rk,
      model: c.model,
      modelName: c.modelName,
      variant: c.variant,
      cells: {},
    };
    rows.set(rk, row);
    const had = row.cells[ck];
    row.cells[ck] = had ? better(had, c) : c;
    if (!columns.has(ck)) {
      columns.set(ck, { key: ck, label: c.label, settings: c.settings, family, count: 0 });
    }
  }
  for (const row of rows.values()) {
    for (const k of Object.keys(row.cells)) (columns.get(k) as Column).count++;
  }
  const min = o.minModels ?? 2;
  const all = [...columns.values()];
  const kept = all
    .filter((c) => c.count >= min)
    .sort(
      (a, b) =>
        b.count - a.count || a.label.localeCompare(b.label) || a.settings.localeCompare(b.settings),
    );
  const keptKeys = new Set(kept.map((c) => c.key));
  let list = [...rows.values()].filter((r) => Object.keys(r.cells).some((k) => keptKeys.has(k)));
  const byName = (a: Row, b: Row) =>
    a.modelName.localeCompare(b.modelName, "en", { numeric: true }) ||
    a.variant.localeCompare(b.variant);
  if (o.sort && keptKeys.has(o.sort)) {
    const key = o.sort;
    const sign = o.dir === "asc" ? 1 : -1;
    // Rows without a value for the sorted benchmark go last, whichever the direction.
    list = list.sort((a, b) => {
      const va = a.cells[key]?.valueNum;
      const vb = b.cells[key]?.valueNum;
      if (va == null && vb == null) return byName(a, b);
      if (va == null) return 1;
      if (vb == null) return -1;
      return sign * (va - vb) || byName(a, b);
    });
  } else list = list.sort(byName);
  return { columns: kept, rows: list, hiddenColumns: all.length - kept.length };
}

export const BENCHMARK_PARAMS = ["family", "min", "sort", "dir"] as const;

export type BenchmarkQuery = {
  family: BenchmarkFamily | null;
  min: number;
  sort: string | null;
  dir: "asc" | "desc";
};

/** The page's URL state, read leniently: anything unknown falls back to the default. */
export function parseBenchmarkQuery(
  p: Record<string, string | string[] | undefined>,
): BenchmarkQuery {
  const one = (k: string) => {
    const v = p[k];
    return typeof v === "string" ? v : undefined;
  };
  const family = BENCHMARK_FAMILIES.find((f) => f === one("family")) ?? null;
  const min = Number(one("min"));
  const sort = one("sort");
  return {
    family,
    min: Number.isInteger(min) && min >= 1 && min <= 50 ? min : 2,
    sort: sort && sort.length <= 400 ? sort : null,
    dir: one("dir") === "asc" ? "asc" : "desc",
  };
}
