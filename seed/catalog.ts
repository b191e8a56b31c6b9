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
  | "stanford-uw";

export type ModelSeed = {
  slug: string;
  name: string;
  kind: "family" | "model";
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
];

/** Which organisation publishes a source, to tell publisher-reported from third-party claims. */
export function orgOfPublisher(publisher: string | null): Org | null {
  if (!publisher) return null;
  const p = publisher.toLowerCase();
  if (p.startsWith("hugging face")) return null;
  if (p.includes("openai")) return "openai";
  if (p.includes("google")) return "google";
  if (p.includes("qwen")) return "qwen";
  // "Meta", and "Meta (meta-llama)" as the configs name it.
  if (p === "meta" || p.startsWith("meta (")) return "meta";
  if (p.includes("mistral")) return "mistral";
  if (p.includes("swiss ai")) return "swiss-ai";
  if (p.includes("deepseek")) return "deepseek";
  if (p.includes("ai2")) return "ai2";
  return null;
}
