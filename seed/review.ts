/*
 * Our review of sources/claims.json (a verbatim copy of the candidate facts). Every decision that
 * departs from the candidate is written here with its reason, so the catalog's editorial choices
 * can be read in one place. Keys are indexes into claims.json.
 */
import type { Qualifier } from "@/db/schema";

/** Candidate model names → catalog slugs. A claim about several families becomes one per family. */
export const MODEL_ALIASES: Record<string, string[]> = {
  "gpt-oss-120b": ["gpt-oss-120b"],
  "gpt-oss-20b": ["gpt-oss-20b"],
  "gpt-oss (size not specified)": ["gpt-oss"],
  "OpenAI open-weight model (pre-release prediction, later gpt-oss)": ["gpt-oss"],
  "Gemma 3 1B": ["gemma-3-1b"],
  "Gemma 3 4B": ["gemma-3-4b"],
  "Gemma 3 12B": ["gemma-3-12b"],
  "Gemma 3 27B": ["gemma-3-27b"],
  "Gemma 2 2B": ["gemma-2-2b"],
  "Qwen2.5-72B": ["qwen2.5-72b"],
  "Qwen3-235B-A22B": ["qwen3-235b-a22b"],
  "Qwen3-30B-A3B": ["qwen3-30b-a3b"],
  "Qwen3-235B-A22B-Instruct-2507 (update of Qwen3-235B-A22B)": ["qwen3-235b-a22b-instruct-2507"],
  "Qwen3-30B-A3B-Instruct-2507 (update of Qwen3-30B-A3B)": ["qwen3-30b-a3b-instruct-2507"],
  "Llama 3.3 70B": ["llama-3.3-70b"],
  "Llama 3.2 1B": ["llama-3.2-1b"],
  "Llama 4 Scout": ["llama-4-scout"],
  "Llama 4 Maverick": ["llama-4-maverick"],
  "Llama (family)": ["llama"],
  "Mistral Small 3.1 (24B, 2503)": ["mistral-small-3.1"],
  "Apertus 8B": ["apertus-8b"],
  "Apertus 70B": ["apertus-70b"],
  "Apertus (size not specified in seed)": ["apertus"],
  "DeepSeek-V3": ["deepseek-v3"],
  // The seed says only "DeepSeek's … model claim": it does not say which model, so the family.
  "DeepSeek-V3 (seed says 'DeepSeek')": ["deepseek"],
  "DeepSeek-R1": ["deepseek-r1"],
  "OLMo 2 7B": ["olmo-2-7b"],
  "OLMo 2 13B": ["olmo-2-13b"],
  "OLMo 2 32B": ["olmo-2-32b"],
  "s1 (Stanford/UW reasoning model)": ["s1"],
  "Gemma / Llama (families)": ["gemma", "llama"],
  "Llama / Qwen (families)": ["llama", "qwen"],
};

export type ClaimReview = {
  /** Reassign to another catalog entry (the source speaks of it, not of the candidate's model). */
  model?: string;
  forecast?: true;
  /** Opinion or disputed report: kept and shown, never the preferred value. */
  opinion?: true;
  preferred?: true;
  /** Rewording of the candidate's value where it said more than its quote does. */
  value?: string;
  valueNum?: number | null;
  qualifier?: Qualifier;
  reason: string;
};

export const REVIEW: Record<number, ClaimReview> = {
  3: {
    preferred: true,
    reason: "The README's own statement of the release format is the most specific.",
  },
  10: {
    preferred: true,
    reason: "The README's own statement of the release format is the most specific.",
  },
  14: {
    valueNum: 80,
    qualifier: "at_most",
    reason: "“run on a single 80GB GPU”: fits within 80 GB.",
  },
  15: {
    valueNum: 80,
    qualifier: "at_most",
    reason: "“fit into a single 80GB GPU”: fits within 80 GB.",
  },
  33: { valueNum: 80, qualifier: "at_most", reason: "“on a single 80 GB GPU”: fits within 80 GB." },
  16: { valueNum: 16, qualifier: "at_most", reason: "“run within 16GB of memory”." },
  32: {
    valueNum: 16,
    qualifier: "at_most",
    reason: "“a desktop computer with just 16GB of memory”.",
  },
  35: { valueNum: 16, qualifier: "at_most", reason: "“edge devices with just 16 GB of memory”." },
  38: { forecast: true, reason: "Written before release as a prediction; a forecast, not a fact." },
  39: { forecast: true, reason: "Written before release as a prediction; a forecast, not a fact." },
  87: {
    value: "Gemma 2 architecture: sliding attention + logit soft-capping",
    reason: "The candidate added “decoder-only, text-to-text”, which this quote does not say.",
  },
  94: { model: "gemma-2", reason: "The table's column is “Gemma 2”: a family-level value." },
  104: { value: "dense decoder-only models", reason: "Worded as the quote has it." },
  128: { model: "qwen3", reason: "“Qwen3 uses … 36 trillion tokens”: said of the Qwen3 family." },
  137: {
    model: "qwen3-30b-a3b-instruct-2507",
    reason: "Stated in the Qwen3-30B-A3B-Instruct-2507 card, about that model.",
  },
  138: {
    model: "qwen3-30b-a3b-instruct-2507",
    reason: "Stated in the Qwen3-30B-A3B-Instruct-2507 card, about that model.",
  },
  141: { model: "qwen3", reason: "“For Qwen3, …”: said of the Qwen3 family." },
  154: {
    value: "auto-regressive language model, optimized transformer architecture",
    reason: "The candidate added “dense, text only”, which this quote does not say.",
  },
  176: {
    preferred: true,
    reason:
      "The license's version release date; the card date coincides with the quantized variants.",
  },
  219: {
    value: "native FP8 weights (only FP8 weights provided)",
    reason: "The candidate added a BF16 conversion script, which this quote does not mention.",
  },
  229: { opinion: true, reason: "A reported claim the author calls “highly misleading”." },
  268: {
    value: "adds state-of-the-art vision understanding",
    reason: "The candidate said “dense 24B … image + text input”, which this quote does not say.",
  },
  299: {
    value: "licence terms developers complained could be commercially restrictive",
    opinion: true,
    reason: "Developers' complaint about the licence, reported by the press.",
  },
  300: {
    value: "“weird licenses” (the author's opinion of Google's and Meta's licenses)",
    opinion: true,
    reason: "The author's opinion of the licenses, not a license text.",
  },
};
