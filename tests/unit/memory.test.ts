import { describe, expect, it } from "vitest";
import type { ClaimRow } from "@/db/domain/catalog";
import { releasedSince } from "@/db/domain/catalog-query";
import {
  derivedParams,
  estimateMemory,
  layerKinds,
  type MemoryInputs,
  maxContext,
  memoryInputsFrom,
  memoryProfile,
  OVERHEAD,
  profileBytes,
  slidingLayerCount,
} from "@/db/domain/memory";
import { formatOfVariant, measuredBytes, parseMemoryQuery } from "@/db/domain/memory-query";
import { claimRow } from "../helpers/claim-row";

let nextId = 1;
const claim = (over: Partial<ClaimRow>): ClaimRow => claimRow({ id: nextId++, ...over });
const num = (field: ClaimRow["field"], n: number, over: Partial<ClaimRow> = {}) =>
  claim({ field, valueNum: n, valueText: String(n), ...over });
const text = (field: ClaimRow["field"], t: string, over: Partial<ClaimRow> = {}) =>
  claim({ field, valueText: t, ...over });

// Qwen3-8B as its config states it: 36 layers, 8 KV heads of 128, vocabulary 151,936 × 4,096,
// untied head; 8.2B parameters as its card states.
const qwen3_8b = (): MemoryInputs =>
  memoryInputsFrom([
    num("total_params", 8.2e9),
    num("layers", 36),
    num("attention_heads", 32),
    num("kv_heads", 8),
    num("head_dim", 128),
    num("hidden_size", 4096),
    num("vocab_size", 151936),
    text("tied_embeddings", "false"),
  ]);
const opts = { format: "BF16", kvFormat: "BF16", batch: 1, slidingCache: "window" } as const;
const overhead = (bytes: number) => bytes * OVERHEAD.fraction + OVERHEAD.fixedBytes;

describe("memory estimate (hand-worked)", () => {
  it("full attention: 2 × layers × KV heads × head dim × tokens × bytes", () => {
    const e = estimateMemory(qwen3_8b(), { ...opts, context: 32768 });
    if (!e.ok) throw new Error(e.missing.join());
    // 2 × 36 × 8 × 128 × 2 bytes = 147,456 bytes a token; × 32,768 = 4,831,838,208.
    expect(e.kvCacheBytes).toBe(4_831_838_208);
    expect(e.weightsBytes).toBe(16.4e9);
    expect(e.overheadBytes).toBeCloseTo(overhead(16.4e9 + 4_831_838_208), 3);
    expect(e.totalBytes).toBeCloseTo(e.weightsBytes + e.kvCacheBytes + e.overheadBytes, 3);
    expect(e.formula.map((t) => t.formula)).toContain(
      "2 × 36 layers × 8 KV heads × 128 head dim × 32,768 tokens × 2 bytes",
    );
    // Every input named with its claim.
    expect(e.inputs.map((i) => i.field)).toEqual(
      expect.arrayContaining(["total_params", "layers", "kv_heads", "head_dim"]),
    );
  });

  it("cache formats and batch scale the cache only", () => {
    const fp8 = estimateMemory(qwen3_8b(), { ...opts, context: 32768, kvFormat: "FP8", batch: 4 });
    const q4 = estimateMemory(qwen3_8b(), { ...opts, context: 32768, kvFormat: "Q4" });
    if (!fp8.ok || !q4.ok) throw new Error("no estimate");
    expect(fp8.kvCacheBytes).toBe(4_831_838_208 * 2); // half the bytes, four sequences
    expect(q4.kvCacheBytes).toBe((4_831_838_208 * 4.5) / 16);
    expect(fp8.weightsBytes).toBe(16.4e9);
  });

  it("quantized weights keep the embedding and an untied head at 16 bits", () => {
    const e = estimateMemory(qwen3_8b(), { ...opts, context: 1, format: "INT4" });
    if (!e.ok) throw new Error(e.missing.join());
    const kept = 2 * 151936 * 4096; // 1,244,659,712 parameters
    expect(e.weightsBytes).toBeCloseTo(kept * 2 + ((8.2e9 - kept) * (4 + 20 / 128)) / 8, 0);
    const tied = memoryInputsFrom([
      num("total_params", 8.2e9),
      num("vocab_size", 151936),
      num("hidden_size", 4096),
      text("tied_embeddings", "true"),
      num("layers", 36),
      num("kv_heads", 8),
      num("head_dim", 128),
    ]);
    const t = estimateMemory(tied, { ...opts, context: 1, format: "INT4" });
    if (!t.ok) throw new Error(t.missing.join());
    expect(t.weightsBytes).toBeLessThan(e.weightsBytes);
  });

  it("names every missing input and gives no number", () => {
    const e = estimateMemory(memoryInputsFrom([num("total_params", 7e9), num("layers", 32)]), {
      ...opts,
      context: 4096,
      format: "INT4",
    });
    expect(e).toEqual({
      ok: false,
      missing: [
        "vocabulary size (the embedding stays at 16 bits)",
        "hidden size (the embedding stays at 16 bits)",
        "whether the output head is tied to the embedding",
        "key/value heads",
        "head dimension (or hidden size and attention heads)",
      ],
    });
  });

  it("sliding-window layers hold at most the window, or every token when asked", () => {
    // gpt-oss-20b: 24 layers alternating sliding (window 128) and full, 8 KV heads of 64.
    const inputs = memoryInputsFrom([
      num("total_params", 21e9),
      num("layers", 24),
      num("kv_heads", 8),
      num("head_dim", 64),
      num("sliding_window", 128),
      text("sliding_window_layers", "sliding_attention and full_attention, alternating"),
    ]);
    const w = estimateMemory(inputs, { ...opts, context: 131072 });
    const f = estimateMemory(inputs, { ...opts, context: 131072, slidingCache: "full" });
    if (!w.ok || !f.ok) throw new Error("no estimate");
    const perLayer = 2 * 8 * 64 * 2; // 2,048 bytes a token
    expect(w.kvCacheBytes).toBe(12 * perLayer * 131072 + 12 * perLayer * 128);
    expect(f.kvCacheBytes).toBe(24 * perLayer * 131072);
    expect(w.notes.join()).toMatch(/keep only the window/);
  });

  it("reads the layer layouts the sources write", () => {
    expect(slidingLayerCount("sliding_attention and full_attention, alternating", 36)).toBe(18);
    expect(slidingLayerCount("full_attention and sliding_attention, alternating", 5)).toBe(2);
    // Gemma 3 27B: 62 layers, 5 local then 1 global: 10 global, 52 local.
    expect(slidingLayerCount("5 local layers with 1 global layer", 62)).toBe(52);
    expect(slidingLayerCount("6", 62)).toBe(52);
    expect(slidingLayerCount("something else", 62)).toBeNull();
  });

  it("multi-head latent attention caches (kv_lora_rank + qk_rope_head_dim) per layer", () => {
    const inputs = memoryInputsFrom([
      num("total_params", 671e9),
      num("layers", 61),
      num("kv_heads", 128),
      num("kv_lora_rank", 512),
      num("qk_rope_head_dim", 64),
    ]);
    const e = estimateMemory(inputs, { ...opts, context: 131072 });
    if (!e.ok) throw new Error(e.missing.join());
    expect(e.kvCacheBytes).toBe(61 * (512 + 64) * 131072 * 2);
    const noRope = memoryInputsFrom([
      num("total_params", 671e9),
      num("layers", 61),
      num("kv_lora_rank", 512),
    ]);
    expect(estimateMemory(noRope, { ...opts, context: 1 })).toEqual({
      ok: false,
      missing: ["MLA qk_rope_head_dim"],
    });
  });

  it("MXFP4 with unconverted attention and router, as gpt-oss's config lists them", () => {
    const inputs = memoryInputsFrom([
      num("total_params", 21e9),
      num("layers", 24),
      num("hidden_size", 2880),
      num("attention_heads", 64),
      num("kv_heads", 8),
      num("head_dim", 64),
      num("experts", 32),
      num("vocab_size", 201088),
      text("tied_embeddings", "false"),
      text("unquantized_modules", "self_attn, mlp.router, embed_tokens, lm_head"),
    ]);
    const e = estimateMemory(inputs, { ...opts, context: 1, format: "MXFP4" });
    if (!e.ok) throw new Error(e.missing.join());
    const kept = 2 * 201088 * 2880 + 24 * 2880 * 64 * (2 * 64 + 2 * 8) + 24 * 2880 * 32;
    expect(e.weightsBytes).toBeCloseTo(kept * 2 + ((21e9 - kept) * 4.25) / 8, 0);
    expect(e.notes).toEqual([]);
  });

  it("a model's own claim beats its family's; a family fills what the model lacks", () => {
    const inputs = memoryInputsFrom(
      [num("sliding_window", 1024)],
      [
        {
          name: "Gemma 3",
          claims: [
            num("sliding_window", 4096),
            text("sliding_window_layers", "5 local layers with 1 global layer"),
          ],
        },
      ],
    );
    expect(inputs.slidingWindow?.value).toBe(1024);
    expect(inputs.slidingLayers?.inheritedFrom).toBe("Gemma 3");
  });

  it("never uses forecasts, deprecated claims or a quantized checkpoint's parameter count", () => {
    const inputs = memoryInputsFrom([
      num("total_params", 9e9, { provenance: "forecast" }),
      num("total_params", 8e9, { rank: "deprecated" }),
      num("total_params", 2e9, { variant: "GPTQ-Int4" }),
    ]);
    expect(inputs.totalParams).toBeUndefined();
  });

  it("solves the longest context that fits, on both sides of the window", () => {
    const inputs = qwen3_8b();
    const budget = 24e9;
    const t = maxContext(inputs, opts, budget);
    if (typeof t !== "number") throw new Error("no answer");
    const at = (n: number) => {
      const e = estimateMemory(inputs, { ...opts, context: n });
      return e.ok ? e.totalBytes : Number.NaN;
    };
    expect(at(t)).toBeLessThanOrEqual(budget);
    expect(at(t + 1)).toBeGreaterThan(budget);
    expect(maxContext(inputs, opts, 10e9)).toBe(0);
  });

  it("the stored profile gives the same total as the estimate", () => {
    const inputs = qwen3_8b();
    for (const format of ["BF16", "FP8", "INT4"] as const) {
      const e = estimateMemory(inputs, { ...opts, format, context: 65536 });
      if (!e.ok) throw new Error("no estimate");
      expect(profileBytes(memoryProfile(inputs), { format, context: 65536 })).toBeCloseTo(
        e.totalBytes,
        0,
      );
    }
  });
});

describe("measured figures and URL state", () => {
  it("reads measurement units as binary and formats from variants", () => {
    expect(measuredBytes("15947 MB")).toBe(15947 * 2 ** 20);
    expect(measuredBytes("39.91 GB GPU memory")).toBe(39.91 * 2 ** 30);
    expect(measuredBytes("about 16 GB")).toBeNull();
    expect(formatOfVariant("")).toBe("BF16");
    expect(formatOfVariant("AWQ-INT4")).toBe("INT4");
    expect(formatOfVariant("GPTQ-Int8")).toBe("INT8");
    expect(formatOfVariant("SpinQuant")).toBeNull();
  });

  it("names each bad parameter and keeps the rest", () => {
    const { query, errors } = parseMemoryQuery({
      context: "128K",
      format: "int4",
      batch: "0",
      kvFormat: "Q3",
    });
    expect(query.context).toBe(131072);
    expect(query.format).toBe("INT4");
    expect(query.batch).toBe(1);
    expect(errors.map((e) => e.param)).toEqual(["kvFormat", "batch"]);
  });
});

describe("parameters derived from a config", () => {
  it("matches the counts publishers state (Qwen2.5-72B 72.7B, Llama 3.2 1B 1.23B)", () => {
    const qwen = memoryInputsFrom([
      num("vocab_size", 152064),
      num("hidden_size", 8192),
      text("tied_embeddings", "false"),
      num("layers", 80),
      num("attention_heads", 64),
      num("kv_heads", 8),
      num("intermediate_size", 29568),
    ]);
    // 2 × 152,064 × 8,192 + 80 × (8,192 × 128 × (2 × 64 + 2 × 8) + 3 × 8,192 × 29,568).
    expect(derivedParams(qwen)?.value).toBe(72_704_065_536);
    const llama = memoryInputsFrom([
      num("vocab_size", 128256),
      num("hidden_size", 2048),
      text("tied_embeddings", "true"),
      num("layers", 16),
      num("attention_heads", 32),
      num("kv_heads", 8),
      num("head_dim", 64),
      num("intermediate_size", 8192),
    ]);
    expect(derivedParams(llama)?.value).toBe(1_235_746_816);
    const e = estimateMemory(llama, { ...opts, context: 1 });
    if (!e.ok) throw new Error(e.missing.join());
    expect(e.weightsBytes).toBe(1_235_746_816 * 2);
    expect(e.notes[0]).toMatch(/No source states the parameter count: 1,235,746,816 is derived/);
    expect(e.inputs.map((i) => i.field)).toContain("intermediate_size");
  });

  it("is never derived for a mixture-of-experts model or with an input missing", () => {
    const moe = memoryInputsFrom([
      num("vocab_size", 151936),
      num("hidden_size", 2048),
      text("tied_embeddings", "false"),
      num("layers", 48),
      num("attention_heads", 32),
      num("kv_heads", 4),
      num("intermediate_size", 6144),
      num("experts", 128),
    ]);
    expect(derivedParams(moe)).toBeNull();
    expect(derivedParams(memoryInputsFrom([num("hidden_size", 2048)]))).toBeNull();
  });
});

describe("hybrid layouts", () => {
  it("caches only the attention layers of a linear-attention or Mamba hybrid", () => {
    // Qwen3.5-style: three linear_attention layers per full_attention layer, 8 layers.
    const kinds = Array.from({ length: 8 }, (_, i) =>
      i % 4 === 3 ? "full_attention" : "linear_attention",
    );
    const qwen = memoryInputsFrom([
      num("total_params", 1e9),
      num("layers", 8),
      num("kv_heads", 2),
      num("head_dim", 256),
      claim({
        field: "sliding_window_layers",
        valueText: "linear_attention, full_attention",
        quote: `"layer_types": ${JSON.stringify(kinds)}`,
      }),
    ]);
    const e = estimateMemory(qwen, { ...opts, context: 1000 });
    if (!e.ok) throw new Error(e.missing.join());
    expect(e.kvCacheBytes).toBe(2 * 2 * 2 * 256 * 1000 * 2); // 2 attention layers
    expect(e.notes.join()).toMatch(/6 layers of the layout/);
    // Nemotron-style pattern: * is attention, M and E keep no cache.
    expect(layerKinds('"hybrid_override_pattern": "MEM*EME*"')).toEqual({
      full: 2,
      sliding: 0,
      other: 6,
    });
    expect(layerKinds('"layers_block_type": ["mamba", "moe", "attention"]')).toEqual({
      full: 1,
      sliding: 0,
      other: 2,
    });
  });
});

describe("released in the last N months", () => {
  it("counts back calendar months, clamping to the month's last day", () => {
    const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect(day(releasedSince(3, at("2026-11-24")))).toBe("2026-08-24");
    expect(day(releasedSince(3, at("2026-05-31")))).toBe("2026-02-28");
    expect(day(releasedSince(12, at("2024-02-29")))).toBe("2023-02-28");
    expect(day(releasedSince(6, at("2026-01-15")))).toBe("2025-07-15");
  });
});
