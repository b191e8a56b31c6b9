/*
 * Facts stated in prose or list items about the document's own model: "Number of Layers: 94",
 * "Context Length: 262,144 natively and extendable up to 1,010,000 tokens", "a large, 128K
 * context window". Each rule names the field; its quote is the line (or sentence) it matched in,
 * never more than one paragraph.
 */
import type { ClaimField } from "../../schema";
import { parseQuantity } from "../values";
import type { ModelResolver } from "./model-names";
import type { Found } from "./tables";
import type { Span } from "./types";

type Hit = {
  field: ClaimField;
  label?: string;
  condition?: "native" | "extended";
  settings?: string;
  /** The checkpoint, when the fact is not about the document's own variant (training data). */
  variant?: string;
  group: number;
  read: "count" | "context" | "integer" | "tokens" | "text" | "date";
};

/**
 * `size`: the group naming a model size ("27B") that says which model the fact is about;
 * `sizes`: a group listing several ("4B, 12B, and 27B"), the fact holding for each.
 */
type Rule = {
  re: RegExp;
  hits: Hit[];
  size?: number;
  sizes?: number;
  /** A sentence saying this is about something else ("this code repository is licensed …"). */
  notAbout?: RegExp;
  /** The fact holds for every model the line names ("2026-02-24: A, B and C are released"). */
  each?: true;
};

// A whole number as written ("262,144", "32768", "1.5"); never a prefix of a longer one.
// Numbers are bounded and must start a number (not the middle of a longer digit run): an
// unbounded \d+ re-tried at every offset of a long digit run is quadratic.
const N = String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3}){1,4}|\d{1,9}(?:\.\d{1,4})?)(?![\d,.]\d)`;
const SIZE = String.raw`(?<![\d.])(\d{1,5}(?:\.\d{1,3})?\s?[BMT])\b`;

/** What the importer calls a document saying its model's weights are not out yet. */
export const RELEASE_STATUS_LABEL = "release status";
export const NOT_YET_RELEASED = /\b(not yet released)\b/i;

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
    // "The 27B model was trained with 14 trillion tokens", "and 1B with 2 trillion tokens":
    // the size named beside the number says which model it is about.
    re: /\b(?:the\s+)?(\d+(?:\.\d+)?B)(?:\s+model)?(?:\s+(?:was|is))?(?:\s+(?:pre-?)?trained)?\s+(?:with|on)\s+(\d+(?:\.\d+)?\s+trillion)\s+tokens/i,
    size: 1,
    hits: [{ field: "other", label: "training tokens", group: 2, read: "tokens", variant: "" }],
  },
  {
    // "pre-train DeepSeek-V3 on 14.8 trillion diverse and high-quality tokens".
    re: /\b(?:pre-?)?train(?:ed)? (?:[\w.-]+ ){0,2}(?:with|on) (?:about |approximately |~)?(\d+(?:\.\d+)?\s?(?:trillion|T))(?: [\w-]+){0,4} tokens/i,
    hits: [{ field: "other", label: "training tokens", group: 1, read: "tokens", variant: "" }],
  },
  {
    // gpt-oss: "(117B parameters with 5.1B active parameters)".
    re: new RegExp(
      `${SIZE} (?:total )?parameters,? (?:with|and) ${SIZE} (?:active|activated)(?: parameters)?`,
      "i",
    ),
    hits: [
      { field: "total_params", group: 1, read: "count" },
      { field: "active_params", group: 2, read: "count" },
    ],
  },
  {
    re: /\b(?:is |are |models are )?licensed under (?:the )?(Apache(?: License)?,? (?:Version )?2\.0|MIT(?: License)?|[A-Z][\w.]*(?: [A-Z0-9][\w.]*){0,4} (?:License|Licence)(?: Agreement)?)/,
    hits: [{ field: "license", group: 1, read: "text" }],
    notAbout: /\b(code|repository|repo|source code)\b/i,
  },
  {
    // "**License:** Use of Llama 3.2 is governed by the [Llama 3.2 Community License](…)": a
    // licence line names the licence; the name is the value, the line its quote.
    re: /^\W*License\W*:?\**:?\s.*?\b(Apache(?: License)?,? (?:Version )?2\.0|MIT License|Llama [\d.]+ Community License(?: Agreement)?|Gemma Terms of Use|Qwen(?: Research)? License(?: Agreement)?|DeepSeek (?:Model )?License(?: Agreement)?)/im,
    hits: [{ field: "license", group: 1, read: "text" }],
  },
  {
    // "Total input context of 128K tokens for the 4B, 12B, and 27B sizes": one value, each size.
    // One unambiguous separator between sizes: a pattern whose alternatives overlap backtracks
    // exponentially on a long list.
    re: /\b(?:input )?context (?:window |length )?of (\d{1,4}K) tokens for the (\d{1,4}(?:\.\d{1,2})?B(?:(?:, and |, | and )\d{1,4}(?:\.\d{1,2})?B){0,12}) sizes?/i,
    sizes: 2,
    hits: [{ field: "context_window", group: 1, read: "context", variant: "" }],
  },
  {
    // "interleave 5 local layers with 1 global layer": which layers attend within the window.
    re: /\binterleave (\d{1,3} local layers? with \d{1,3} global layers?)\b/i,
    hits: [{ field: "sliding_window_layers", group: 1, read: "text" }],
  },
  {
    // "reduce the window size to 1024 tokens": the sliding window of the local layers.
    // Never a context window ("a context window size of 131,072 tokens").
    re: new RegExp(
      String.raw`(?<!context )\b(?:sliding )?window size (?:to|of) ${N} tokens\b`,
      "i",
    ),
    hits: [{ field: "sliding_window", group: 1, read: "integer" }],
  },
  {
    // Nemotron: "550B total / 55B active"; GLM-5: "744B parameters (40B active)".
    re: new RegExp(String.raw`${SIZE} (?:total|parameters) (?:\/ |\()${SIZE} active\b`, "i"),
    hits: [
      { field: "total_params", group: 1, read: "count" },
      { field: "active_params", group: 2, read: "count" },
    ],
  },
  {
    // "Both the code repository and the model weights are released under the [Modified MIT
    // License]": a licence the sentence gives the weights themselves.
    // A name may hold dots ("OpenMDW-1.1") but never ends with the sentence's full stop.
    // Words of a name start with a capital or a digit ("Apache 2.0 License", "CC BY 4.0").
    re: /\b(?:model )?[Ww]eights(?:, data, and recipes)? (?:are|is) released under (?:the |a |an )?\[?([A-Z][\w-]*(?:\.[\w-]+)*(?: [A-Z0-9][\w-]*(?:\.[\w-]+)*){0,4})/,
    hits: [{ field: "license", group: 1, read: "text" }],
  },
  {
    // "Released as open weights under a Modified MIT license."
    // Case-sensitive: a name, not "the same license" or "a permissive license".
    re: /\b[Oo]pen weights under (?:a |an |the )?([A-Z][\w.-]*(?: [A-Z0-9][\w.-]*){0,3} [Ll]icen[cs]e)/,
    hits: [{ field: "license", group: 1, read: "text" }],
  },
  {
    // A dated news line: "- 2026-02-24: Qwen3.5-122B-A10B, Qwen3.5-35B-A3B, and Qwen3.5-27B are
    // released." The date is each named model's release.
    // Only the names before the verb are dated (not "… beating Qwen3-32B" after it); one line only.
    re: /^[^\w\n]*(\d{4}-\d{2}-\d{2}):[^\n]*?\b(?:are released|is released|released|(?:now )?availabe?l?e?|[Ww]e release [A-Z][\w.-]*[\w])\b/m,
    each: true,
    hits: [{ field: "release_date", group: 1, read: "date" }],
  },
  {
    // "The updated 8B and 70B models were released on July 24, 2026."
    re: /\breleased on ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4})/,
    hits: [{ field: "release_date", group: 1, read: "date" }],
  },
  {
    // Apertus 1.1: "[Apertus 1.1 0.5B](…) and [0.5B Instruct](…) (500 million parameters)".
    re: /\((\d{1,4}(?:\.\d{1,2})? (?:million|billion)) parameters\)/,
    hits: [{ field: "total_params", group: 1, read: "count" }],
  },
  {
    // "The model is not yet released": the document's model is announced, not released.
    re: NOT_YET_RELEASED,
    hits: [{ field: "other", label: RELEASE_STATUS_LABEL, group: 1, read: "text" }],
  },
  {
    // "The context window grows to 262,144 tokens".
    re: new RegExp(String.raw`\bcontext window (?:grows|extends|increases) to ${N} tokens\b`, "i"),
    hits: [{ field: "context_window", group: 1, read: "context" }],
  },
  {
    re: /Release Date:\**\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4})/i,
    hits: [{ field: "release_date", group: 1, read: "date" }],
  },
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "Oct 24, 2024" → "2024-10-24"; null when not a calendar date. */
export function parseWrittenDate(text: string): string | null {
  const m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/i.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] as string).slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const iso = `${m[3]}-${String(month).padStart(2, "0")}-${(m[2] as string).padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** "2026-02-24" when it is a real calendar date, else null ("2026-13-40" is not). */
function validIso(text: string): string | null {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : null;
}

function read(text: string, how: Hit["read"]) {
  if (how === "integer") {
    return { valueNum: Number(text), unit: null, qualifier: "exact" as const, valueDate: null };
  }
  if (how === "text")
    return { valueNum: null, unit: null, qualifier: "exact" as const, valueDate: null };
  if (how === "date") {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? validIso(text) : parseWrittenDate(text);
    return iso ? { valueNum: null, unit: null, qualifier: "exact" as const, valueDate: iso } : null;
  }
  const q = parseQuantity(text, how === "context" ? "context" : "count");
  if (!q) return null;
  const unit = how === "context" || how === "tokens" ? "tokens" : "params";
  return { valueNum: q.value, unit, qualifier: q.qualifier, valueDate: null as string | null };
}

const MAX_BLOCK = 20_000;

/**
 * The sentence (or list line) around a match, inside its block: from the last sentence end or
 * line break before it to the next one after it. A quote is never more than its block.
 */
function sentenceAround(text: string, at: number, end: number, within: Span): Span {
  // A single line break inside a paragraph is a soft wrap; a list item or blank line ends it.
  const hardBreak = (i: number) =>
    text[i] === "\n" &&
    (text[i - 1] === "\n" || /^\s*([-*+]|\d+\.)\s/.test(text.slice(i + 1, i + 8)));
  let start = at;
  while (start > within.start) {
    const before = text.slice(start - 2, start);
    if (
      hardBreak(start - 1) ||
      /^[-*+]\s/.test(text.slice(start, start + 2)) ||
      /[.!?]\s/.test(before)
    )
      break;
    start--;
  }
  let stop = end;
  while (stop < within.end) {
    if (hardBreak(stop)) break;
    // A full stop ends the sentence only before a space or the end ("Qwen3.5", "1.5B" do not).
    const next = text[stop + 1];
    if (/[.!?]/.test(text[stop] as string) && (next === undefined || /\s/.test(next))) {
      stop++;
      break;
    }
    stop++;
  }
  while (start < stop && /[\s*+\->#]/.test(text[start] as string)) start++;
  while (stop > start && /\s/.test(text[stop - 1] as string)) stop--;
  return { start, end: stop };
}

/** Every markdown heading's start and text, in document order (found once per document). */
function headingsOf(text: string): { at: number; text: string }[] {
  return [...text.matchAll(/^#{1,6}[ \t]+(.+)$/gm)].map((m) => ({
    at: m.index ?? 0,
    text: m[1] as string,
  }));
}

/**
 * The model the nearest heading above `at` names, when it is a member of the document's own
 * model (its slug extends the family's: "nemotron-3-ultra" under "nemotron-3"); else null.
 */
function memberHeading(
  headings: { at: number; text: string }[],
  at: number,
  own: Target,
  resolve: ModelResolver,
  mentions: (sentence: string) => string[],
): Target | null {
  // The last heading before `at` (headings are in document order).
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((headings[mid] as { at: number }).at < at) lo = mid + 1;
    else hi = mid;
  }
  const last = headings[lo - 1]?.text;
  if (!last) return null;
  const named = mentions(last);
  if (named.length !== 1) return null;
  const r = resolve(named[0] as string);
  const member = r && (r.slug.startsWith(`${own.slug}-`) || r.slug.startsWith(`${own.slug}.`));
  return member ? r : null;
}

/**
 * Facts in the prose blocks `blocks` (spans of paragraphs and list items) about `model`. One
 * block yields each field at most once per rule.
 */
type Target = { slug: string; name: string; known: boolean; variant: string };

export function sentenceFacts(
  text: string,
  blocks: Span[],
  own: { slug: string; name: string; known: boolean; variant: string } | null,
  resolve: ModelResolver,
  mentions: (sentence: string) => string[],
): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  const headings = own ? headingsOf(text) : [];
  for (const block of blocks) {
    // A paragraph of prose is short; a 20,000-character "paragraph" is not prose to read.
    if (block.end - block.start > MAX_BLOCK) continue;
    const body = text.slice(block.start, block.end);
    const taken: Span[] = [];
    for (const rule of RULES) {
      const re = new RegExp(rule.re.source, `${rule.re.flags.replace("g", "")}g`);
      for (const m of body.matchAll(re)) {
        const at = block.start + (m.index ?? 0);
        const end = at + m[0].length;
        if (taken.some((t) => at < t.end && end > t.start)) continue;
        taken.push({ start: at, end });
        // A table row is quoted whole: its first cell names what the prose in the others is about.
        const quote = text[block.start] === "|" ? block : sentenceAround(text, at, end, block);
        if (rule.notAbout?.test(text.slice(quote.start, quote.end))) continue;
        const size = rule.size ? (m[rule.size] as string | undefined) : undefined;
        const bySize = (s: string) => {
          if (!own) return null;
          const sized = resolve(own.name.replace(/\b\d+(\.\d+)?\s?[BM]\b/i, s));
          return sized ? { ...sized, variant: "" } : null;
        };
        // Which models: each size listed ("for the 4B, 12B, and 27B sizes"), a size named beside
        // the number, else the one model the sentence names, else the document's own. A sentence
        // naming two models and no size says nothing here; a size the catalog lacks is skipped.
        let targets: Target[];
        if (rule.sizes) {
          targets = [...(m[rule.sizes] ?? "").matchAll(/\d+(?:\.\d+)?B/g)].flatMap(
            (x) => bySize(x[0]) ?? [],
          );
        } else if (size && own) {
          targets = [bySize(size)].flatMap((t) => t ?? []);
        } else {
          // A dated line dates only the models it names before its verb.
          const named = mentions(rule.each ? m[0] : text.slice(quote.start, quote.end));
          // A family document's line under one member's heading ("### Nemotron 3 Ultra") is
          // about that member, when the line itself names no model.
          const underHeading =
            named.length === 0 && own ? memberHeading(headings, at, own, resolve, mentions) : null;
          if (underHeading) {
            targets = [underHeading];
          } else if (rule.each && named.length > 1) {
            const all = named.flatMap((n) => resolve(n) ?? []);
            targets = all.filter((t, i) => all.findIndex((x) => x.slug === t.slug) === i);
          } else {
            const r = named.length === 1 ? resolve(named[0] as string) : null;
            targets = named.length > 1 ? [] : r ? [r] : own ? [own] : [];
          }
        }
        for (const model of targets) {
          for (const hit of rule.hits) {
            const phrase = m[hit.group] as string;
            const read_ = read(phrase, hit.read);
            if (!read_) continue;
            const value =
              hit.field === "other" && read_.unit === "params"
                ? { ...read_, unit: "parameters" }
                : read_;
            const key = `${model.slug}|${hit.field}|${hit.label ?? ""}|${hit.condition ?? ""}|${at}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({
              modelName: model.name,
              model: model.slug,
              knownModel: model.known,
              field: hit.field,
              label: hit.label ?? "",
              settings: hit.settings ?? "",
              variant: hit.variant ?? model.variant,
              condition: hit.condition ?? "",
              valueText: phrase,
              ...value,
              quote,
              settingsQuote: null,
              via: "sentence",
            });
          }
        }
      }
    }
  }
  return out;
}
