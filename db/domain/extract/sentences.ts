/*
 * Facts stated in prose or list items about the document's own model: "Number of Layers: 94",
 * "Context Length: 262,144 natively and extendable up to 1,010,000 tokens", "a large, 128K
 * context window". Each rule names the field; its quote is the line (or sentence) it matched in,
 * never more than one paragraph.
 */
import type { ClaimField } from "../../schema";
import { parseQuantity } from "../values";
import type { Found } from "./tables";
import type { Span } from "./types";

type Hit = {
  field: ClaimField;
  label?: string;
  condition?: "native" | "extended";
  settings?: string;
  group: number;
  read: "count" | "context" | "integer" | "tokens";
};

type Rule = { re: RegExp; hits: Hit[] };

// A whole number as written ("262,144", "32768", "1.5"); never a prefix of a longer one.
const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,.]\d)`;
const SIZE = String.raw`(\d+(?:\.\d+)?\s?[BMT])\b`;

const RULES: Rule[] = [
  {
    re: new RegExp(String.raw`Number of Parameters:\s*${SIZE} in total and ${SIZE} activated`, "i"),
    hits: [
      { field: "total_params", group: 1, read: "count" },
      { field: "active_params", group: 2, read: "count" },
    ],
  },
  {
    re: new RegExp(String.raw`Number of Param\w*\s*\(Non-Embedding\):\s*${SIZE}`, "i"),
    hits: [{ field: "other", label: "non embedding params", group: 1, read: "count" }],
    // (read as a count; its unit is "parameters" like the other "other" counts)
  },
  {
    re: new RegExp(String.raw`Number of Parameters:\s*${SIZE}(?! in total)`, "i"),
    hits: [{ field: "total_params", group: 1, read: "count" }],
  },
  { re: /Number of Layers:\s*(\d+)/i, hits: [{ field: "layers", group: 1, read: "integer" }] },
  {
    re: /Number of Attention Heads(?: \(GQA\))?:\s*(\d+) for Q and (\d+) for KV/i,
    hits: [
      { field: "attention_heads", group: 1, read: "integer" },
      { field: "kv_heads", group: 2, read: "integer" },
    ],
  },
  {
    re: /Number of Experts:\s*(\d+)/i,
    hits: [{ field: "experts", group: 1, read: "integer" }],
  },
  {
    re: /Number of Activated Experts:\s*(\d+)/i,
    hits: [{ field: "active_experts", group: 1, read: "integer" }],
  },
  {
    re: new RegExp(
      String.raw`Context Length:\s*\**${N}(?: tokens)? natively and extendable up to ${N} tokens`,
      "i",
    ),
    hits: [
      { field: "context_window", condition: "native", group: 1, read: "context" },
      { field: "context_window", condition: "extended", group: 2, read: "context" },
    ],
  },
  {
    re: new RegExp(
      String.raw`Context Length:\s*\**${N}(?: tokens)? natively and \[?${N} tokens with YaRN`,
      "i",
    ),
    hits: [
      { field: "context_window", condition: "native", group: 1, read: "context" },
      {
        field: "context_window",
        condition: "extended",
        settings: "YaRN",
        group: 2,
        read: "context",
      },
    ],
  },
  {
    re: new RegExp(String.raw`Context Length:\s*\**${N}(?: tokens)? natively\b(?! and)`, "i"),
    hits: [{ field: "context_window", condition: "native", group: 1, read: "context" }],
  },
  {
    re: new RegExp(String.raw`Context Length:\s*\**${N}(?: tokens)?(?! natively)`, "i"),
    hits: [{ field: "context_window", group: 1, read: "context" }],
  },
  {
    re: /\b(\d+K)[ -](?:token )?context (?:window|length)\b/i,
    hits: [{ field: "context_window", group: 1, read: "context" }],
  },
  {
    re: /\bcontext (?:window|length) of (?:up to )?(\d+K|[\d,]{5,})(?: tokens)?/i,
    hits: [{ field: "context_window", group: 1, read: "context" }],
  },
  {
    re: /\btrained (?:with|on) (\d+(?:\.\d+)? trillion) tokens/i,
    hits: [{ field: "other", label: "training tokens", group: 1, read: "tokens" }],
  },
];

function read(text: string, how: Hit["read"]) {
  if (how === "integer") {
    return { valueNum: Number(text), unit: null, qualifier: "exact" as const };
  }
  const q = parseQuantity(text, how === "context" ? "context" : "count");
  if (!q) return null;
  const unit = how === "context" || how === "tokens" ? "tokens" : "params";
  return { valueNum: q.value, unit, qualifier: q.qualifier };
}

/** The line holding `at`, trimmed of list markers and emphasis at its ends. */
function lineAround(text: string, at: number, within: Span): Span {
  let start = text.lastIndexOf("\n", at - 1) + 1;
  let end = text.indexOf("\n", at);
  if (end < 0) end = text.length;
  start = Math.max(start, within.start);
  end = Math.min(end, within.end);
  while (start < end && /[\s*+\->#]/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/**
 * Facts in the prose blocks `blocks` (spans of paragraphs and list items) about `model`. One
 * block yields each field at most once per rule.
 */
export function sentenceFacts(
  text: string,
  blocks: Span[],
  model: { slug: string; name: string; known: boolean; variant: string } | null,
): Found[] {
  if (!model) return [];
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const body = text.slice(block.start, block.end);
    const taken: Span[] = [];
    for (const rule of RULES) {
      const re = new RegExp(rule.re.source, `${rule.re.flags.replace("g", "")}g`);
      for (const m of body.matchAll(re)) {
        const at = block.start + (m.index ?? 0);
        const end = at + m[0].length;
        if (taken.some((t) => at < t.end && end > t.start)) continue;
        taken.push({ start: at, end });
        const quote = lineAround(text, at, block);
        for (const hit of rule.hits) {
          const phrase = m[hit.group] as string;
          const read_ = read(phrase, hit.read);
          if (!read_) continue;
          const value =
            hit.field === "other" && read_.unit === "params"
              ? { ...read_, unit: "parameters" }
              : read_;
          const key = `${hit.field}|${hit.label ?? ""}|${hit.condition ?? ""}|${quote.start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({
            modelName: model.name,
            model: model.slug,
            knownModel: model.known,
            field: hit.field,
            label: hit.label ?? "",
            settings: hit.settings ?? "",
            variant: model.variant,
            condition: hit.condition ?? "",
            valueText: phrase,
            ...value,
            valueDate: null,
            quote,
            settingsQuote: null,
            via: "sentence",
          });
        }
      }
    }
  }
  return out;
}
