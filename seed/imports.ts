/*
 * The documents the seed reads through the importer (db/domain/extract), with what each is about.
 * Each has a reviewed decisions file in seed/decisions/ (accept / reject / correct, with reasons);
 * `npm run import -- <file> --meta …` writes the same kind of file for a new document.
 */
import type { DocumentFormat } from "@/db/domain/extract/extract";
import { MODEL_SEEDS } from "./catalog";
import { MODEL_ALIASES } from "./review";

export type ImportDoc = {
  /** Under seed/sources/. */
  file: string;
  /** The document's own model, for facts that name none (front matter, "Number of Layers: 94"). */
  model?: { slug: string; variant?: string };
  /** The family word a new model's name must start with to be proposed. */
  subject?: string;
  format?: DocumentFormat;
};

export const IMPORT_DOCS: ImportDoc[] = [
  {
    file: "official/github-deepseek-r1-readme.txt",
    model: { slug: "deepseek-r1" },
    subject: "deepseek",
  },
  {
    file: "official/github-deepseek-v3-readme.txt",
    model: { slug: "deepseek-v3" },
    subject: "deepseek",
  },
  { file: "official/github-google-deepmind-gemma-checkpoints.txt", subject: "gemma" },
  { file: "official/github-meta-llama-llama3_2-model-card.txt", subject: "llama" },
  {
    file: "official/github-meta-llama-llama3_3-model-card.txt",
    model: { slug: "llama-3.3-70b" },
    subject: "llama",
  },
  { file: "official/github-meta-llama-llama4-model-card.txt", subject: "llama" },
  { file: "official/github-openai-gpt-oss-readme.txt", subject: "gpt-oss" },
  { file: "official/github-qwenlm-qwen3-readme.txt", subject: "qwen3" },
  {
    file: "official/hf-allenai-olmo-2-0325-32b-readme.txt",
    model: { slug: "olmo-2-32b" },
    subject: "olmo",
  },
  {
    file: "official/hf-allenai-olmo-2-0425-1b-model-card.txt",
    model: { slug: "olmo-2-1b" },
    subject: "olmo",
  },
  {
    file: "official/hf-allenai-olmo-2-1124-13b-model-card.txt",
    model: { slug: "olmo-2-13b" },
    subject: "olmo",
  },
  { file: "official/hf-blog-gemma-july-update.txt", subject: "gemma" },
  { file: "official/hf-blog-gemma3.txt", model: { slug: "gemma-3" }, subject: "gemma" },
  {
    file: "official/hf-google-gemma-2-2b-model-card.txt",
    model: { slug: "gemma-2-2b" },
    subject: "gemma",
  },
  {
    file: "official/hf-google-gemma-3-4b-it-model-card.txt",
    model: { slug: "gemma-3-4b", variant: "instruct" },
    subject: "gemma",
  },
  {
    file: "official/hf-mistral-small-3.1-24b-instruct-2503-model-card.txt",
    model: { slug: "mistral-small-3.1", variant: "instruct" },
    subject: "mistral",
  },
  {
    file: "official/hf-qwen-qwen3-235b-a22b-fp8-model-card.txt",
    model: { slug: "qwen3-235b-a22b", variant: "FP8" },
    subject: "qwen3",
  },
  {
    file: "official/hf-qwen-qwen3-235b-a22b-instruct-2507-model-card.txt",
    model: { slug: "qwen3-235b-a22b-instruct-2507" },
    subject: "qwen3",
  },
  {
    file: "official/hf-qwen-qwen3-30b-a3b-instruct-2507-model-card.txt",
    model: { slug: "qwen3-30b-a3b-instruct-2507" },
    subject: "qwen3",
  },
  {
    file: "official/hf-swiss-ai-apertus-8b-2509-model-card.txt",
    model: { slug: "apertus-8b" },
    subject: "apertus",
  },
  { file: "official/qwen-blog-qwen2.5-llm.txt", subject: "qwen2.5" },
  { file: "official/qwen-blog-qwen2.5.txt", subject: "qwen2.5" },
  { file: "official/qwen-blog-qwen3.txt", subject: "qwen3" },
  { file: "official/qwen-docs-qwen2.5-speed-benchmark-full.txt", subject: "qwen2.5" },
  { file: "official/qwen-docs-qwen3-speed-benchmark-full.txt", subject: "qwen3" },
  // Architecture configs (mirrors of the publishers' config.json, or the publisher's own YAML).
  { file: "configs/deepseek-r1.txt", model: { slug: "deepseek-r1" }, format: "json" },
  { file: "configs/deepseek-v3.txt", model: { slug: "deepseek-v3" }, format: "json" },
  {
    file: "configs/gemma-3-27b-it.txt",
    model: { slug: "gemma-3-27b", variant: "instruct" },
    format: "json",
  },
  {
    file: "configs/gemma-3-4b-it.txt",
    model: { slug: "gemma-3-4b", variant: "instruct" },
    format: "json",
  },
  { file: "configs/gpt-oss-120b.txt", model: { slug: "gpt-oss-120b" }, format: "json" },
  { file: "configs/gpt-oss-20b.txt", model: { slug: "gpt-oss-20b" }, format: "json" },
  {
    file: "configs/llama-3.2-1b.txt",
    model: { slug: "llama-3.2-1b", variant: "base" },
    format: "json",
  },
  {
    file: "configs/qwen2.5-72b.txt",
    model: { slug: "qwen2.5-72b", variant: "base" },
    format: "json",
  },
  { file: "configs/qwen3-0.6b.txt", model: { slug: "qwen3-0.6b" }, format: "json" },
  { file: "configs/qwen3-1.7b.txt", model: { slug: "qwen3-1.7b" }, format: "json" },
  { file: "configs/qwen3-8b.txt", model: { slug: "qwen3-8b" }, format: "json" },
  { file: "configs/qwen3-32b.txt", model: { slug: "qwen3-32b" }, format: "json" },
  { file: "configs/qwen3-30b-a3b.txt", model: { slug: "qwen3-30b-a3b" }, format: "json" },
  {
    file: "configs/qwen3-30b-a3b-fp8.txt",
    model: { slug: "qwen3-30b-a3b", variant: "FP8" },
    format: "json",
  },
  { file: "configs/qwen3-235b-a22b.txt", model: { slug: "qwen3-235b-a22b" }, format: "json" },
  {
    file: "configs/qwen3-235b-a22b-fp8.txt",
    model: { slug: "qwen3-235b-a22b", variant: "FP8" },
    format: "json",
  },
  {
    file: "configs/olmo-2-1124-7b.txt",
    model: { slug: "olmo-2-7b", variant: "base" },
    format: "yaml",
  },
  {
    file: "configs/olmo-2-1124-13b.txt",
    model: { slug: "olmo-2-13b", variant: "base" },
    format: "yaml",
  },
  // 2026 releases (seed/sources/current/): each publisher's own documents and configs. Not read
  // here: licence files of code repositories (GLM-5's, Kimi K2.5's "the Software"), pages with no
  // facts of a model (Gemma's package README, changelog, checkpoint list and JAX code; Kimi's
  // deployment guide).
  {
    file: "current/docs/qwen-Qwen3.5-README.md.txt",
    model: { slug: "qwen3.5" },
    subject: "qwen3.5",
  },
  {
    file: "current/docs/qwen-Qwen3.8-README.md-at-f144309-qwen3.6-version.txt",
    model: { slug: "qwen3.6" },
    subject: "qwen3.6",
  },
  {
    file: "current/docs/qwen-Qwen3.8-README.md.txt",
    model: { slug: "qwen3.8" },
    subject: "qwen3.8",
  },
  { file: "current/docs/zhipu-GLM-5-README.md.txt", model: { slug: "glm-5" }, subject: "glm" },
  {
    file: "current/docs/minimax-MiniMax-M2.5-README.md.txt",
    model: { slug: "minimax-m2.5" },
    subject: "minimax",
  },
  {
    file: "current/docs/minimax-MiniMax-M2.5-LICENSE-MODEL.txt",
    model: { slug: "minimax-m2.5" },
    subject: "minimax",
  },
  {
    file: "current/docs/minimax-MiniMax-M2.7-README.md.txt",
    model: { slug: "minimax-m2.7" },
    subject: "minimax",
  },
  {
    file: "current/docs/minimax-MiniMax-M2.7-LICENSE.txt",
    model: { slug: "minimax-m2.7" },
    subject: "minimax",
  },
  {
    file: "current/docs/minimax-MiniMax-M3-README.md.txt",
    model: { slug: "minimax-m3" },
    subject: "minimax",
  },
  {
    file: "current/docs/moonshot-Kimi-K2.5-README.md.txt",
    model: { slug: "kimi-k2.5" },
    subject: "kimi",
  },
  {
    file: "current/docs/nvidia-Nemotron-README.md.txt",
    model: { slug: "nemotron-3" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-docs_nemotron_super3_README.md.txt",
    model: { slug: "nemotron-3-super" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-docs_nemotron_ultra3_README.md.txt",
    model: { slug: "nemotron-3-ultra" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-docs_nemotron_lightning35_README.md.txt",
    model: { slug: "nemotron-3.5-lightning" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-docs_nemotron_omni3_README.md.txt",
    model: { slug: "nemotron-3-nano-omni" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-usage-cookbook_Nemotron-3-Ultra-Base_README.md.txt",
    model: { slug: "nemotron-3-ultra", variant: "base" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-usage-cookbook_Nemotron-3-Ultra_README.md.txt",
    model: { slug: "nemotron-3-ultra" },
    subject: "nemotron",
  },
  {
    file: "current/docs/nvidia-Nemotron-usage-cookbook_Nemotron-3.5-Lightning_README.md.txt",
    model: { slug: "nemotron-3.5-lightning" },
    subject: "nemotron",
  },
  {
    file: "current/docs/mistral-platform-docs-public-changelog_en_2026-03-16.mdx.txt",
    subject: "mistral",
  },
  {
    file: "current/docs/mistral-platform-docs-public-changelog_en_2026-04-28.mdx.txt",
    subject: "mistral",
  },
  {
    file: "current/docs/mistral-platform-docs-public-changelog_en_2026-06-30.mdx.txt",
    subject: "leanstral",
  },
  {
    file: "current/docs/mistral-platform-docs-public-src_schema_models_models_mistral-small-4-0-26-03.ts.txt",
    model: { slug: "mistral-small-4" },
    subject: "mistral",
  },
  {
    file: "current/docs/mistral-platform-docs-public-src_schema_models_models_mistral-medium-3-5-26-04.ts.txt",
    model: { slug: "mistral-medium-3.5" },
    subject: "mistral",
  },
  {
    file: "current/docs/mistral-platform-docs-public-src_schema_models_models_leanstral-26-03.ts.txt",
    model: { slug: "leanstral-2603" },
    subject: "leanstral",
  },
  {
    file: "current/docs/mistral-platform-docs-public-src_schema_models_models_leanstral-1-5.ts.txt",
    model: { slug: "leanstral-1.5" },
    subject: "leanstral",
  },
  {
    file: "current/docs/swiss-ai-www-apertus-content_articles_2026-06-apertus-mini_index.md.txt",
    model: { slug: "apertus-1.1" },
    subject: "apertus",
  },
  {
    file: "current/docs/swiss-ai-www-apertus-content_articles_2026-07-apertus-1-5_index.md.txt",
    model: { slug: "apertus-1.5" },
    subject: "apertus",
  },
  {
    file: "current/docs/swiss-ai-www-apertus-content_docs_tech_licensing.md.txt",
    model: { slug: "apertus" },
    subject: "apertus",
  },
  {
    file: "current/docs/ai2-OLMo-core-src_scripts_official_OLMo-hybrid_README.md.txt",
    model: { slug: "olmo-hybrid-7b" },
    subject: "olmo",
  },
  {
    file: "current/configs/gemma-4-26B-A4B.txt",
    model: { slug: "gemma-4-26b-a4b", variant: "base" },
    format: "json",
  },
  {
    file: "current/configs/gemma-4-31B-it-nvfp4-nvidia.txt",
    model: { slug: "gemma-4-31b", variant: "NVIDIA NVFP4" },
    format: "json",
  },
  { file: "current/configs/glm-5.txt", model: { slug: "glm-5-base-model" }, format: "json" },
  {
    file: "current/configs/glm-5-fp8.txt",
    model: { slug: "glm-5-base-model", variant: "FP8" },
    format: "json",
  },
  { file: "current/configs/glm-5.1.txt", model: { slug: "glm-5.1" }, format: "json" },
  {
    file: "current/configs/glm-5.1-fp8.txt",
    model: { slug: "glm-5.1", variant: "FP8" },
    format: "json",
  },
  { file: "current/configs/kimi-k2.5.txt", model: { slug: "kimi-k2.5" }, format: "json" },
  { file: "current/configs/minimax-m2.5.txt", model: { slug: "minimax-m2.5" }, format: "json" },
  { file: "current/configs/minimax-m2.7.txt", model: { slug: "minimax-m2.7" }, format: "json" },
  { file: "current/configs/minimax-m3.txt", model: { slug: "minimax-m3" }, format: "json" },
  {
    file: "current/configs/nvidia-nemotron-3-super-120b-a12b-fp8.txt",
    model: { slug: "nemotron-3-super", variant: "FP8" },
    format: "json",
  },
  {
    file: "current/configs/nvidia-nemotron-3-ultra-550b-a55b-bf16.txt",
    model: { slug: "nemotron-3-ultra" },
    format: "json",
  },
  {
    file: "current/configs/nvidia-nemotron-3.5-lightning-30b-a3b-nvfp4.txt",
    model: { slug: "nemotron-3.5-lightning", variant: "NVFP4" },
    format: "json",
  },
  {
    file: "current/configs/qwen3.5-122b-a10b.txt",
    model: { slug: "qwen3.5-122b-a10b" },
    format: "json",
  },
  { file: "current/configs/qwen3.5-27b.txt", model: { slug: "qwen3.5-27b" }, format: "json" },
  {
    file: "current/configs/qwen3.5-35b-a3b.txt",
    model: { slug: "qwen3.5-35b-a3b" },
    format: "json",
  },
  {
    file: "current/configs/qwen3.5-397b-a17b.txt",
    model: { slug: "qwen3.5-397b-a17b" },
    format: "json",
  },
  {
    file: "current/configs/qwen3.6-27b-nvfp4-nvidia.txt",
    model: { slug: "qwen3.6-27b", variant: "NVIDIA NVFP4" },
    format: "json",
  },
  {
    file: "current/configs/qwen3.6-35b-a3b-nvfp4-nvidia.txt",
    model: { slug: "qwen3.6-35b-a3b", variant: "NVIDIA NVFP4" },
    format: "json",
  },
  {
    file: "current/configs-nodoc/deepseek-v4-flash.txt",
    model: { slug: "deepseek-v4-flash" },
    format: "json",
  },
  {
    file: "current/configs-nodoc/deepseek-v4-pro.txt",
    model: { slug: "deepseek-v4-pro" },
    format: "json",
  },
  { file: "current/configs-nodoc/glm-5.2.txt", model: { slug: "glm-5.2" }, format: "json" },
  {
    file: "current/configs-nodoc/kimi-k2.6-nvfp4-nvidia.txt",
    model: { slug: "kimi-k2.6", variant: "NVIDIA NVFP4" },
    format: "json",
  },
  {
    file: "current/configs-nodoc/kimi-k2.7-code-nvfp4-nvidia.txt",
    model: { slug: "kimi-k2.7-code", variant: "NVIDIA NVFP4" },
    format: "json",
  },
  { file: "current/configs-nodoc/kimi-k3.txt", model: { slug: "kimi-k3" }, format: "json" },
];

/** The catalog's entries as the importer's name matching sees them, with the names sources use. */
export function knownModels() {
  const aliases = new Map<string, string[]>();
  for (const [name, slugs] of Object.entries(MODEL_ALIASES)) {
    if (slugs.length !== 1) continue;
    const slug = slugs[0] as string;
    aliases.set(slug, [...(aliases.get(slug) ?? []), name.replace(/\s*\(.*$/, "")]);
  }
  return MODEL_SEEDS.map((m) => ({
    slug: m.slug,
    name: m.name,
    aliases: [...(aliases.get(m.slug) ?? []), ...(m.aliases ?? [])],
  }));
}
