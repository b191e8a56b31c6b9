/*
 * Which catalog entry a name in a document means: "Gemma 3 PT 4B" is gemma-3-4b (variant base),
 * "Qwen2.5-7B-Instruct" with "GPTQ-Int4" in its row is qwen2.5-7b (variant GPTQ-Int4),
 * "Qwen3-235B-A22B Non-thinking" is qwen3-235b-a22b in non-thinking mode (a setting: the same
 * weights). Names no catalog entry carries are proposed as new entries only when they belong to
 * the document's own subject (a Qwen card's GPT-4o column is a comparison, not a model to add).
 */

export type KnownModel = { slug: string; name: string; aliases?: readonly string[] };

export type ModelMatch = {
  /** The catalog slug, or the proposed slug of a new entry. */
  slug: string;
  /** The name as the document writes it. */
  name: string;
  variant: string;
  /** Mode words ("non-thinking mode") that belong in the settings, not the variant. */
  settings: string;
  /** False when no catalog entry has this name: a proposed new model. */
  known: boolean;
};

/** Lowercase, markdown and organisation prefix removed, words joined by "-". */
export function nameKey(raw: string): string {
  return raw
    .slice(0, 300)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*`\\]/g, "")
    .replace(/^[\w.-]+\//, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_()]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Multi-word variant names first, so "spin-quant" is not read as two unknown words. */
const VARIANT_TOKENS: [string[], { variant?: string; settings?: string }][] = [
  [["vanilla", "ptq"], { variant: "Vanilla PTQ" }],
  [["spin", "quant"], { variant: "SpinQuant" }],
  [["gptq", "int4"], { variant: "GPTQ-Int4" }],
  [["gptq", "int8"], { variant: "GPTQ-Int8" }],
  [["non", "thinking"], { settings: "non-thinking mode" }],
  [["non-thinking"], { settings: "non-thinking mode" }],
  [["thinking"], { settings: "thinking mode" }],
  [["qlora"], { variant: "QLoRA" }],
  [["quantized"], { variant: "quantized" }],
  [["awq"], { variant: "AWQ" }],
  [["fp8"], { variant: "FP8" }],
  [["int4"], { variant: "INT4" }],
  [["int8"], { variant: "INT8" }],
  [["bf16"], { variant: "" }],
  [["instruct"], { variant: "instruct" }],
  [["inst."], { variant: "instruct" }],
  [["inst"], { variant: "instruct" }],
  [["it"], { variant: "instruct" }],
  [["chat"], { variant: "instruct" }],
  [["pt"], { variant: "base" }],
  [["base"], { variant: "base" }],
];

function stripVariant(key: string): { rest: string; variant: string; settings: string[] } {
  const tokens = key.split("-").map((t) => t.replace(/\*+$/, ""));
  const rest: string[] = [];
  let variant = "";
  const settings: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = VARIANT_TOKENS.find(([words]) => words.every((w, j) => tokens[i + j] === w));
    // The first word is the family ("Base" never starts a model name we know).
    if (hit && i > 0) {
      const [words, meaning] = hit;
      if (meaning.variant !== undefined) {
        // A quantized name outranks "instruct": the row is about the quantized checkpoint.
        if (!variant || variant === "instruct" || variant === "base") {
          variant = meaning.variant || variant;
        }
      }
      if (meaning.settings) settings.push(meaning.settings);
      i += words.length;
    } else {
      rest.push(tokens[i] as string);
      i += 1;
    }
  }
  return { rest: rest.join("-"), variant, settings };
}

export type ModelResolver = (raw: string) => ModelMatch | null;

/**
 * A resolver over the catalog's entries. `subject` is the document's own family word (its
 * title's first name, e.g. "qwen3"): only names that start with it may be proposed as new.
 */
export function modelResolver(known: readonly KnownModel[], subject?: string): ModelResolver {
  const byKey = new Map<string, string>();
  for (const m of known) {
    for (const k of [m.slug, m.name, ...(m.aliases ?? [])]) byKey.set(nameKey(k), m.slug);
  }
  const subjectKey = subject ? nameKey(subject).split("-")[0] : undefined;
  return (raw) => {
    // A model's name is short; a long cell is prose, not a name.
    if (raw.length > 300) return null;
    const name = raw
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[*`\\]/g, "")
      .trim();
    const key = nameKey(raw);
    if (!key || !/\d/.test(key)) return null;
    const whole = byKey.get(key);
    if (whole) return { slug: whole, name, variant: "", settings: "", known: true };
    const { rest, variant, settings } = stripVariant(key);
    const setting = settings.join(", ");
    const found = byKey.get(rest) ?? byKey.get(rest.replace(/-\d{4}(?=-)/g, ""));
    if (found) return { slug: found, name, variant, settings: setting, known: true };
    // "Llama 4 Scout (17Bx16E)": the name without what its parentheses add.
    if (/\(/.test(raw)) {
      const plain = raw.replace(/\s*\([^)]*\)/g, "");
      const again = plain !== raw ? byKey.get(nameKey(plain)) : undefined;
      if (again) return { slug: again, name, variant, settings: setting, known: true };
    }
    // A new entry: the document's own family, with a size in its name ("qwen3-14b").
    if (
      subjectKey &&
      rest.split("-")[0] === subjectKey &&
      /(^|-)\d+(\.\d+)?[bm](-|$)/.test(rest) &&
      /^[a-z0-9][a-z0-9.-]*$/.test(rest)
    ) {
      return { slug: rest, name, variant, settings: setting, known: false };
    }
    return null;
  };
}
