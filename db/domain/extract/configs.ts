/*
 * Architecture configs: a Hugging Face config.json (jsonc-parser, which reports every value's
 * offset) or a YAML training config (yaml, with ranges). Each known key becomes a candidate whose
 * quote is its exact `"key": value` text. Nested configs of multimodal models (text_config) are
 * the language model's own. Duplicate keys are refused: which of the two would the model load?
 */
import {
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import { isMap, isPair, isScalar, LineCounter, type Pair, parseDocument } from "yaml";
import type { ClaimField } from "../../schema";
import { LENGTHS } from "../rules";
import type { Found } from "./tables";
import { ExtractError, type Span } from "./types";

type KeyRule = {
  field: ClaimField;
  /** For "other": what the value is (Gemma 4's global attention layers). */
  label?: string;
  read: "integer" | "text" | "json" | "layers" | "boolean";
};

const KEYS: Record<string, KeyRule> = {
  num_hidden_layers: { field: "layers", read: "integer" },
  n_layers: { field: "layers", read: "integer" },
  num_attention_heads: { field: "attention_heads", read: "integer" },
  n_heads: { field: "attention_heads", read: "integer" },
  num_key_value_heads: { field: "kv_heads", read: "integer" },
  n_kv_heads: { field: "kv_heads", read: "integer" },
  head_dim: { field: "head_dim", read: "integer" },
  hidden_size: { field: "hidden_size", read: "integer" },
  d_model: { field: "hidden_size", read: "integer" },
  vocab_size: { field: "vocab_size", read: "integer" },
  num_experts: { field: "experts", read: "integer" },
  num_local_experts: { field: "experts", read: "integer" },
  n_routed_experts: { field: "experts", read: "integer" },
  num_experts_per_tok: { field: "active_experts", read: "integer" },
  sliding_window: { field: "sliding_window", read: "integer" },
  layer_types: { field: "sliding_window_layers", read: "layers" },
  // Hybrid models' layer layouts (Nemotron): which layers attend, and so which keep a cache.
  layers_block_type: { field: "sliding_window_layers", read: "layers" },
  hybrid_override_pattern: { field: "sliding_window_layers", read: "text" },
  sliding_window_pattern: { field: "sliding_window_layers", read: "integer" },
  kv_lora_rank: { field: "kv_lora_rank", read: "integer" },
  qk_rope_head_dim: { field: "qk_rope_head_dim", read: "integer" },
  max_position_embeddings: { field: "max_position_embeddings", read: "integer" },
  max_sequence_length: { field: "max_position_embeddings", read: "integer" },
  rope_scaling: { field: "rope_scaling", read: "json" },
  torch_dtype: { field: "dtype", read: "text" },
  dtype: { field: "dtype", read: "text" },
  quant_method: { field: "quantization", read: "text" },
  modules_to_not_convert: { field: "unquantized_modules", read: "json" },
  ignored_layers: { field: "unquantized_modules", read: "json" },
  tie_word_embeddings: { field: "tied_embeddings", read: "boolean" },
  // Global (full-attention) layers with their own key/value shape (Gemma 4).
  num_global_key_value_heads: { field: "other", label: "global key/value heads", read: "integer" },
  global_head_dim: { field: "other", label: "global head dimension", read: "integer" },
  attention_k_eq_v: { field: "other", label: "keys equal values", read: "boolean" },
  intermediate_size: { field: "intermediate_size", read: "integer" },
};

/** Objects whose keys describe the language model itself. */
const NESTED = new Set(["text_config", "quantization_config", "model"]);

export type ConfigSubject = { slug: string; name: string; variant: string; known: boolean };

function candidate(
  subject: ConfigSubject,
  rule: KeyRule,
  valueText: string,
  valueNum: number | null,
  quote: Span,
  via: Found["via"],
): Found {
  return {
    modelName: subject.name,
    model: subject.slug,
    knownModel: subject.known,
    field: rule.field,
    label: rule.label ?? "",
    settings: "",
    variant: subject.variant,
    condition: "",
    valueText,
    valueNum,
    unit: null,
    qualifier: "exact",
    valueDate: null,
    quote,
    settingsQuote: null,
    via,
  };
}

/*
 * The kinds of attention a layer_types list uses, in order of first use ("sliding_attention,
 * full_attention"). No counts: the quote is the list itself, and a count it does not write would
 * be a number the value states and the quote does not. The memory estimate reads the list.
 */
function layerSummary(kinds: string[]): string {
  const distinct = [...new Set(kinds)];
  const alternating = distinct.length === 2 && kinds.every((k, i) => k === distinct[i % 2]);
  return alternating ? `${distinct.join(" and ")}, alternating` : distinct.join(", ");
}

function readJsonValue(
  node: JsonNode,
  rule: KeyRule,
  text: string,
): { text: string; num: number | null } | null {
  if (node.type === "null") return null;
  if (rule.read === "integer") {
    if (node.type !== "number" || !Number.isInteger(node.value)) return null;
    return { text: String(node.value), num: node.value as number };
  }
  if (rule.read === "text")
    return node.type === "string" ? { text: node.value as string, num: null } : null;
  // The literal as the config writes it ("false"): the quote says exactly that, nothing more.
  if (rule.read === "boolean")
    return node.type === "boolean" ? { text: String(node.value), num: null } : null;
  if (rule.read === "layers") {
    const kinds = (node.children ?? [])
      .filter((c) => c.type === "string")
      .map((c) => c.value as string);
    if (kinds.length === 0) return null;
    return { text: layerSummary(kinds), num: null };
  }
  const raw = text.slice(node.offset, node.offset + node.length);
  return { text: raw.replace(/\s+/g, " "), num: null };
}

/*
 * A module list ("modules_to_not_convert": hundreds of per-layer names) is longer than a quote
 * may be. Its value is the kinds of module it names, per-layer names without their layer
 * ("model.layers.0.mlp.gate" → "mlp.gate"), and its quote runs from the key to the first entry
 * of the last kind: every word of the value is in the quote, and nothing more is claimed.
 */
function moduleKinds(prop: JsonNode, list: JsonNode): { text: string; quote: Span } | null {
  const kinds = new Map<string, number>();
  for (const item of list.children ?? []) {
    if (item.type !== "string") continue;
    const kind = (item.value as string).replace(/^.*\.layers\.\d+\./, "");
    if (!kinds.has(kind)) kinds.set(kind, item.offset + item.length);
  }
  if (kinds.size === 0) return null;
  const whole = prop.offset + prop.length;
  const end = whole - prop.offset <= LENGTHS.quote ? whole : Math.max(...kinds.values());
  if (end - prop.offset > LENGTHS.quote) return null;
  return { text: [...kinds.keys()].join(", "), quote: { start: prop.offset, end } };
}

/*
 * Python's json module writes Infinity and NaN, which JSON has no words for, and Hugging Face
 * configs carry them (Nemotron's time_step_limit). They are read as numbers of the same length,
 * so every offset stays the text's own; no key the importer reads takes such a value.
 */
const PYTHON_NUMBERS = /(?<=[\s,:[])(-?)Infinity\b|(?<=[\s,:[])NaN\b/g;
const tolerant = (text: string) =>
  text.replace(PYTHON_NUMBERS, (m, sign: string | undefined) =>
    m === "NaN" ? "0.0" : `${sign ?? ""}${"9".repeat(8)}`,
  );

export function jsonConfigFacts(raw: string, subject: ConfigSubject): Found[] {
  const text = tolerant(raw);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    throw new ExtractError(
      e
        ? `the JSON is malformed: ${printParseErrorCode(e.error)} at offset ${e.offset}`
        : "the JSON is empty",
      e?.offset,
    );
  }
  if (root.type !== "object") throw new ExtractError("the JSON is not an object of settings");
  const out: Found[] = [];
  // "use_sliding_window": false switches the window off: its size is then not a fact of the model.
  const windowOff = (obj: JsonNode) =>
    (obj.children ?? []).some(
      (p) => p.children?.[0]?.value === "use_sliding_window" && p.children?.[1]?.value === false,
    );
  const walk = (obj: JsonNode) => {
    const names = new Set<string>();
    const noWindow = windowOff(obj);
    for (const prop of obj.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = keyNode.value as string;
      if (names.has(key)) {
        throw new ExtractError(
          `the JSON repeats the key "${key}" (offset ${keyNode.offset})`,
          keyNode.offset,
        );
      }
      names.add(key);
      if (NESTED.has(key) && valueNode.type === "object") {
        walk(valueNode);
        continue;
      }
      const rule = KEYS[key];
      if (!rule) continue;
      if (rule.field === "sliding_window" && noWindow) continue;
      if (rule.field === "unquantized_modules" && valueNode.type === "array") {
        const kinds = moduleKinds(prop, valueNode);
        if (kinds) out.push(candidate(subject, rule, kinds.text, null, kinds.quote, "json"));
        continue;
      }
      const value = readJsonValue(valueNode, rule, text);
      if (!value) continue;
      const quote = { start: prop.offset, end: prop.offset + prop.length };
      if (quote.end - quote.start > LENGTHS.quote || value.text.length > LENGTHS.valueText)
        continue;
      out.push(candidate(subject, rule, value.text, value.num, quote, "json"));
    }
  };
  walk(root);
  return out;
}

/** A YAML config, or a model card's YAML front matter when `front` is given. */
export function yamlFacts(
  text: string,
  range: Span,
  subject: ConfigSubject,
  front: boolean,
): Found[] {
  const lineCounter = new LineCounter();
  const source = text.slice(range.start, range.end);
  const doc = parseDocument(source, { uniqueKeys: true, lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0] as (typeof doc.errors)[number];
    const where = lineCounter.linePos(e.pos[0]);
    throw new ExtractError(
      `the YAML${front ? " front matter" : ""} is malformed at line ${where.line}: ${e.message.split("\n")[0]}`,
      range.start + e.pos[0],
    );
  }
  const out: Found[] = [];
  const walk = (node: unknown) => {
    if (!isMap(node)) return;
    for (const pair of node.items as Pair[]) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const start = pair.key.range?.[0];
      const value = pair.value;
      if (NESTED.has(key) && isMap(value)) {
        walk(value);
        continue;
      }
      if (start === undefined || !isScalar(value) || !value.range) continue;
      const quote = { start: range.start + start, end: range.start + value.range[1] };
      if (front) {
        if (key === "license" && typeof value.value === "string") {
          out.push(
            candidate(
              subject,
              { field: "license", read: "text" },
              value.value,
              null,
              quote,
              "front-matter",
            ),
          );
        }
        continue;
      }
      const rule = KEYS[key];
      if (!rule) continue;
      if (rule.read === "integer" && Number.isInteger(value.value)) {
        out.push(
          candidate(subject, rule, String(value.value), value.value as number, quote, "yaml"),
        );
      } else if (rule.read === "boolean" && typeof value.value === "boolean") {
        out.push(candidate(subject, rule, String(value.value), null, quote, "yaml"));
      } else if (rule.read === "text" && typeof value.value === "string") {
        out.push(candidate(subject, rule, value.value, null, quote, "yaml"));
      }
    }
  };
  walk(doc.contents);
  return out;
}
