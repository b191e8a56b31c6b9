/*
 * GPU memory at a context length: weights + key/value cache + overhead, from cited architecture
 * claims only. Pure: the model page, the API, the charts, the catalog's read model and the
 * benchmark all call these functions, so one set of rules answers every question. A missing
 * input is named and no number is given; nothing is filled in from what a model "usually" has.
 */
import type { ClaimField } from "../schema";
import type { ClaimRow } from "./catalog";
import { compareClaims } from "./catalog";

/*
 * Bits per weight as the formats are stored. Group-quantized integers (GPTQ, AWQ) keep a 16-bit
 * scale and a zero point of the same width per group of 128 weights, the group size both tools
 * ship by default; MXFP4 keeps an 8-bit scale per 32 weights, NVFP4 an 8-bit scale per 16.
 */
export const WEIGHT_FORMATS = {
  BF16: { bits: 16, note: "16 bits per weight" },
  FP16: { bits: 16, note: "16 bits per weight" },
  FP8: { bits: 8, note: "8 bits per weight (block scales, 32 bits per 128×128 block, left out)" },
  INT8: { bits: 8 + 24 / 128, note: "8 bits + a 16-bit scale and an 8-bit zero per 128 weights" },
  INT4: { bits: 4 + 20 / 128, note: "4 bits + a 16-bit scale and a 4-bit zero per 128 weights" },
  MXFP4: { bits: 4 + 8 / 32, note: "4 bits + an 8-bit scale per 32 weights" },
  NVFP4: { bits: 4 + 8 / 16, note: "4 bits + an 8-bit scale per 16 weights" },
} as const;
export type WeightFormat = keyof typeof WEIGHT_FORMATS;
export const WEIGHT_FORMAT_NAMES = Object.keys(WEIGHT_FORMATS) as WeightFormat[];

/** Cache element formats: llama.cpp's Q8_0 and Q4_0 store a 16-bit scale per 32 values. */
export const KV_FORMATS = {
  BF16: { bits: 16, note: "16 bits per value" },
  FP16: { bits: 16, note: "16 bits per value" },
  FP8: { bits: 8, note: "8 bits per value" },
  Q8: { bits: 8 + 16 / 32, note: "8 bits + a 16-bit scale per 32 values (llama.cpp q8_0)" },
  Q4: { bits: 4 + 16 / 32, note: "4 bits + a 16-bit scale per 32 values (llama.cpp q4_0)" },
} as const;
export type KvFormat = keyof typeof KV_FORMATS;
export const KV_FORMAT_NAMES = Object.keys(KV_FORMATS) as KvFormat[];

/*
 * Overhead, one rule for every model: the runtime's own buffers (activations of one forward
 * pass, allocator slack) as a share of weights + cache, plus a fixed allowance. Not included: the
 * CUDA context (a few hundred MB per process, outside what PyTorch counts) and memory an engine
 * reserves ahead of need (vLLM and SGLang take a set share of the GPU whatever the model needs).
 * Calibrated once against the Qwen speed benchmarks (BENCHMARKS.md, "Memory"); never per model.
 */
export const OVERHEAD = { fraction: 0.01, fixedBytes: 64 * 2 ** 20 } as const;

/** What the cache keeps for sliding-window layers: the window, or every token (see `slidingCache`). */
export type SlidingCache = "window" | "full";

export type MemoryOptions = {
  /** Tokens the cache holds: prompt + generated. */
  context: number;
  format: WeightFormat;
  kvFormat: KvFormat;
  batch: number;
  /**
   * "window": sliding-window layers keep at most the window (Transformers' hybrid cache,
   * llama.cpp's SWA cache). "full": they keep every token, as an engine that pages all layers
   * alike does.
   */
  slidingCache: SlidingCache;
};

export const DEFAULT_OPTIONS: Omit<MemoryOptions, "context"> = {
  format: "BF16",
  kvFormat: "BF16",
  batch: 1,
  slidingCache: "window",
};

/** One cited input: the value the estimate used and the claim it came from. */
export type MemoryInput = {
  field: ClaimField;
  label: string;
  value: number | string;
  text: string;
  claimId: number;
  variant: string;
  /** Set when the claim belongs to the model's family, not the model itself. */
  inheritedFrom: string | null;
  /** The passage itself, for a layer layout: a config's list of layer kinds is its quote. */
  quote?: string;
};

/** The architecture facts an estimate can use, each the best claim for its field. */
export type MemoryInputs = Partial<Record<InputKey, MemoryInput>> & {
  unquantized: MemoryInput[];
  /** Set when any claim says the model has experts or active parameters (never derive a count). */
  moe?: boolean;
};

const INPUT_FIELDS = {
  totalParams: { field: "total_params", label: "total parameters" },
  layers: { field: "layers", label: "layers" },
  attentionHeads: { field: "attention_heads", label: "attention heads" },
  kvHeads: { field: "kv_heads", label: "key/value heads" },
  headDim: { field: "head_dim", label: "head dimension" },
  hiddenSize: { field: "hidden_size", label: "hidden size" },
  vocabSize: { field: "vocab_size", label: "vocabulary size" },
  tiedEmbeddings: { field: "tied_embeddings", label: "tied embeddings" },
  slidingWindow: { field: "sliding_window", label: "sliding window" },
  slidingLayers: { field: "sliding_window_layers", label: "sliding-window layers" },
  kvLoraRank: { field: "kv_lora_rank", label: "MLA kv_lora_rank" },
  qkRopeHeadDim: { field: "qk_rope_head_dim", label: "MLA qk_rope_head_dim" },
  experts: { field: "experts", label: "experts" },
  maxPositions: { field: "max_position_embeddings", label: "maximum positions" },
  intermediateSize: { field: "intermediate_size", label: "feed-forward size" },
  globalKvHeads: { field: "other", label: "global key/value heads" },
  globalHeadDim: { field: "other", label: "global head dimension" },
  keysEqualValues: { field: "other", label: "keys equal values" },
} as const satisfies Record<string, { field: ClaimField; label: string }>;
type InputKey = keyof typeof INPUT_FIELDS;

/** Inputs whose value is words ("true", a layer layout), not a number. */
const TEXTUAL = new Set<InputKey>(["slidingLayers", "tiedEmbeddings", "keysEqualValues"]);

/** Checkpoints whose architecture is the model's own: the model as named, base, instruct. */
const ARCH_VARIANTS = new Set(["", "base", "instruct", "thinking"]);

/**
 * The inputs for one model from its live claims and its family chain's (nearest first). A
 * model's own claim beats its family's; within one model, the catalog's order (preferred, then
 * publisher, then oldest). Total parameters are the model as named (a quantized checkpoint's
 * count is not the model's), and nominal counts read from a name are never used.
 */
export function memoryInputsFrom(
  own: ClaimRow[],
  families: { name: string; claims: ClaimRow[] }[] = [],
): MemoryInputs {
  const usable = (c: ClaimRow) => c.provenance !== "forecast" && c.rank !== "deprecated";
  const inputs: MemoryInputs = { unquantized: [] };
  const layers: { name: string | null; claims: ClaimRow[] }[] = [
    { name: null, claims: own },
    ...families,
  ];
  for (const [key, spec] of Object.entries(INPUT_FIELDS) as [
    InputKey,
    (typeof INPUT_FIELDS)[InputKey],
  ][]) {
    for (const layer of layers) {
      const candidates = layer.claims
        .filter(
          (c) =>
            c.field === spec.field &&
            usable(c) &&
            (spec.field !== "other" || c.label === spec.label),
        )
        .filter((c) => (key === "totalParams" ? ARCH_VARIANTS.has(c.variant) : true))
        .sort(
          (a, b) =>
            Number(!ARCH_VARIANTS.has(a.variant)) - Number(!ARCH_VARIANTS.has(b.variant)) ||
            compareClaims(a, b),
        );
      const best = candidates.find((c) => (TEXTUAL.has(key) ? true : c.valueNum !== null));
      if (!best) continue;
      inputs[key] = toInput(best, spec.label, layer.name, key);
      break;
    }
  }
  inputs.moe = own.some(
    (c) =>
      usable(c) &&
      (c.field === "experts" || c.field === "active_experts" || c.field === "active_params"),
  );
  for (const layer of layers) {
    const list = layer.claims.filter((c) => c.field === "unquantized_modules" && usable(c));
    if (list.length === 0) continue;
    inputs.unquantized = list
      .sort(compareClaims)
      .map((c) => toInput(c, "modules left unquantized", layer.name, null));
    break;
  }
  return inputs;
}

/** A model as the family walk needs it. */
export type ModelNode = { id: number; name: string; familyId: number | null };

/**
 * Each model's inputs from its own claims and its family chain's, nearest first (the catalog's
 * read model, the charts, the benchmark and the tests' oracle all walk the chain this way).
 * `models` must include the chains; claims are grouped once, not filtered per model.
 */
export function inputsByModel(
  models: ModelNode[],
  claims: ClaimRow[],
  ids: number[] = models.map((m) => m.id),
): Map<number, MemoryInputs> {
  const byId = new Map(models.map((m) => [m.id, m]));
  const own = new Map<number, ClaimRow[]>();
  for (const c of claims) {
    const list = own.get(c.modelId);
    if (list) list.push(c);
    else own.set(c.modelId, [c]);
  }
  const out = new Map<number, MemoryInputs>();
  for (const id of ids) {
    const families: { name: string; claims: ClaimRow[] }[] = [];
    const seen = new Set<number>([id]);
    for (let f = byId.get(id)?.familyId; f != null && !seen.has(f); f = byId.get(f)?.familyId) {
      seen.add(f);
      families.push({ name: byId.get(f)?.name ?? "", claims: own.get(f) ?? [] });
    }
    out.set(id, memoryInputsFrom(own.get(id) ?? [], families));
  }
  return out;
}

function toInput(
  c: ClaimRow,
  label: string,
  family: string | null,
  key: InputKey | null,
): MemoryInput {
  const textual = key === null || TEXTUAL.has(key);
  return {
    field: c.field,
    label,
    value: textual ? c.valueText : (c.valueNum as number),
    text: c.valueText,
    claimId: c.id,
    variant: c.variant,
    inheritedFrom: family,
    ...(key === "slidingLayers" ? { quote: c.quote } : {}),
  };
}

/** How many of `layers` use the sliding window, read from a layout claim; null if unreadable. */
export function slidingLayerCount(layout: string, layers: number): number | null {
  const t = layout.trim();
  // "sliding_attention and full_attention, alternating" (a layer_types list's summary).
  const alt = /^(\w+) and (\w+), alternating$/.exec(t);
  if (alt) {
    const first = /sliding|local/i.test(alt[1] as string);
    const second = /sliding|local/i.test(alt[2] as string);
    if (first === second) return null;
    return first ? Math.ceil(layers / 2) : Math.floor(layers / 2);
  }
  // "5 local layers with 1 global layer": a repeating block, global layers last in each block.
  const block = /^(\d+) local layers? with (\d+) global layers?$/i.exec(t);
  if (block) {
    const local = Number(block[1]);
    const global = Number(block[2]);
    const period = local + global;
    const full = Math.floor(layers / period) * global + Math.max(0, (layers % period) - local);
    return layers - full;
  }
  // sliding_window_pattern: every Nth layer attends globally.
  if (/^\d+$/.test(t)) {
    const every = Number(t);
    return every >= 1 ? layers - Math.floor(layers / every) : null;
  }
  // A layer_types list of one kind only.
  if (/^sliding_attention$/.test(t)) return layers;
  if (/^full_attention$/.test(t)) return 0;
  return null;
}

/**
 * Layers by what they cache, read from a config's layout as quoted: a list of layer kinds
 * ("full_attention", "sliding_attention", "linear_attention", "mamba", "moe", "attention") or a
 * hybrid pattern string ("MEMEM*E…", where * is attention). Layers that are neither full nor
 * sliding attention (linear attention, Mamba, MoE or MLP blocks) keep no cache that grows with
 * the context. Null when the quote is not such a layout.
 */
export function layerKinds(quote: string): { full: number; sliding: number; other: number } | null {
  const pattern = /"hybrid_override_pattern"\s*:\s*"([MEA*-]+)"/.exec(quote);
  if (pattern) {
    const p = pattern[1] as string;
    const full = [...p].filter((ch) => ch === "*").length;
    return { full, sliding: 0, other: p.length - full };
  }
  const list = /:\s*\[([\s\S]*)\]/.exec(quote);
  if (!list) return null;
  const kinds = [...(list[1] as string).matchAll(/"([a-z_]+)"/g)].map((m) => m[1] as string);
  if (kinds.length === 0) return null;
  let full = 0;
  let sliding = 0;
  for (const k of kinds) {
    if (k === "full_attention" || k === "attention") full++;
    else if (k === "sliding_attention") sliding++;
  }
  return { full, sliding, other: kinds.length - full - sliding };
}

/** A number for formulas: integers with thousands separators, others to four significant digits. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : Number(n.toPrecision(4)).toString();
}
/** Bytes as decimal gigabytes, the unit GPU vendors and the catalog use. */
export const gb = (bytes: number) => Number((bytes / 1e9).toPrecision(4));

type Term = { what: string; formula: string; bytes: number };

export type CachePlan = {
  ok: true;
  kind: "mla" | "gqa";
  /** Layers that keep no growing cache (linear attention, Mamba, MoE blocks of a hybrid layout). */
  cacheless: number;
  /** Bytes one token adds to the cache, per sequence, at the chosen cache format. */
  perTokenFull: number;
  /** Bytes one token adds in sliding-window layers (capped at `window` tokens in "window" mode). */
  perTokenSliding: number;
  window: number | null;
  describe: (tokens: number, batch: number, mode: SlidingCache) => Term[];
};

export type WeightPlan = {
  ok: true;
  /** Parameters kept at 16 bits whatever the format (embeddings, unconverted modules). */
  params16: number;
  /** Parameters stored in the chosen format. */
  paramsQuantized: number;
  terms: (format: WeightFormat) => Term[];
  notes: string[];
};

export type Missing = { ok: false; missing: string[] };

/** Which cited inputs the cache needs and how large one token of it is. */
export function planCache(inputs: MemoryInputs, kvFormat: KvFormat): CachePlan | Missing {
  const bytes = KV_FORMATS[kvFormat].bits / 8;
  const missing: string[] = [];
  const need = (k: InputKey) => {
    const v = inputs[k];
    if (!v || typeof v.value !== "number") {
      missing.push(INPUT_FIELDS[k].label);
      return 0;
    }
    return v.value;
  };
  const layout = inputs.slidingLayers?.quote ? layerKinds(inputs.slidingLayers.quote) : null;
  // A layout list names every layer: it counts them when no num_hidden_layers is stated.
  const layers =
    inputs.layers === undefined && layout
      ? layout.full + layout.sliding + layout.other
      : need("layers");
  if (/^true$/i.test(String(inputs.keysEqualValues?.value ?? "")))
    missing.push(
      "how a cache whose keys equal its values (attention_k_eq_v) is stored, which the estimator does not model",
    );
  if (inputs.kvLoraRank) {
    // Multi-head latent attention caches one compressed vector and one rotary key per layer.
    const rank = need("kvLoraRank");
    const rope = need("qkRopeHeadDim");
    if (missing.length) return { ok: false, missing };
    const per = layers * (rank + rope) * bytes;
    return {
      ok: true,
      kind: "mla",
      cacheless: 0,
      perTokenFull: per,
      perTokenSliding: 0,
      window: null,
      describe: (tokens, batch) => [
        {
          what: "MLA cache",
          formula: `${fmt(layers)} layers × (${fmt(rank)} + ${fmt(rope)}) × ${fmt(tokens)} tokens × ${fmt(bytes)} bytes${batch > 1 ? ` × ${batch} sequences` : ""}`,
          bytes: per * tokens * batch,
        },
      ],
    };
  }
  const kvHeads = need("kvHeads");
  let headDim = inputs.headDim?.value;
  if (typeof headDim !== "number") {
    const h = inputs.hiddenSize?.value;
    const a = inputs.attentionHeads?.value;
    if (typeof h === "number" && typeof a === "number" && Number.isInteger(h / a)) headDim = h / a;
    else {
      missing.push("head dimension (or hidden size and attention heads)");
      headDim = 0;
    }
  }
  let sliding = 0;
  let window: number | null = null;
  let cacheless = 0;
  let full = layers;
  if (layout && layout.full + layout.sliding + layout.other === layers) {
    // The config lists every layer's kind: only attention layers cache; sliding ones hold the window.
    if (layout.sliding > 0) {
      if (typeof inputs.slidingWindow?.value !== "number") missing.push("sliding window");
      else window = inputs.slidingWindow.value;
    }
    full = layout.full;
    sliding = layout.sliding;
    cacheless = layout.other;
  } else if (inputs.slidingWindow && typeof inputs.slidingWindow.value === "number") {
    window = inputs.slidingWindow.value;
    const named = inputs.slidingLayers;
    const count = named && layers ? slidingLayerCount(String(named.value), layers) : null;
    if (count === null)
      missing.push(
        named
          ? `a sliding-window layer layout the estimator can read (“${named.text}”)`
          : "which layers use the sliding window",
      );
    else {
      sliding = count;
      full = layers - count;
    }
  } else if (layout) {
    missing.push(
      `a layer layout that covers the ${fmt(layers)} layers (the config lists ${fmt(layout.full + layout.sliding + layout.other)})`,
    );
  }
  // Global layers with their own key/value shape (Gemma 4): the full-attention layers use it.
  const fullKv =
    sliding > 0 && typeof inputs.globalKvHeads?.value === "number"
      ? inputs.globalKvHeads.value
      : kvHeads;
  const fullHd =
    sliding > 0 && typeof inputs.globalHeadDim?.value === "number"
      ? inputs.globalHeadDim.value
      : headDim;
  if (missing.length) return { ok: false, missing };
  const perLayer = 2 * kvHeads * headDim * bytes;
  const perFullLayer = 2 * fullKv * fullHd * bytes;
  return {
    ok: true,
    kind: "gqa",
    cacheless,
    perTokenFull: full * perFullLayer,
    perTokenSliding: sliding * perLayer,
    window,
    describe: (tokens, batch, mode) => {
      const seq = batch > 1 ? ` × ${batch} sequences` : "";
      const terms: Term[] = [
        {
          what: sliding ? "cache, full-attention layers" : "key/value cache",
          formula: `2 × ${fmt(full)} layers × ${fmt(fullKv)} KV heads × ${fmt(fullHd)} head dim × ${fmt(tokens)} tokens × ${fmt(bytes)} bytes${seq}`,
          bytes: full * perFullLayer * tokens * batch,
        },
      ];
      if (sliding) {
        const held = mode === "window" ? Math.min(window ?? tokens, tokens) : tokens;
        terms.push({
          what: "cache, sliding-window layers",
          formula: `2 × ${fmt(sliding)} layers × ${fmt(kvHeads)} KV heads × ${fmt(headDim)} head dim × ${mode === "window" ? `min(${fmt(window ?? 0)}, ${fmt(tokens)})` : fmt(tokens)} tokens × ${fmt(bytes)} bytes${seq}`,
          bytes: sliding * perLayer * held * batch,
        });
      }
      return terms;
    },
  };
}

/** Module kinds a quantized checkpoint leaves at 16 bits, and the parameters each holds. */
function unconvertedParams(
  inputs: MemoryInputs,
  format: WeightFormat,
): {
  parts: { what: string; formula: string; params: number }[];
  unsized: string[];
  claims: MemoryInput[];
} {
  const parts: { what: string; formula: string; params: number }[] = [];
  const unsized: string[] = [];
  const claims: MemoryInput[] = [];
  const num = (k: InputKey) => {
    const v = inputs[k]?.value;
    return typeof v === "number" ? v : null;
  };
  const layers = num("layers");
  const hidden = num("hiddenSize");
  for (const claim of inputs.unquantized) {
    // A list belongs to the checkpoint it was read from: the model as named, or this format's.
    const v = claim.variant.toLowerCase();
    if (v !== "" && !v.includes(format.toLowerCase())) continue;
    claims.push(claim);
    for (const kind of String(claim.value).split(/,\s*/)) {
      const k = kind.trim();
      // Embeddings and the head are the embedding rule's; norms are a few thousand parameters.
      if (!k || /embed|lm_head|norm/i.test(k)) continue;
      if (
        /self_attn|attention/i.test(k) &&
        !inputs.kvLoraRank &&
        !parts.some((p) => p.what === "attention")
      ) {
        const heads = num("attentionHeads");
        const kv = num("kvHeads");
        const hd = num("headDim");
        if (layers && hidden && heads && kv && hd) {
          parts.push({
            what: "attention",
            formula: `${fmt(layers)} layers × ${fmt(hidden)} hidden × ${fmt(hd)} head dim × (2 × ${fmt(heads)} + 2 × ${fmt(kv)}) heads`,
            params: layers * hidden * hd * (2 * heads + 2 * kv),
          });
          continue;
        }
      }
      if (/(^|\.)(router|gate)$/i.test(k) && !parts.some((p) => p.what === "router")) {
        const experts = num("experts");
        if (layers && hidden && experts) {
          parts.push({
            what: "router",
            formula: `${fmt(layers)} layers × ${fmt(hidden)} hidden × ${fmt(experts)} experts`,
            params: layers * hidden * experts,
          });
          continue;
        }
      }
      if (!parts.some((p) => p.what === k)) unsized.push(k);
    }
  }
  return { parts, unsized: [...new Set(unsized)], claims };
}

/**
 * Parameters when no source states the count: a dense decoder's, from its config. Token
 * embedding (and an untied head), then per layer the attention projections and a gated
 * feed-forward (three matrices, as every dense config here has). Biases and norm weights (under
 * 0.1%) are left out. Never for mixture-of-experts models, whose expert layout no typed field
 * holds. Null when an input is missing.
 */
export function derivedParams(
  inputs: MemoryInputs,
): { value: number; formula: string; inputs: MemoryInput[] } | null {
  if (inputs.moe) return null;
  // Global layers with their own key/value shape (Gemma 4) have projections the formula lacks.
  if (inputs.globalKvHeads || inputs.globalHeadDim || inputs.keysEqualValues) return null;
  // Linear-attention or Mamba layers have other projections than the formula's attention.
  const layout = inputs.slidingLayers?.quote ? layerKinds(inputs.slidingLayers.quote) : null;
  if (layout && layout.other > 0) return null;
  const need = [
    "vocabSize",
    "hiddenSize",
    "tiedEmbeddings",
    "layers",
    "attentionHeads",
    "kvHeads",
    "intermediateSize",
  ] as const;
  const used = need.map((k) => inputs[k]);
  if (used.some((u) => u === undefined)) return null;
  const n = (k: (typeof need)[number]) => inputs[k]?.value as number;
  const tied = /^(true|yes)$/i.test(String(inputs.tiedEmbeddings?.value));
  if (!tied && !/^(false|no)$/i.test(String(inputs.tiedEmbeddings?.value))) return null;
  const h = n("hiddenSize");
  const heads = n("attentionHeads");
  const d = typeof inputs.headDim?.value === "number" ? inputs.headDim.value : h / heads;
  if (!Number.isInteger(d)) return null;
  const matrices = tied ? 1 : 2;
  const value =
    matrices * n("vocabSize") * h +
    n("layers") * (h * d * (2 * heads + 2 * n("kvHeads")) + 3 * h * n("intermediateSize"));
  return {
    value,
    formula: `${matrices === 1 ? "" : "2 × "}${fmt(n("vocabSize"))} vocabulary × ${fmt(h)} hidden + ${fmt(n("layers"))} layers × (${fmt(h)} × ${fmt(d)} head dim × (2 × ${fmt(heads)} + 2 × ${fmt(n("kvHeads"))}) heads + 3 × ${fmt(h)} × ${fmt(n("intermediateSize"))} feed-forward)`,
    inputs: [...used, ...(inputs.headDim ? [inputs.headDim] : [])] as MemoryInput[],
  };
}

/** Total parameters: the cited count, else the count derived from the config. */
function totalOf(
  inputs: MemoryInputs,
): { value: number; label: string; derived: ReturnType<typeof derivedParams> } | null {
  const cited = inputs.totalParams?.value;
  if (typeof cited === "number") return { value: cited, label: fmt(cited), derived: null };
  const derived = derivedParams(inputs);
  return derived ? { value: derived.value, label: fmt(derived.value), derived } : null;
}

/**
 * Weights: total parameters at the format's bits, except what every quantized checkpoint keeps at
 * 16 bits: the token embedding (vocabulary × hidden), the output head when it is not tied to the
 * embedding, and the modules a cited config leaves unconverted.
 */
export function planWeights(inputs: MemoryInputs, format: WeightFormat): WeightPlan | Missing {
  const missing: string[] = [];
  const counted = totalOf(inputs);
  const total = counted?.value;
  if (total === undefined) missing.push("total parameters");
  const derivedNote = counted?.derived
    ? [
        `No source states the parameter count: ${fmt(counted.value)} is derived from the config as ${counted.derived.formula}.`,
      ]
    : [];
  const bits = WEIGHT_FORMATS[format].bits;
  if (bits >= 16) {
    if (missing.length) return { ok: false, missing };
    const t = total as number;
    return {
      ok: true,
      params16: t,
      paramsQuantized: 0,
      notes: derivedNote,
      terms: (f) => [
        {
          what: "weights",
          formula: `${fmt(t)} parameters × ${WEIGHT_FORMATS[f].bits} bits ÷ 8`,
          bytes: (t * WEIGHT_FORMATS[f].bits) / 8,
        },
      ],
    };
  }
  const vocab = inputs.vocabSize?.value;
  const hidden = inputs.hiddenSize?.value;
  const tied = inputs.tiedEmbeddings?.value;
  if (typeof vocab !== "number") missing.push("vocabulary size (the embedding stays at 16 bits)");
  if (typeof hidden !== "number") missing.push("hidden size (the embedding stays at 16 bits)");
  if (typeof tied !== "string" || !/^(true|false|yes|no)$/i.test(tied))
    missing.push("whether the output head is tied to the embedding");
  if (missing.length) return { ok: false, missing };
  const matrices = /^(true|yes)$/i.test(tied as string) ? 1 : 2;
  const embedding = matrices * (vocab as number) * (hidden as number);
  const extra = unconvertedParams(inputs, format);
  const keptParts = [
    {
      what: matrices === 1 ? "embedding (tied head)" : "embedding and head",
      formula: `${matrices === 1 ? "" : "2 × "}${fmt(vocab as number)} vocabulary × ${fmt(hidden as number)} hidden`,
      params: embedding,
    },
    ...extra.parts,
  ];
  const params16 = Math.min(
    total as number,
    keptParts.reduce((s, p) => s + p.params, 0),
  );
  const quantized = (total as number) - params16;
  const notes = [
    ...derivedNote,
    ...(extra.unsized.length
      ? [
          `The config also leaves ${extra.unsized.join(", ")} unquantized; the cited inputs do not give their size, so they are counted at the format's bits (an underestimate).`,
        ]
      : []),
  ];
  return {
    ok: true,
    params16,
    paramsQuantized: quantized,
    notes,
    terms: (f) => {
      const b = WEIGHT_FORMATS[f].bits;
      return [
        {
          what: `weights kept at 16 bits (${keptParts.map((p) => p.what).join(", ")})`,
          formula: `(${keptParts.map((p) => p.formula).join(" + ")}) = ${fmt(params16)} parameters × 16 bits ÷ 8`,
          bytes: params16 * 2,
        },
        {
          what: `weights in ${f}`,
          formula: `(${fmt(total as number)} − ${fmt(params16)}) parameters × ${fmt(b)} bits ÷ 8`,
          bytes: (quantized * b) / 8,
        },
      ];
    },
  };
}

export type MemoryEstimate = {
  ok: true;
  options: MemoryOptions;
  weightsBytes: number;
  kvCacheBytes: number;
  overheadBytes: number;
  totalBytes: number;
  /** Each term with its numbers substituted, in order; the last line is the total. */
  formula: { what: string; formula: string; bytes: number }[];
  inputs: MemoryInput[];
  notes: string[];
};

/** Every input the sources state for a model, for showing what is there when an estimate is not. */
export function statedInputs(inputs: MemoryInputs): MemoryInput[] {
  const { unquantized, moe: _, ...keyed } = inputs;
  return [...Object.values(keyed).flatMap((i) => (i ? [i] : [])), ...unquantized];
}

/** The inputs an estimate cites (the claims a reader can open), without duplicates. */
function citedInputs(inputs: MemoryInputs, format: WeightFormat): MemoryInput[] {
  const keys: InputKey[] = [
    "totalParams",
    "layers",
    "kvHeads",
    "headDim",
    "hiddenSize",
    "attentionHeads",
    "kvLoraRank",
    "qkRopeHeadDim",
    "slidingWindow",
    "slidingLayers",
    "globalKvHeads",
    "globalHeadDim",
  ];
  if (WEIGHT_FORMATS[format].bits < 16) keys.push("vocabSize", "tiedEmbeddings", "experts");
  const list = keys.flatMap((k) => inputs[k] ?? []);
  if (!inputs.totalParams) list.push(...(derivedParams(inputs)?.inputs ?? []));
  if (WEIGHT_FORMATS[format].bits < 16) list.push(...unconvertedParams(inputs, format).claims);
  return list.filter((x, i) => list.findIndex((y) => y.claimId === x.claimId) === i);
}

export function estimateMemory(
  inputs: MemoryInputs,
  options: MemoryOptions,
): MemoryEstimate | Missing {
  const weights = planWeights(inputs, options.format);
  const cache = planCache(inputs, options.kvFormat);
  const missing = [
    ...(weights.ok === false ? weights.missing : []),
    ...(cache.ok === false ? cache.missing : []),
  ];
  if (weights.ok === false || cache.ok === false) return { ok: false, missing };
  const wTerms = weights.terms(options.format);
  const cTerms = cache.describe(options.context, options.batch, options.slidingCache);
  const weightsBytes = wTerms.reduce((s, t) => s + t.bytes, 0);
  const kvCacheBytes = cTerms.reduce((s, t) => s + t.bytes, 0);
  const overheadBytes = OVERHEAD.fraction * (weightsBytes + kvCacheBytes) + OVERHEAD.fixedBytes;
  const totalBytes = weightsBytes + kvCacheBytes + overheadBytes;
  const notes = [...weights.notes];
  if (cache.cacheless > 0)
    notes.push(
      `${cache.cacheless} layers of the layout (linear attention, Mamba or MoE blocks) keep no cache that grows with the context; their fixed-size state is not counted.`,
    );
  if (cache.kind === "gqa" && cache.perTokenSliding > 0)
    notes.push(
      options.slidingCache === "window"
        ? "Sliding-window layers keep only the window, as Transformers and llama.cpp cache them; an engine that pages every layer alike keeps every token there too."
        : "Sliding-window layers keep every token, as an engine that pages every layer alike does.",
    );
  const max = inputs.maxPositions?.value;
  if (typeof max === "number" && options.context > max)
    notes.push(
      `${fmt(options.context)} tokens is more than the ${fmt(max)} positions the config states.`,
    );
  return {
    ok: true,
    options,
    weightsBytes,
    kvCacheBytes,
    overheadBytes,
    totalBytes,
    formula: [
      ...wTerms,
      ...cTerms,
      {
        what: "overhead",
        formula: `${OVERHEAD.fraction * 100}% × (weights + cache) + ${fmt(OVERHEAD.fixedBytes / 2 ** 20)} MiB`,
        bytes: overheadBytes,
      },
    ],
    inputs: citedInputs(inputs, options.format),
    notes,
  };
}

/**
 * The most tokens whose total fits in `budgetBytes` (0 when not even the weights fit, capped at
 * `cap`). Memory grows linearly in tokens with one kink where sliding layers stop growing, so
 * the answer is solved on each side of the window, not searched.
 */
export function maxContext(
  inputs: MemoryInputs,
  options: Omit<MemoryOptions, "context">,
  budgetBytes: number,
  cap = 1e8,
): number | Missing {
  const weights = planWeights(inputs, options.format);
  const cache = planCache(inputs, options.kvFormat);
  if (weights.ok === false || cache.ok === false)
    return {
      ok: false,
      missing: [
        ...(weights.ok === false ? weights.missing : []),
        ...(cache.ok === false ? cache.missing : []),
      ],
    };
  const w = weights.terms(options.format).reduce((s, t) => s + t.bytes, 0);
  // total(t) = (1 + f) × (w + batch × cache(t)) + fixed  ≤  budget
  const room = (budgetBytes - OVERHEAD.fixedBytes) / (1 + OVERHEAD.fraction) - w;
  if (room < 0) return 0;
  const perSeq = room / options.batch;
  const slidingCapped = options.slidingCache === "window" && cache.window !== null;
  const grow = cache.perTokenFull + cache.perTokenSliding;
  let tokens = grow > 0 ? perSeq / grow : cap;
  if (slidingCapped && tokens > (cache.window as number)) {
    const atWindow = cache.perTokenSliding * (cache.window as number);
    tokens = cache.perTokenFull > 0 ? (perSeq - atWindow) / cache.perTokenFull : cap;
  }
  return Math.max(0, Math.min(cap, Math.floor(tokens)));
}

/**
 * What the catalog stores per model so SQL can answer "fits in N GB at K tokens" without loading
 * claims: parameters, the share kept at 16 bits under quantization, and the cache's growth per
 * token at 16 bits (full-attention layers, and sliding layers up to the window). Null where an
 * input is missing. Unconverted-module lists count when they are the model-as-named checkpoint's.
 */
export type MemoryProfile = {
  params: number | null;
  params16: number | null;
  kvFull: number | null;
  kvSliding: number | null;
  kvWindow: number | null;
};

export function memoryProfile(inputs: MemoryInputs): MemoryProfile {
  const total = totalOf(inputs)?.value;
  const w = planWeights(
    { ...inputs, unquantized: inputs.unquantized.filter((u) => u.variant === "") },
    "INT4",
  );
  const c = planCache(inputs, "BF16");
  return {
    params: total ?? null,
    params16: w.ok ? w.params16 : null,
    kvFull: c.ok ? c.perTokenFull : null,
    kvSliding: c.ok ? c.perTokenSliding : null,
    kvWindow: c.ok ? c.window : null,
  };
}

export type FitQuery = { gb: number; context: number; format: WeightFormat };

/**
 * The total a profile needs (bytes), KV cache at 16 bits, batch 1, sliding layers holding their
 * window; null when unknown. The SQL filter (db/queries/catalog.ts) writes the same arithmetic.
 */
export function profileBytes(p: MemoryProfile, q: Omit<FitQuery, "gb">): number | null {
  const bits = WEIGHT_FORMATS[q.format].bits;
  if (p.params === null || p.kvFull === null || p.kvSliding === null) return null;
  let weights: number;
  if (bits >= 16) weights = (p.params * bits) / 8;
  else if (p.params16 === null) return null;
  else weights = p.params16 * 2 + ((p.params - p.params16) * bits) / 8;
  const held = p.kvWindow === null ? q.context : Math.min(p.kvWindow, q.context);
  const kv = p.kvFull * q.context + p.kvSliding * held;
  return (1 + OVERHEAD.fraction) * (weights + kv) + OVERHEAD.fixedBytes;
}
