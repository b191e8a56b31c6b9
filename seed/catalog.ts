/*
 * The models and families the source corpus mentions. Descriptions only restate what cited claims
 * say; every number lives in a claim, never here.
 */
export type Org =
  | "openai"
  | "google"
  | "qwen"
  | "meta"
  | "mistral"
  | "swiss-ai"
  | "deepseek"
  | "ai2"
  | "stanford-uw"
  | "zhipu"
  | "minimax"
  | "moonshot"
  | "nvidia";

export type ModelSeed = {
  slug: string;
  name: string;
  kind: "family" | "model";
  /**
   * "announced": a document names it but says its weights are not released yet. Shown and
   * filterable as such, never as a released open-weight model.
   */
  status?: "released" | "announced";
  family?: string;
  developer: string;
  org: Org;
  description: string;
  /** Other names sources use for it ("OLMo-2-1124-7B"), for the importer's name matching. */
  aliases?: string[];
};

/** A sized member of a family, as the sources list them (description restates the name only). */
function sized(
  family: string,
  developer: string,
  org: Org,
  rows: [slug: string, name: string, aliases?: string[]][],
): ModelSeed[] {
  return rows.map(([slug, name, aliases]) => ({
    slug,
    name,
    kind: "model",
    family,
    developer,
    org,
    description: `${name}, a member of the ${family} family.`,
    ...(aliases ? { aliases } : {}),
  }));
}

const OPENAI = "OpenAI";
const GOOGLE = "Google";
const QWEN = "Qwen Team, Alibaba Cloud";
const META = "Meta";
const SWISS = "Swiss AI Initiative (ETH Zurich and EPFL)";
const DEEPSEEK = "DeepSeek-AI";
const AI2 = "Allen Institute for AI (Ai2)";
const ZHIPU = "Zhipu AI (Z.ai)";
const MINIMAX = "MiniMax";
const MOONSHOT = "Moonshot AI";
const NVIDIA = "NVIDIA";
const MISTRAL = "Mistral AI";

export const MODEL_SEEDS: ModelSeed[] = [
  {
    slug: "gpt-oss",
    name: "gpt-oss",
    kind: "family",
    developer: OPENAI,
    org: "openai",
    description: "OpenAI's open-weight reasoning models.",
  },
  {
    slug: "gpt-oss-120b",
    name: "gpt-oss-120b",
    kind: "model",
    family: "gpt-oss",
    developer: OPENAI,
    org: "openai",
    description: "The larger gpt-oss model.",
  },
  {
    slug: "gpt-oss-20b",
    name: "gpt-oss-20b",
    kind: "model",
    family: "gpt-oss",
    developer: OPENAI,
    org: "openai",
    description: "The smaller gpt-oss model.",
  },

  {
    slug: "gemma",
    name: "Gemma",
    kind: "family",
    developer: GOOGLE,
    org: "google",
    description: "Google's open-weight model family.",
  },
  {
    slug: "gemma-3",
    name: "Gemma 3",
    kind: "family",
    family: "gemma",
    developer: GOOGLE,
    org: "google",
    description: "Third Gemma generation, in 1B, 4B, 12B and 27B sizes.",
  },
  {
    slug: "gemma-3-1b",
    name: "Gemma 3 1B",
    kind: "model",
    family: "gemma-3",
    developer: GOOGLE,
    org: "google",
    description: "Smallest Gemma 3 model.",
  },
  {
    slug: "gemma-3-4b",
    name: "Gemma 3 4B",
    kind: "model",
    family: "gemma-3",
    developer: GOOGLE,
    org: "google",
    description: "Gemma 3 at 4B.",
  },
  {
    slug: "gemma-3-12b",
    name: "Gemma 3 12B",
    kind: "model",
    family: "gemma-3",
    developer: GOOGLE,
    org: "google",
    description: "Gemma 3 at 12B.",
  },
  {
    slug: "gemma-3-27b",
    name: "Gemma 3 27B",
    kind: "model",
    family: "gemma-3",
    developer: GOOGLE,
    org: "google",
    description: "Largest Gemma 3 model.",
  },
  {
    slug: "gemma-2",
    name: "Gemma 2",
    kind: "family",
    family: "gemma",
    developer: GOOGLE,
    org: "google",
    description: "Second Gemma generation.",
  },
  {
    slug: "gemma-2-2b",
    name: "Gemma 2 2B",
    kind: "model",
    family: "gemma-2",
    developer: GOOGLE,
    org: "google",
    description: "The small Gemma 2 model.",
  },

  {
    slug: "qwen",
    name: "Qwen",
    kind: "family",
    developer: QWEN,
    org: "qwen",
    description: "Alibaba Cloud's Qwen model family.",
  },
  {
    slug: "qwen2.5",
    name: "Qwen2.5",
    kind: "family",
    family: "qwen",
    developer: QWEN,
    org: "qwen",
    description: "The Qwen2.5 series of language models.",
  },
  {
    slug: "qwen2.5-72b",
    name: "Qwen2.5-72B",
    kind: "model",
    family: "qwen2.5",
    developer: QWEN,
    org: "qwen",
    description: "Largest Qwen2.5 language model.",
  },
  {
    slug: "qwen3",
    name: "Qwen3",
    kind: "family",
    family: "qwen",
    developer: QWEN,
    org: "qwen",
    description: "Qwen's third generation, dense and mixture-of-experts.",
  },
  {
    slug: "qwen3-235b-a22b",
    name: "Qwen3-235B-A22B",
    kind: "model",
    family: "qwen3",
    developer: QWEN,
    org: "qwen",
    description: "Qwen3 flagship mixture-of-experts model.",
  },
  {
    slug: "qwen3-30b-a3b",
    name: "Qwen3-30B-A3B",
    kind: "model",
    family: "qwen3",
    developer: QWEN,
    org: "qwen",
    description: "Small Qwen3 mixture-of-experts model.",
  },
  {
    slug: "qwen3-235b-a22b-instruct-2507",
    name: "Qwen3-235B-A22B-Instruct-2507",
    kind: "model",
    family: "qwen3",
    developer: QWEN,
    org: "qwen",
    description: "Update of Qwen3-235B-A22B (non-thinking instruct).",
  },
  {
    slug: "qwen3-30b-a3b-instruct-2507",
    name: "Qwen3-30B-A3B-Instruct-2507",
    kind: "model",
    family: "qwen3",
    developer: QWEN,
    org: "qwen",
    description: "Update of Qwen3-30B-A3B (non-thinking instruct).",
  },

  {
    slug: "llama",
    name: "Llama",
    kind: "family",
    developer: META,
    org: "meta",
    description: "Meta's open-weight model family.",
  },
  {
    slug: "llama-3.3-70b",
    name: "Llama 3.3 70B",
    kind: "model",
    family: "llama",
    developer: META,
    org: "meta",
    description: "Llama 3.3 text model.",
  },
  {
    slug: "llama-3.2-1b",
    name: "Llama 3.2 1B",
    kind: "model",
    family: "llama",
    developer: META,
    org: "meta",
    description: "Smallest Llama 3.2 text model.",
  },
  {
    slug: "llama-4-scout",
    name: "Llama 4 Scout",
    kind: "model",
    family: "llama",
    developer: META,
    org: "meta",
    description: "Llama 4 mixture-of-experts model with 16 experts.",
  },
  {
    slug: "llama-4-maverick",
    name: "Llama 4 Maverick",
    kind: "model",
    family: "llama",
    developer: META,
    org: "meta",
    description: "Llama 4 mixture-of-experts model with 128 experts.",
  },

  {
    slug: "mistral-small-3.1",
    // The card's own tables write "Small 3.1 24B Base" / "Small 3.1 24B Instruct".
    aliases: ["Small 3.1 24B", "Mistral-Small-3.1-24B"],
    name: "Mistral Small 3.1 (24B, 2503)",
    kind: "model",
    developer: "Mistral AI",
    org: "mistral",
    description: "Mistral-Small-3.1-24B, release 2503.",
  },

  {
    slug: "apertus",
    name: "Apertus",
    kind: "family",
    developer: SWISS,
    org: "swiss-ai",
    description: "Swiss AI Initiative's openly trained models.",
  },
  {
    slug: "apertus-8b",
    name: "Apertus 8B",
    kind: "model",
    family: "apertus",
    developer: SWISS,
    org: "swiss-ai",
    description: "Apertus at 8B.",
  },
  {
    slug: "apertus-70b",
    name: "Apertus 70B",
    kind: "model",
    family: "apertus",
    developer: SWISS,
    org: "swiss-ai",
    description: "Apertus at 70B.",
  },

  {
    slug: "deepseek",
    name: "DeepSeek",
    kind: "family",
    developer: DEEPSEEK,
    org: "deepseek",
    description: "DeepSeek-AI's open-weight models.",
  },
  {
    slug: "deepseek-v3",
    name: "DeepSeek-V3",
    kind: "model",
    family: "deepseek",
    developer: DEEPSEEK,
    org: "deepseek",
    description: "DeepSeek's mixture-of-experts base and chat model.",
  },
  {
    slug: "deepseek-r1",
    name: "DeepSeek-R1",
    kind: "model",
    family: "deepseek",
    developer: DEEPSEEK,
    org: "deepseek",
    description: "Reasoning model trained from DeepSeek-V3-Base.",
  },

  {
    slug: "olmo-2",
    name: "OLMo 2",
    kind: "family",
    developer: AI2,
    org: "ai2",
    description: "Ai2's fully open language models.",
  },
  {
    slug: "olmo-2-7b",
    name: "OLMo 2 7B",
    kind: "model",
    family: "olmo-2",
    developer: AI2,
    org: "ai2",
    description: "OLMo 2 at 7B.",
  },
  {
    slug: "olmo-2-13b",
    name: "OLMo 2 13B",
    kind: "model",
    family: "olmo-2",
    developer: AI2,
    org: "ai2",
    description: "OLMo 2 at 13B.",
  },
  {
    slug: "olmo-2-32b",
    name: "OLMo 2 32B",
    kind: "model",
    family: "olmo-2",
    developer: AI2,
    org: "ai2",
    description: "OLMo 2 at 32B.",
  },

  // No source calls it "s1" (the paper's name); the seed article describes it without a name.
  {
    slug: "stanford-uw-reasoning-model",
    name: "Reasoning model by Stanford and UW researchers (unnamed in its source)",
    kind: "model",
    developer: "Researchers at Stanford and the University of Washington",
    org: "stanford-uw",
    description: "Reasoning model built by fine-tuning an open LLM.",
  },

  // Every model with a spec row in the stored official sources (issue 14).
  ...sized("qwen3", QWEN, "qwen", [
    ["qwen3-0.6b", "Qwen3-0.6B"],
    ["qwen3-1.7b", "Qwen3-1.7B"],
    ["qwen3-4b", "Qwen3-4B"],
    ["qwen3-8b", "Qwen3-8B"],
    ["qwen3-14b", "Qwen3-14B"],
    ["qwen3-32b", "Qwen3-32B"],
  ]),
  ...sized("qwen2.5", QWEN, "qwen", [
    ["qwen2.5-0.5b", "Qwen2.5-0.5B"],
    ["qwen2.5-1.5b", "Qwen2.5-1.5B"],
    ["qwen2.5-3b", "Qwen2.5-3B"],
    ["qwen2.5-7b", "Qwen2.5-7B"],
    ["qwen2.5-14b", "Qwen2.5-14B"],
    ["qwen2.5-32b", "Qwen2.5-32B"],
  ]),
  ...sized("llama", META, "meta", [["llama-3.2-3b", "Llama 3.2 3B"]]),
  ...sized("olmo-2", AI2, "ai2", [["olmo-2-1b", "OLMo 2 1B", ["OLMo-2-0425-1B"]]]),
  ...sized("gemma-2", GOOGLE, "google", [
    ["gemma-2-9b", "Gemma 2 9B"],
    ["gemma-2-27b", "Gemma 2 27B"],
  ]),
  ...sized("deepseek", DEEPSEEK, "deepseek", [["deepseek-r1-zero", "DeepSeek-R1-Zero"]]),
  // Open-weight releases of 2026, from the publishers' own documents (seed/sources/current/).
  // Descriptions restate names only; every value is a claim.
  {
    slug: "gemma-4",
    name: "Gemma 4",
    kind: "family",
    family: "gemma",
    developer: GOOGLE,
    org: "google",
    description: "Fourth Gemma generation.",
  },
  // Gemma 4 E2B and E4B are named only in Google's JAX code and package README, whose values are
  // Python constants no parser here reads: not in the catalog until a document states them.
  ...sized("gemma-4", GOOGLE, "google", [
    ["gemma-4-31b", "Gemma 4 31B", ["Gemma4_31B", "Gemma-4-31B"]],
    ["gemma-4-26b-a4b", "Gemma 4 26B A4B", ["Gemma4_26B_A4B", "gemma-4-26B-A4B"]],
  ]),
  {
    slug: "qwen3.5",
    name: "Qwen3.5",
    kind: "family",
    family: "qwen",
    developer: QWEN,
    org: "qwen",
    description: "Qwen3.5 models.",
  },
  ...sized("qwen3.5", QWEN, "qwen", [
    ["qwen3.5-397b-a17b", "Qwen3.5-397B-A17B"],
    ["qwen3.5-122b-a10b", "Qwen3.5-122B-A10B"],
    ["qwen3.5-35b-a3b", "Qwen3.5-35B-A3B"],
    ["qwen3.5-27b", "Qwen3.5-27B"],
    ["qwen3.5-9b", "Qwen3.5-9B"],
    ["qwen3.5-4b", "Qwen3.5-4B"],
    ["qwen3.5-2b", "Qwen3.5-2B"],
    ["qwen3.5-0.8b", "Qwen3.5-0.8B"],
  ]),
  {
    slug: "qwen3.6",
    name: "Qwen3.6",
    kind: "family",
    family: "qwen",
    developer: QWEN,
    org: "qwen",
    description: "Qwen3.6 models.",
  },
  ...sized("qwen3.6", QWEN, "qwen", [
    ["qwen3.6-27b", "Qwen3.6-27B"],
    ["qwen3.6-35b-a3b", "Qwen3.6-35B-A3B"],
  ]),
  {
    slug: "qwen3.8",
    name: "Qwen3.8",
    kind: "family",
    family: "qwen",
    developer: QWEN,
    org: "qwen",
    description: "Qwen3.8 models.",
  },
  ...sized("qwen3.8", QWEN, "qwen", [
    ["qwen3.8-27b", "Qwen3.8-27B"],
    ["qwen3.8-2.4t-a95b", "Qwen3.8-2.4T-A95B"],
  ]),
  {
    slug: "glm",
    name: "GLM",
    kind: "family",
    developer: ZHIPU,
    org: "zhipu",
    description: "Zhipu AI's GLM models.",
  },
  {
    slug: "glm-5",
    name: "GLM-5 series",
    kind: "family",
    family: "glm",
    developer: ZHIPU,
    org: "zhipu",
    description: "GLM-5 generation.",
  },
  ...sized("glm-5", ZHIPU, "zhipu", [
    ["glm-5-base-model", "GLM-5", ["GLM5"]],
    ["glm-5.1", "GLM-5.1"],
    ["glm-5.2", "GLM-5.2"],
  ]),
  {
    slug: "minimax",
    name: "MiniMax",
    kind: "family",
    developer: MINIMAX,
    org: "minimax",
    description: "MiniMax's models.",
  },
  ...sized("minimax", MINIMAX, "minimax", [
    ["minimax-m2.5", "MiniMax-M2.5", ["MiniMax M2.5"]],
    ["minimax-m2.7", "MiniMax-M2.7", ["MiniMax M2.7"]],
  ]),
  {
    slug: "minimax-m3",
    name: "MiniMax-M3",
    kind: "model",
    status: "announced",
    family: "minimax",
    developer: MINIMAX,
    org: "minimax",
    description: "MiniMax-M3, announced: its README says the model is not yet released.",
    aliases: ["MiniMax M3"],
  },
  {
    slug: "kimi",
    name: "Kimi",
    kind: "family",
    developer: MOONSHOT,
    org: "moonshot",
    description: "Moonshot AI's Kimi models.",
  },
  ...sized("kimi", MOONSHOT, "moonshot", [
    ["kimi-k2.5", "Kimi K2.5", ["Kimi-K2.5"]],
    ["kimi-k2.6", "Kimi K2.6", ["Kimi-K2.6"]],
    ["kimi-k2.7-code", "Kimi K2.7 Code", ["Kimi-K2.7-Code"]],
    ["kimi-k3", "Kimi K3", ["Kimi-K3"]],
  ]),
  {
    slug: "nemotron",
    name: "Nemotron",
    kind: "family",
    developer: NVIDIA,
    org: "nvidia",
    description: "NVIDIA's Nemotron models.",
  },
  {
    slug: "nemotron-3",
    name: "Nemotron 3",
    kind: "family",
    family: "nemotron",
    developer: NVIDIA,
    org: "nvidia",
    description: "Nemotron 3 and 3.5.",
  },
  ...sized("nemotron-3", NVIDIA, "nvidia", [
    ["nemotron-3-nano", "Nemotron 3 Nano", ["Nemotron 3 Nano 30B A3B", "Nemotron-3-Nano-30B-A3B"]],
    [
      "nemotron-3-super",
      "Nemotron 3 Super",
      ["Nemotron-3-Super-120B-A12B", "Nemotron 3 Super 120B-A12B"],
    ],
    [
      "nemotron-3-ultra",
      "Nemotron 3 Ultra",
      ["Nemotron-3-Ultra-550B-A55B", "Nemotron 3 Ultra 550B-A55B"],
    ],
    ["nemotron-3-nano-omni", "Nemotron 3 Nano Omni", ["Nemotron-3-Nano-Omni"]],
    [
      "nemotron-3.5-lightning",
      "Nemotron 3.5 Lightning",
      ["Nemotron-3.5-Lightning-30B-A3B", "Nemotron 3.5 Lightning 30B-A3B"],
    ],
  ]),
  {
    slug: "mistral",
    name: "Mistral",
    kind: "family",
    developer: MISTRAL,
    org: "mistral",
    description: "Mistral AI's open-weight models.",
  },
  ...sized("mistral", MISTRAL, "mistral", [
    ["mistral-small-4", "Mistral Small 4", ["Mistral-Small-4-2603", "mistral-small-2603"]],
    ["mistral-medium-3.5", "Mistral Medium 3.5", ["Mistral-Medium-3.5-128B"]],
    ["leanstral-2603", "Leanstral", ["Leanstral-2603"]],
    ["leanstral-1.5", "Leanstral 1.5", ["Leanstral-1.5-119B-A6B"]],
  ]),
  {
    slug: "apertus-1.5",
    name: "Apertus 1.5",
    kind: "family",
    family: "apertus",
    developer: SWISS,
    org: "swiss-ai",
    description: "The updated Apertus 8B and 70B.",
  },
  ...sized("apertus-1.5", SWISS, "swiss-ai", [
    ["apertus-1.5-8b", "Apertus 1.5 8B"],
    ["apertus-1.5-70b", "Apertus 1.5 70B"],
  ]),
  {
    slug: "apertus-1.1",
    name: "Apertus 1.1",
    kind: "family",
    family: "apertus",
    developer: SWISS,
    org: "swiss-ai",
    description: "Small Apertus models.",
  },
  ...sized("apertus-1.1", SWISS, "swiss-ai", [
    ["apertus-1.1-0.5b", "Apertus 1.1 0.5B"],
    ["apertus-1.1-1.5b", "Apertus 1.1 1.5B"],
    ["apertus-1.1-4b", "Apertus 1.1 4B", ["Apertus 1.1 4.0B"]],
  ]),
  {
    slug: "olmo-hybrid",
    name: "OLMo Hybrid",
    kind: "family",
    developer: AI2,
    org: "ai2",
    description: "OLMo-Hybrid models.",
  },
  ...sized("olmo-hybrid", AI2, "ai2", [["olmo-hybrid-7b", "OLMo-Hybrid-7B", ["OLMo Hybrid 7B"]]]),
  ...sized("deepseek", DEEPSEEK, "deepseek", [
    ["deepseek-v4-flash", "DeepSeek-V4 Flash", ["DeepSeek-V4-Flash"]],
    ["deepseek-v4-pro", "DeepSeek-V4 Pro", ["DeepSeek-V4-Pro"]],
  ]),
];

/** Which organisation publishes a source, to tell publisher-reported from third-party claims. */
export function orgOfPublisher(publisher: string | null): Org | null {
  if (!publisher) return null;
  const p = publisher.toLowerCase();
  if (p.startsWith("hugging face")) return null;
  // A third party's derivative ("NVIDIA (NVFP4-quantized derivative of Google's Gemma 4 31B IT)")
  // is that third party's, whoever made the original.
  if (p.startsWith("nvidia")) return "nvidia";
  if (p.includes("openai")) return "openai";
  if (p.includes("google")) return "google";
  if (p.includes("qwen")) return "qwen";
  // "Meta", and "Meta (meta-llama)" as the configs name it.
  if (p === "meta" || p.startsWith("meta (")) return "meta";
  if (p.includes("mistral")) return "mistral";
  if (p.includes("swiss ai")) return "swiss-ai";
  if (p.includes("deepseek")) return "deepseek";
  if (p.includes("ai2")) return "ai2";
  if (p.includes("zhipu")) return "zhipu";
  if (p.includes("minimax")) return "minimax";
  if (p.includes("moonshot")) return "moonshot";
  return null;
}
