/* Display helpers shared by server and client components. */
import type { ClaimField } from "@/db/schema";

export const FIELD_LABELS: Record<ClaimField, string> = {
  total_params: "Total parameters",
  active_params: "Active parameters",
  architecture: "Architecture",
  license: "License",
  quantization: "Quantization",
  context_window: "Context window",
  memory_footprint: "Memory footprint",
  release_date: "Release date",
  benchmark: "Benchmark",
  other: "Other",
  layers: "Layers",
  hidden_size: "Hidden size",
  attention_heads: "Attention heads",
  kv_heads: "Key/value heads",
  head_dim: "Head dimension",
  vocab_size: "Vocabulary size",
  experts: "Experts",
  active_experts: "Experts per token",
  sliding_window: "Sliding window",
  sliding_window_layers: "Attention layer types",
  kv_lora_rank: "MLA KV rank (kv_lora_rank)",
  qk_rope_head_dim: "MLA RoPE head dim",
  max_position_embeddings: "Max position embeddings",
  rope_scaling: "RoPE scaling",
  dtype: "Config dtype (torch_dtype)",
  unquantized_modules: "Modules left unquantized",
  tied_embeddings: "Tied input/output embeddings",
  intermediate_size: "Feed-forward size",
};

export const PROVENANCE_LABELS: Record<string, string> = {
  publisher: "publisher-reported",
  third_party: "third-party",
  forecast: "forecast",
  derived: "derived",
};

export const TIER_LABELS: Record<string, string> = {
  primary: "publisher's own material",
  secondary: "launch partner",
  press: "press / commentary",
  mirror: "a third party's copy of the publisher's file",
};

export const KIND_LABELS: Record<string, string> = {
  article: "Article",
  model_card: "Model card",
  readme: "README",
  license: "License",
  blog: "Blog post",
  docs: "Documentation",
  config: "Architecture config",
};

export function fieldLabel(field: string, label: string, settings = ""): string {
  if (field === "benchmark" || field === "other") {
    const name = label ? label.charAt(0).toUpperCase() + label.slice(1) : FIELD_LABELS[field];
    return settings ? `${name} (${settings})` : (name ?? field);
  }
  return FIELD_LABELS[field as ClaimField] ?? field;
}

/** ISO date → "5 Apr 2025"; null → the honest phrase. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "date not stated";
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function formatDateTime(at: Date | string | null | undefined): string {
  if (!at) return "never";
  const d = typeof at === "string" ? new Date(at) : at;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * A text-fragment link (#:~:text=) to the passage in the original page, for HTML pages only:
 * GitHub blobs and model cards render Markdown, where the raw quote's markup rarely matches.
 */
export function textFragmentUrl(url: string | null, quote: string, kind: string): string | null {
  if (!url || !/^https?:\/\//.test(url)) return null;
  if (!["blog", "docs", "article", "model_card", "readme", "license"].includes(kind)) return null;
  if (/\/raw\//.test(url)) return null;
  const words = quote
    .replace(/[*_`#|[\]()<>]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D");
  const fragment =
    words.length <= 8
      ? enc(words.join(" "))
      : `${enc(words.slice(0, 4).join(" "))},${enc(words.slice(-4).join(" "))}`;
  return `${url.split("#")[0]}#:~:text=${fragment}`;
}

export const UNKNOWN = "not stated in sources";

/** "base" → "base model"; "FP8" → "FP8 checkpoint": what a value is about, said in the cell. */
export function variantLabel(variant: string): string {
  const v = variant.trim();
  if (v === "base") return "base model";
  if (v === "instruct") return "instruct model";
  if (v === "thinking") return "thinking model";
  return v ? `${v} checkpoint` : "";
}

/** "3 sources agree" or "⚠ 1 other source differs": counts of distinct sources. */
export function agreementText(cell: { count: number; conflicting: number; differs: boolean }) {
  if (cell.differs)
    return `⚠ ${cell.conflicting} other source${cell.conflicting === 1 ? "" : "s"} ${cell.conflicting === 1 ? "differs" : "differ"}`;
  return `${cell.count} sources agree`;
}

/** A group's heading: the field, then what it is about ("MMLU (5-shot) · base model"). */
export function subjectLabel(g: {
  field: string;
  label: string;
  variant: string;
  condition: string;
  settings: string;
}): string {
  const benchmarkLike = g.field === "benchmark" || g.field === "other";
  return [
    fieldLabel(g.field, g.label, benchmarkLike ? g.settings : ""),
    g.condition ? `${g.condition} context` : "",
    g.variant ? variantLabel(g.variant) : "",
    !benchmarkLike && g.settings ? g.settings : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** How a number's qualifier reads in front of it: "≈ 8B", "≤ 65,536". */
export const QUALIFIER_PREFIX = { exact: "", approx: "≈ ", at_least: "≥ ", at_most: "≤ " } as const;

/** How the change log words a revision's action ("created", "re-ranked" …). */
export const CHANGE_VERBS: Record<string, string> = {
  create: "created",
  update: "updated",
  rank: "re-ranked",
  retire: "retired",
  revert: "reverted",
};
