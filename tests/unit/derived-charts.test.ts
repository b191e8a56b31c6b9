import { describe, expect, it } from "vitest";
import type { CatalogRow, Cell, ClaimRow } from "@/db/domain/catalog";
import { columnChart, hardwareFit, memoryChart, paramsChart } from "@/db/domain/charts";
import { estimateWeightMemory, formatsNamed } from "@/db/domain/derived";
import { OVERHEAD } from "@/db/domain/memory";
import { claimRow } from "../helpers/claim-row";

const cell = (over: Partial<Cell>): Cell => ({
  claimId: 1,
  text: "",
  num: null,
  unit: null,
  qualifier: "exact",
  provenance: "publisher",
  settings: "",
  variant: "",
  condition: "",
  sourceTitle: "S",
  count: 1,
  conflicting: 0,
  differs: false,
  extended: null,
  viaFamily: null,
  ...over,
});
const row = (
  slug: string,
  cells: CatalogRow["cells"],
  arch: CatalogRow["architectureKind"] = null,
): CatalogRow => ({
  id: slug.length,
  slug,
  name: slug.toUpperCase(),
  developer: "D",
  status: "released",
  family: null,
  families: [],
  architectureKind: arch,
  licenseName: null,
  provenances: [],
  cells,
});
const claim = (over: Partial<ClaimRow>): ClaimRow =>
  claimRow({ field: "quantization", quote: "", ...over });

describe("weight memory estimate", () => {
  it("is total parameters × bits ÷ 8 in decimal GB, per named format", () => {
    const est = estimateWeightMemory({ id: 1, value: 117e9, text: "117B" }, [
      // One format per claim, for all weights (the MoE-only case is a range: comparison.test.ts).
      { id: 2, text: "weights released in MXFP4" },
      { id: 3, text: "native FP4" },
      { id: 4, text: "also released as BF16 weights" },
    ]);
    expect(est.map((e) => [e.format, e.gb])).toEqual([
      ["MXFP4", 62.16],
      ["BF16/FP16", 234],
    ]);
    expect(est[0]?.formula).toBe("117B parameters × 4.25 bits ÷ 8 = 62.16 GB of weights");
    expect(est[0]?.inputs).toEqual({ paramsClaimId: 1, formatClaimId: 2 });
  });

  it("does not mistake activation precision for a weight format", () => {
    expect(formatsNamed("4-bit groupwise weights + 8-bit dynamic activations")).toEqual([
      { format: "4-bit integer", bits: 4 },
    ]);
    expect(formatsNamed("We also recommend using BF16 as the activation precision")).toEqual([]);
    expect(
      formatsNamed(
        "these models run natively at an FP4 quantization, which means that they have a smaller GPU memory footprint than a 120 billion parameter model at FP16",
      ),
    ).toEqual([{ format: "FP4", bits: 4 }]);
  });

  it("fits models by the memory estimate at a context, naming what is missing", () => {
    const input = (field: ClaimRow["field"], value: number | string, claimId: number) => ({
      field,
      label: field,
      value,
      text: String(value),
      claimId,
      variant: "",
      inheritedFrom: null,
    });
    // 1B parameters, 10 layers × 2 KV heads × 64 dims: 5,120 bytes of cache per token at 16 bits.
    const small = {
      unquantized: [],
      totalParams: input("total_params", 1e9, 8),
      layers: input("layers", 10, 9),
      kvHeads: input("kv_heads", 2, 10),
      headDim: input("head_dim", 64, 11),
    };
    const rows = [
      row("small", { total_params: cell({ num: 1e9, text: "1B", claimId: 8 }) }),
      row("unknown", { total_params: cell({ num: 7e9, text: "7B" }) }),
    ];
    const inputs = new Map([["small", small]]);
    const ids = new Map([["small", 1]]);
    const at = (gb: number, context: number) =>
      hardwareFit(rows, [], ids, inputs, { gb, format: "BF16", context });
    // (2 GB of weights + 5,120 × 100,000 = 0.512 GB of cache) × (1 + fraction) + fixed.
    const need = (2e9 + 0.512e9) * (1 + OVERHEAD.fraction) + OVERHEAD.fixedBytes;
    const fit = at(3, 100_000);
    expect(fit.points.map((p) => [p.slug, p.gb, p.fits])).toEqual([
      ["small", Number((need / 1e9).toPrecision(4)), true],
    ]);
    expect(at(need / 1e9 - 0.01, 100_000).points[0]?.fits).toBe(false);
    // The same budget fits at a shorter context: the cache is what grew.
    expect(at(need / 1e9 - 0.01, 10_000).points[0]?.fits).toBe(true);
    expect(fit.missing).toEqual([
      "UNKNOWN (total parameters; layers; key/value heads; head dimension (or hidden size and attention heads))",
    ]);
  });
});

describe("chart data shaping", () => {
  it("leaves unknown values out (and lists them) instead of plotting zero", () => {
    const rows = [
      row("a", { context_window: cell({ num: 131072, text: "128K" }) }),
      row("b", { context_window: cell({ num: null, text: "long" }) }),
      row("c", {}),
    ];
    const ctx = columnChart(rows, "context_window");
    expect(ctx.points.map((p) => p.slug)).toEqual(["a"]);
    expect(ctx.missing).toEqual(["B", "C"]);
    expect(ctx.points.every((p) => p.value > 0)).toBe(true);
  });

  it("plots active parameters only where a source states them", () => {
    const rows = [
      row("dense", { total_params: cell({ num: 70e9, text: "70B" }) }),
      row("none", {}),
    ];
    const p = paramsChart(rows);
    expect(p.points).toHaveLength(1);
    expect(p.points[0]?.active).toBeNull();
    expect(p.missing).toEqual(["NONE"]);
  });

  it("puts quoted memory figures beside derived estimates, labelled by kind", () => {
    const rows = [row("m", { total_params: cell({ num: 24e9, text: "24B", claimId: 5 }) })];
    const claims = [
      claim({
        id: 9,
        field: "memory_footprint",
        valueText: "~55 GB GPU RAM in bf16/fp16",
        valueNum: 55,
        qualifier: "approx",
        quote: "requires ~55 GB of GPU RAM in bf16 or fp16",
      }),
    ];
    const bars = memoryChart(rows, claims, new Map([["m", 1]])).points;
    expect(bars.map((b) => [b.kind, b.gb])).toEqual([
      ["quoted", 55],
      ["derived", 48],
    ]);
    expect(bars[1]?.formula).toMatch(/24B parameters × 16 bits ÷ 8 = 48 GB/);
  });
});
