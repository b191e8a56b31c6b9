/*
 * What a table column means, read from its header: a model, a descriptor of the row (benchmark
 * name, shots, metric, input length, quantization), or a measure (a field of the catalog). One
 * dictionary for every table parser, so a Markdown, HTML and reStructuredText table with the same
 * header mean the same thing.
 */
import type { ClaimField } from "../../schema";

export type Descriptor =
  | "name"
  | "shots"
  | "metric"
  | "category"
  | "input"
  | "quantization"
  | "gpus"
  | "note"
  | "skip";

export type Measure = {
  field: ClaimField;
  label: string;
  settings: string;
  /** How to read the cell: a count, a context length, memory (unit from the header), … */
  read: "count" | "context" | "integer" | "memory" | "score" | "speed" | "tokens" | "text";
  /** For "a / b" cells: the second number's field ("Heads (Q / KV)"). */
  second?: ClaimField;
  unit?: string;
};

export type ColumnMeaning =
  | { kind: "model" }
  | { kind: "descriptor"; role: Descriptor }
  | { kind: "measure"; measure: Measure };

/** A header cell without markdown: "**#Total Params**" → "#total params". */
export function headerKey(text: string): string {
  return text
    .slice(0, 500)
    .replace(/\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])?/g, "$1")
    .replace(/[*`\\]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const DESCRIPTORS: [RegExp, Descriptor][] = [
  [/^(benchmarks?|datasets?|tasks?|benchmark \(metric\)|evaluation)$/, "name"],
  [/^(# ?shots?|n-shot|shots?)$/, "shots"],
  [/^metrics?$/, "metric"],
  [/^(category|capability|domain)$/, "category"],
  [/^input length$/, "input"],
  [/^quantization$/, "quantization"],
  [/^gpu ?num$/, "gpus"],
  [/^notes?$/, "note"],
  [/^(download|link|huggingface|hugging face|name|variant|quantized|training data)$/, "skip"],
  [/modalities|knowledge cutoff|tie embedding|shared embeddings|^gqa$/, "skip"],
];

const MEASURES: [RegExp, Measure][] = [
  [
    /^#?\s*total param(eter)?s$|^params$|^parameters$|^#? ?params$/,
    { field: "total_params", label: "", settings: "", read: "count" },
  ],
  [
    /^#?\s*(activated|active) param(eter)?s$/,
    { field: "active_params", label: "", settings: "", read: "count" },
  ],
  [
    /^number of layers\b|^num layers$|^n_layers$/,
    { field: "layers", label: "", settings: "", read: "integer" },
  ],
  [
    /^number of attention heads$/,
    { field: "attention_heads", label: "", settings: "", read: "integer" },
  ],
  [
    /^number of (kv|key-value|key\/value) heads$/,
    { field: "kv_heads", label: "", settings: "", read: "integer" },
  ],
  [
    /^number of experts$|^total experts( per layer)?$/,
    { field: "experts", label: "", settings: "", read: "integer" },
  ],
  [
    /^(selected|activated|active) experts( per token| \(top-k\))?$|^number of activated experts$/,
    { field: "active_experts", label: "", settings: "", read: "integer" },
  ],
  [/^vocab(ulary)? size$/, { field: "vocab_size", label: "", settings: "", read: "integer" }],
  [
    /^(attention )?hidden (size|dimension)$|^model dimension$|^d_model$/,
    { field: "hidden_size", label: "", settings: "", read: "integer" },
  ],
  [/^architecture$/, { field: "architecture", label: "", settings: "", read: "text" }],
  [
    /^non-emb(edding)? params/,
    {
      field: "other",
      label: "non embedding params",
      settings: "",
      read: "count",
      unit: "parameters",
    },
  ],
  [
    /^(context length|context window|max(imum)? context length)$/,
    { field: "context_window", label: "", settings: "", read: "context" },
  ],
  [
    /^generation length$/,
    { field: "other", label: "max output tokens", settings: "", read: "tokens", unit: "tokens" },
  ],
  [/^layers$/, { field: "layers", label: "", settings: "", read: "integer" }],
  [
    /^layers ?\/ ?hidden$/,
    { field: "layers", second: "hidden_size", label: "", settings: "", read: "integer" },
  ],
  [/^attention heads$/, { field: "attention_heads", label: "", settings: "", read: "integer" }],
  [
    /^heads \(q ?\/ ?kv\)$|^heads \(kv\)$/,
    { field: "attention_heads", second: "kv_heads", label: "", settings: "", read: "integer" },
  ],
  [
    /^# ?experts \(total ?\/ ?activated\)$/,
    { field: "experts", second: "active_experts", label: "", settings: "", read: "integer" },
  ],
  [
    /^(pre-?training tokens|training tokens|token count)$/,
    { field: "other", label: "training tokens", settings: "", read: "tokens", unit: "tokens" },
  ],
  [/^license$/, { field: "license", label: "", settings: "", read: "text" }],
  [
    /^speed ?\(tokens\/s\)$/,
    { field: "other", label: "inference speed", settings: "", read: "speed", unit: "tokens/s" },
  ],
  [
    /^gpu memory ?\((gb|mb)\)$/,
    { field: "memory_footprint", label: "", settings: "", read: "memory" },
  ],
];

/**
 * "MMLU Pro (5-shot CoT)" → "MMLU-Pro" / "5-shot CoT"; "MMLU (Pro COT)" → "MMLU-Pro" / "CoT".
 * Only spelling is normalised (one name per benchmark, so cells line up in one column); what the
 * source calls a benchmark is never mapped onto another.
 */
export function splitBenchmarkName(text: string): { label: string; settings: string } {
  const clean = headerText(text);
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(clean);
  let label = m ? (m[1] as string).trim() : clean;
  let settings = m ? (m[2] as string).trim() : "";
  const pro = /^pro\b\s*(.*)$/i.exec(settings);
  if (/^mmlu$/i.test(label) && pro) {
    label = "MMLU-Pro";
    settings = (pro[1] as string).trim();
  }
  label = canonicalBenchmark(label.replace(/^mmlu[\s-]?pro$/i, "MMLU-Pro"));
  settings = settings.replace(/\bCOT\b/g, "CoT");
  return { label, settings };
}

/** A shots column's cell as a setting: "5" → "5-shot", "3-5" → "3-5-shot", "-" → none. */
export function shotsSetting(cell: string): string {
  if (/^[-–—]$/.test(cell.trim())) return "";
  return /^\d+(-\d+)?$/.test(cell) ? `${cell}-shot` : cell;
}

/*
 * One spelling per benchmark, so the same benchmark lines up in one column of /benchmarks. Only
 * spellings and the common abbreviation of the same test: never one benchmark onto another.
 */
const SPELLINGS: [RegExp, string][] = [
  [/^gpqa[\s-]?diamond$/i, "GPQA Diamond"],
  [/^if[\s-]?eval$/i, "IFEval"],
  [/^(bbh|big[\s-]?bench[\s-]?hard)$/i, "BIG-Bench Hard"],
  [/^(arc[\s-]?c|arc[\s-]?challenge|arc\/c)$/i, "ARC-Challenge"],
  [/^(arc[\s-]?e|arc[\s-]?easy)$/i, "ARC-Easy"],
  [/^mmlu[\s-]?redux$/i, "MMLU-Redux"],
  [/^arena[\s-]?hard$/i, "Arena-Hard"],
  [/^hella[\s-]?swag$|^hswag$/i, "HellaSwag"],
  [/^wino[\s-]?grande$|^winog$/i, "WinoGrande"],
  [/^gsm[\s-]?8k$/i, "GSM8K"],
  [/^human[\s-]?eval$/i, "HumanEval"],
  [/^live[\s-]?code[\s-]?bench$/i, "LiveCodeBench"],
  [/^trivia[\s-]?qa$/i, "TriviaQA"],
];

export function canonicalBenchmark(label: string): string {
  const hit = SPELLINGS.find(([re]) => re.test(label.trim()));
  return hit ? hit[1] : label;
}

/** The checkpoint a table's heading names: "Base Pretrained Models", "Instruction Tuned Models". */
export function variantOfHeading(caption: string): string {
  // "IT"/"PT" only in capitals ("how it compares" is no checkpoint); "base" only as a model's.
  if (/instruct|instruction[- ]tuned|\bchat\b/i.test(caption) || /\bIT\b/.test(caption))
    return "instruct";
  if (/pre-?train(ed|ing)|\bbase models?\b/i.test(caption) || /\bPT\b|^Base\b/.test(caption))
    return "base";
  return "";
}

/** A cell or header as a reader sees it: links, emphasis and escapes removed. */
export function headerText(text: string): string {
  return text
    .slice(0, 2000)
    .replace(/\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])?/g, "$1")
    .replace(/[*`]/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function columnMeaning(header: string): ColumnMeaning | null {
  const key = headerKey(header);
  if (/^(models?|model name|size)$/.test(key)) return { kind: "model" };
  for (const [re, role] of DESCRIPTORS) if (re.test(key)) return { kind: "descriptor", role };
  for (const [re, measure] of MEASURES) {
    if (re.test(key)) {
      const unit = /\((gb|mb)\)/.exec(key)?.[1]?.toUpperCase();
      return { kind: "measure", measure: unit ? { ...measure, unit } : measure };
    }
  }
  return null;
}
