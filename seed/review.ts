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
  "s1 (Stanford/UW reasoning model)": ["stanford-uw-reasoning-model"],
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
  unit?: string | null;
  /** The checkpoint the value is about (see db/domain/comparison.ts). */
  variant?: string;
  /** Context windows: native, or extended by rope scaling (its method in settings). */
  condition?: "native" | "extended";
  /** The settings/setup as the source states them (replaces what the candidate's field said). */
  settings?: string;
  /** Where the source states the settings, when the quote itself does not: verbatim. */
  settingsQuote?: string;
  /** A release date the quote does not state is left out (null). */
  valueDate?: string | null;
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

/*
 * Issue 13: what each value is about. A value says no more than its quote: the checkpoint goes
 * in `variant`, native/extended context in `condition`, benchmark settings and measurement setup
 * in `settings` (with `settingsQuote` where another passage of the same document states them),
 * nominal sizes are approximate, units only on values with a number. Every entry was checked
 * against its stored source (a second reviewer went through all 306 candidates).
 */
type Comparable = Omit<ClaimReview, "reason" | "forecast" | "opinion" | "preferred"> & {
  reason: string;
  /** Further claims the same quote states (a native and an extended context in one sentence). */
  also?: (Omit<ClaimReview, "model" | "forecast" | "opinion" | "preferred" | "also"> & {
    value: string;
  })[];
};

const NOMINAL = "A nominal size (the model's name), not a stated count: approximate.";
const FROM_NAME_TABLE = "The table's row restates the name's size; no exact count is stated.";
const QWEN25_A100 =
  "The environment of the evaluation with huggingface transformers is:\n\n-  NVIDIA A100 80GB";
const QWEN3_SGLANG = "### Qwen3-235B-A22B\u00a0(SGLang)";
const LLAMA4_BF16 = "all reported evaluations and testing were conducted on bf16 models";
const EXECUTORCH =
  "The evaluation was done using the [ExecuTorch](https://github.com/pytorch/executorch) framework as the inference engine, with the ARM CPU as a backend using Android OnePlus 12 device.";

export const COMPARABLE: Record<number, Comparable> = {
  88: {
    value: "gemma",
    reason:
      "As the card's metadata writes it (“license: gemma”); the filter name comes from the value, not into it.",
  },
  67: {
    value: "gemma",
    reason:
      "As the card's metadata writes it (“license: gemma”); the filter name comes from the value, not into it.",
  },
  59: {
    value: "gemma",
    reason:
      "As the card's metadata writes it (“license: gemma”); the filter name comes from the value, not into it.",
  },
  51: {
    value: "gemma",
    reason:
      "As the card's metadata writes it (“license: gemma”); the filter name comes from the value, not into it.",
  },
  43: {
    value: "gemma",
    reason:
      "As the card's metadata writes it (“license: gemma”); the filter name comes from the value, not into it.",
  },
  2: {
    value: "post-trained with MXFP4 quantization of the MoE weights",
    reason: "“evals run at MXFP4” is the next sentence, not this quote.",
  },
  4: {
    value: "all other tensors in BF16",
    reason: "The quote says “all other tensors”, not “all non-MoE tensors”.",
  },
  9: {
    value: "post-trained with MXFP4 quantization of the MoE weights",
    reason: "“evals run at MXFP4” is the next sentence, not this quote.",
  },
  11: {
    value: "all other tensors in BF16",
    reason: "The quote says “all other tensors”, not “all non-MoE tensors”.",
  },
  14: {
    value: "runs on a single 80GB GPU",
    unit: "GB",
    reason: "The example GPUs (H100, MI300X) are context, not the value.",
  },
  15: { unit: "GB", reason: "A number with its unit." },
  16: { unit: "GB", reason: "A number with its unit." },
  24: {
    value: "announced this week",
    valueDate: null,
    settingsQuote: "Friday, August 8, 2025",
    reason:
      "The article's date is its dateline, not this quote: cited separately, and no release date is claimed.",
  },
  30: {
    value: "announced this week",
    valueDate: null,
    settingsQuote: "Friday, August 8, 2025",
    reason:
      "The article's date is its dateline, not this quote: cited separately, and no release date is claimed.",
  },
  32: {
    value: "16GB of memory",
    unit: "GB",
    settings: "a desktop computer",
    reason: "The hardware is a setting, stated in the quote.",
  },
  33: { unit: "GB", reason: "A number with its unit." },
  35: {
    value: "16 GB of memory",
    unit: "GB",
    settings: "edge devices",
    reason: "The hardware is a setting, stated in the quote.",
  },
  38: { value: "~30B", reason: "“(predicted)” is the forecast flag's job, not the value's." },
  39: { value: "MIT/apache", reason: "“(predicted)” is the forecast flag's job, not the value's." },
  40: { qualifier: "approx", reason: NOMINAL },
  48: { qualifier: "approx", reason: NOMINAL },
  56: { qualifier: "approx", reason: NOMINAL },
  64: { qualifier: "approx", reason: NOMINAL },
  78: {
    variant: "instruct",
    settings: "text-only inputs",
    settingsQuote:
      "This score is achieved with Gemma 3 working on text-only inputs, like the other LLMs in the table.",
    reason: "The quote names the IT checkpoint; the next sentence gives the setting.",
  },
  79: { variant: "", reason: "The quote (“27B: 67.5”) names no checkpoint." },
  80: { variant: "", reason: "The quote (“27B: 42.4”) names no checkpoint." },
  81: {
    variant: "instruct",
    settings: "reported in Mistral AI's model card",
    settingsQuote:
      "When available, we report numbers previously published by other model providers, otherwise we re-evaluate them using our own evaluation harness.",
    reason:
      "The card does not say Mistral measured it: it reports providers' numbers when available.",
  },
  100: {
    model: "qwen2.5",
    value: "128K (131,072) for most models",
    reason:
      "The generation length is another value; “most models” is said of the Qwen2.5 series, not of the 72B model (whose table row is its own claim).",
  },
  113: {
    value: "quantized models (including GPTQ-Int4, GPTQ-Int8 and AWQ) of the Qwen2.5 series",
    reason: "“official … variants” is not what the quote says.",
  },
  114: {
    value: "136.20 GB GPU memory",
    variant: "instruct",
    settings: "BF16, 2 GPUs, input length 1, Hugging Face Transformers, NVIDIA A100 80GB",
    settingsQuote: QWEN25_A100,
    reason:
      "The row is Qwen2.5-72B-Instruct; the hardware is stated in the document's environment section.",
  },
  115: {
    value: "39.91 GB GPU memory",
    variant: "GPTQ-Int4",
    settings: "1 GPU, Hugging Face Transformers, NVIDIA A100 80GB",
    settingsQuote: QWEN25_A100,
    reason:
      "The GPTQ-Int4 checkpoint of Qwen2.5-72B-Instruct; hardware from the environment section.",
  },
  116: {
    value: "39.44 GB GPU memory",
    variant: "AWQ",
    settings: "1 GPU, Hugging Face Transformers, NVIDIA A100 80GB",
    settingsQuote: QWEN25_A100,
    reason: "The AWQ checkpoint of Qwen2.5-72B-Instruct; hardware from the environment section.",
  },
  123: {
    value: "32,768",
    condition: "native",
    reason: "The card states the native and the YaRN length in one sentence: two claims.",
    also: [
      {
        value: "131,072 tokens with YaRN",
        condition: "extended",
        settings: "YaRN",
        reason: "The extended length of the same sentence.",
      },
    ],
  },
  124: {
    value: "up to 131,072",
    condition: "extended",
    settings: "YaRN",
    qualifier: "at_most",
    valueNum: 131072,
    reason: "The validated extended length; “up to” is a bound.",
  },
  126: { variant: "FP8", reason: "About the -FP8 checkpoint." },
  131: {
    value: "8 GPUs (TP=8)",
    settings: "BF16, input length 1, SGLang",
    settingsQuote: QWEN3_SGLANG,
    reason:
      "The hardware and batch in the candidate are not what this table states; SGLang is its heading.",
  },
  132: {
    value: "4 GPUs (TP=4)",
    variant: "FP8",
    settings: "SGLang",
    settingsQuote: QWEN3_SGLANG,
    reason: "“fits” was not stated; the FP8 checkpoint is a variant.",
  },
  133: {
    value: "262,144",
    condition: "native",
    reason: "The native and the extended length are two claims.",
    also: [
      {
        value: "extendable up to 1,010,000 tokens",
        valueNum: 1010000,
        qualifier: "at_most",
        condition: "extended",
        reason: "The extended length of the same sentence.",
      },
    ],
  },
  135: { qualifier: "approx", reason: "The blog restates the name's size (the card: 30.5B)." },
  136: { qualifier: "approx", reason: "The blog restates the name's size (the card: 3.3B)." },
  141: {
    value: "32,768",
    condition: "native",
    reason: "The pre-training length and the possible extension are two claims.",
    also: [
      {
        value: "may be extended to 131,072 tokens",
        condition: "extended",
        reason: "The extension of the same sentence, “if mentioned in the modelcards”.",
      },
    ],
  },
  144: {
    value: "quantized models (including FP8, GPTQ, AWQ) of the Qwen3 series",
    reason: "“official … variants exist” is not what the quote says.",
  },
  145: {
    value: "58,462 MB GPU memory",
    settings: "BF16, 1 GPU, input length 1, Hugging Face Transformers, NVIDIA H20 96GB",
    settingsQuote: "NVIDIA H20 96GB",
    reason: "The hardware is stated in the document's environment section.",
  },
  146: {
    value: "30,296 MB GPU memory",
    variant: "FP8",
    settings: "1 GPU, Hugging Face Transformers, NVIDIA H20 96GB",
    settingsQuote: "NVIDIA H20 96GB",
    reason: "The FP8 checkpoint; hardware from the environment section.",
  },
  149: {
    value: "262,144",
    condition: "native",
    reason: "“native” is the condition, not the value.",
  },
  151: { qualifier: "approx", reason: FROM_NAME_TABLE },
  158: {
    value: "December 6, 2024",
    variant: "instruct",
    reason: "As the card writes it; the date is for “70B Instruct”.",
  },
  159: { value: "December 6, 2024", reason: "As the card writes it." },
  160: {
    variant: "instruct",
    settings: "CoT, 0-shot, macro_avg/acc",
    reason: "The row states its metric.",
  },
  161: {
    variant: "instruct",
    settings: "CoT, 5-shot, macro_avg/acc",
    reason: "The row states its metric.",
  },
  162: { variant: "instruct", settings: "CoT, 0-shot, acc", reason: "The row states its metric." },
  165: { value: "4096 GH200s", reason: "As the quote writes it." },
  167: { value: "128k", reason: "“(BF16 model)” is not in the quote." },
  168: { value: "8k", variant: "quantized", reason: "About the quantized models." },
  175: { value: "Oct 24, 2024", reason: "As the card writes it." },
  176: { value: "September 25, 2024", reason: "As the license writes it." },
  177: {
    value:
      "linear layers in all transformer blocks: 4-bit groupwise weights (group size 32), 8-bit per-token dynamic activations",
    variant: "quantized",
    reason: "“official” and “(SpinQuant and QLoRA variants)” are not in the quote.",
  },
  178: {
    value: "SpinQuant applied together with GPTQ",
    variant: "SpinQuant",
    reason: "The checkpoint is a variant.",
  },
  179: {
    value: "3,185 MB RSS; 2,358 MB PTE file",
    settings: "BF16 baseline, ExecuTorch, ARM CPU, Android OnePlus 12",
    settingsQuote: EXECUTORCH,
    reason: "The device is stated in another passage, cited.",
  },
  180: {
    value: "1,921 MB RSS; 1,083 MB PTE file",
    variant: "SpinQuant",
    settings: "ExecuTorch, ARM CPU, Android OnePlus 12",
    settingsQuote: EXECUTORCH,
    reason: "The SpinQuant checkpoint; the device from another passage.",
  },
  181: {
    value: "2,255 MB RSS; 1,127 MB PTE file",
    variant: "QLoRA",
    settings: "ExecuTorch, ARM CPU, Android OnePlus 12",
    settingsQuote: EXECUTORCH,
    reason: "The QLoRA checkpoint; the device from another passage.",
  },
  182: {
    variant: "base",
    settings: "5-shot, macro_avg/acc_char",
    reason: "The row states its metric.",
  },
  183: {
    variant: "instruct",
    settings: "5-shot, macro_avg/acc, bf16",
    reason: "The row states its metric.",
  },
  188: {
    qualifier: "approx",
    reason: "“10M” is a rounded figure: neither 10,000,000 nor 10,485,760 is stated.",
  },
  190: { value: "April 5, 2025", reason: "As the card writes it." },
  194: {
    variant: "base",
    settings: "5-shot, macro_avg/acc_char, bf16",
    settingsQuote: LLAMA4_BF16,
    reason: "The row states its metric; the card says all evaluations ran on bf16 models.",
  },
  195: {
    variant: "instruct",
    settings: "0-shot, macro_avg/acc, bf16",
    settingsQuote: LLAMA4_BF16,
    reason: "The row states its metric; the card says all evaluations ran on bf16 models.",
  },
  196: {
    variant: "instruct",
    settings: "0-shot, accuracy, bf16",
    settingsQuote: LLAMA4_BF16,
    reason: "The row states its metric; the card says all evaluations ran on bf16 models.",
  },
  201: {
    qualifier: "approx",
    reason: "“1M” is a rounded figure: neither 1,000,000 nor 1,048,576 is stated.",
  },
  203: { value: "April 5, 2025", reason: "As the card writes it." },
  207: {
    variant: "base",
    settings: "5-shot, macro_avg/acc_char, bf16",
    settingsQuote: LLAMA4_BF16,
    reason: "The row states its metric; the card says all evaluations ran on bf16 models.",
  },
  208: {
    variant: "instruct",
    settings: "0-shot, macro_avg/acc, bf16",
    settingsQuote: LLAMA4_BF16,
    reason: "The row states its metric; the card says all evaluations ran on bf16 models.",
  },
  209: {
    variant: "instruct",
    settings: "0-shot, accuracy, bf16",
    settingsQuote: LLAMA4_BF16,
    reason: "The row states its metric; the card says all evaluations ran on bf16 models.",
  },
  210: {
    value: "fits within a single H100 GPU",
    variant: "on-the-fly int4",
    reason: "The quantization is a variant, not the value.",
  },
  211: {
    value: "fit on a single H100 DGX host",
    variant: "FP8",
    reason: "The FP8 weights are a variant.",
  },
  225: { variant: "base", settings: "5-shot, Acc.", reason: "The row states its metric." },
  229: {
    value: "$6 million model claim",
    reason: "The author's judgement is the opinion flag's job.",
  },
  233: { value: "trained based on DeepSeek-V3-Base", reason: "“MoE” is not in this quote." },
  235: {
    value: "commercial use, modifications and derivative works (including distillation) allowed",
    reason: "“MIT” is the previous sentence, not this quote.",
  },
  242: { qualifier: "approx", reason: NOMINAL },
  245: {
    value: "32 layers, hidden size 4096, 32 attention heads",
    reason: "“Transformer-style autoregressive” is another passage.",
  },
  249: { qualifier: "approx", reason: NOMINAL },
  252: {
    value: "40 layers, hidden size 5120, 40 attention heads",
    reason: "“Transformer-style autoregressive” is another passage.",
  },
  256: { qualifier: "approx", reason: NOMINAL },
  266: {
    variant: "base",
    settings: "Apertus pretraining evaluation",
    settingsQuote:
      "**Pretraining Evaluation:** Performance (%) of Apertus models on *general language understanding* tasks (higher is better) compared to other pretrained models.",
    unit: "%",
    reason: "Compared as a pretrained model; the card does not say who ran it.",
  },
  273: {
    value: "~55 GB of GPU RAM",
    variant: "instruct",
    settings: "bf16 or fp16",
    reason: "The precision is a setting; the quote names the Instruct checkpoint.",
  },
  274: {
    value: "fits within a single RTX 4090 or a 32GB RAM MacBook",
    variant: "quantized",
    reason: "“once quantized”: about a quantized checkpoint.",
  },
  280: { qualifier: "approx", reason: NOMINAL },
  281: {
    condition: "native",
    qualifier: "at_most",
    reason: "“by default … up to”: the native window, a bound.",
  },
  289: { qualifier: "approx", reason: NOMINAL },
  290: {
    condition: "native",
    qualifier: "at_most",
    reason: "“by default … up to”: the native window, a bound.",
  },
  298: { qualifier: "at_least", reason: "“more than” is a lower bound." },
  305: {
    value:
      "off-the-shelf open-source LLM turned into a reasoning model by asking Gemini about a thousand questions",
    reason: "“~1,000” and “fine-tuned” are not in the quote.",
  },
};
