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
  { file: "official/hf-blog-gemma3.txt", subject: "gemma" },
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
