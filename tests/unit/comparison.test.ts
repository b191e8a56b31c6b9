import { describe, expect, it } from "vitest";
import {
  agreementWith,
  type Comparable,
  relation,
  subjectPreference,
} from "@/db/domain/comparison";
import { estimateWeightMemory } from "@/db/domain/derived";
import { splitVariant } from "@/seed/build";

/* The comparison rules, on the real cases issue 13 found in the catalog. */

let nextSource = 0;
const claim = (over: Partial<Omit<Comparable, "source">> & { source?: string }): Comparable => ({
  modelId: 1,
  field: "benchmark",
  label: "MMLU",
  variant: "",
  condition: "",
  settings: "",
  valueText: "",
  valueNum: null,
  valueDate: null,
  qualifier: "exact",
  ...over,
  source: { slug: over.source ?? `source-${nextSource++}` },
});

describe("what is a conflict", () => {
  it.each([
    [
      "DeepSeek-V3: base 87.1 vs chat 88.5 (different checkpoints)",
      claim({ variant: "base", settings: "5-shot", valueText: "87.1", valueNum: 87.1 }),
      claim({ variant: "instruct", settings: "EM", valueText: "88.5", valueNum: 88.5 }),
      "unrelated",
    ],
    [
      "Gemma 3 27B: PT vs IT MMLU-Pro",
      claim({ label: "MMLU-Pro", variant: "base", valueNum: 52.2 }),
      claim({ label: "MMLU Pro", variant: "instruct", valueNum: 67.5 }),
      "unrelated",
    ],
    [
      "Qwen3-235B: 32,768 native vs 131,072 with YaRN",
      claim({ field: "context_window", label: "", condition: "native", valueNum: 32768 }),
      claim({
        field: "context_window",
        label: "",
        condition: "extended",
        settings: "YaRN",
        valueNum: 131072,
      }),
      "unrelated",
    ],
    [
      "Qwen2.5-72B memory: BF16 vs a GPTQ-Int4 checkpoint",
      claim({ field: "memory_footprint", label: "", valueNum: 136.2, qualifier: "exact" }),
      claim({ field: "memory_footprint", label: "", variant: "GPTQ-Int4", valueNum: 41.8 }),
      "unrelated",
    ],
    [
      "gpt-oss-20b: “21B” and “~20B” agree within the approximation",
      claim({ field: "total_params", label: "", valueText: "21B", valueNum: 21e9 }),
      claim({
        field: "total_params",
        label: "",
        valueText: "~20B",
        valueNum: 20e9,
        qualifier: "approx",
      }),
      "agree",
    ],
    [
      "gpt-oss-120b: 117B vs “roughly 120 billion” agree",
      claim({ field: "total_params", label: "", valueNum: 117e9 }),
      claim({ field: "total_params", label: "", valueNum: 120e9, qualifier: "approx" }),
      "agree",
    ],
    [
      "117B vs an exact 120B conflict",
      claim({ field: "total_params", label: "", valueNum: 117e9 }),
      claim({ field: "total_params", label: "", valueNum: 120e9 }),
      "conflict",
    ],
    [
      "“runs within 16GB” and a 12.8 GB measurement agree",
      claim({ field: "memory_footprint", label: "", valueNum: 16, qualifier: "at_most" }),
      claim({ field: "memory_footprint", label: "", valueNum: 12.8 }),
      "agree",
    ],
    [
      "same benchmark, different shots: not comparable",
      claim({ variant: "instruct", settings: "CoT, 0-shot", valueNum: 86 }),
      claim({ variant: "instruct", settings: "5-shot", valueNum: 87.5 }),
      "unrelated",
    ],
    [
      "licence wording that matches",
      claim({ field: "license", label: "", valueText: "Apache 2.0" }),
      claim({ field: "license", label: "", valueText: "apache 2.0" }),
      "agree",
    ],
    [
      "licences named differently but the same licence agree",
      claim({ field: "license", label: "", valueText: "Apache-2.0" }),
      claim({ field: "license", label: "", valueText: "Permissive Apache 2.0 license" }),
      "agree",
    ],
    [
      "two different licences conflict",
      claim({ field: "license", label: "", valueText: "MIT" }),
      claim({ field: "license", label: "", valueText: "Apache 2.0" }),
      "conflict",
    ],
    [
      "HumanEval and HumanEval+ are different benchmarks",
      claim({ label: "HumanEval", valueNum: 80 }),
      claim({ label: "HumanEval+", valueNum: 70 }),
      "unrelated",
    ],
    [
      "differently worded descriptions are not judged (no false ⚠)",
      claim({ field: "architecture", label: "", valueText: "Mixture-of-Experts with 256 experts" }),
      claim({ field: "architecture", label: "", valueText: "MoE" }),
      "unrelated",
    ],
  ])("%s → %s", (_name, a, b, expected) => {
    expect(relation(a, b)).toBe(expected);
  });
});

describe("how many sources agree", () => {
  it("counts distinct sources, not claims (one README quoted twice is one source)", () => {
    const a = claim({ field: "total_params", label: "", valueNum: 671e9, source: "readme" });
    const b = claim({ field: "total_params", label: "", valueNum: 671e9, source: "readme" });
    const c = claim({ field: "total_params", label: "", valueNum: 671e9, source: "paper" });
    expect(agreementWith(a, [a, b, c])).toEqual({ sources: 2, conflicts: [] });
    expect(agreementWith(a, [a, b]).sources).toBe(1);
  });
  it("lists real conflicts and ignores claims about other things", () => {
    const a = claim({ valueNum: 70 });
    const b = claim({ valueNum: 75 });
    const base = claim({ variant: "base", valueNum: 60 });
    expect(agreementWith(a, [a, b, base])).toEqual({ sources: 1, conflicts: [b] });
  });
});

describe("which value a row shows first", () => {
  it("the named or instruct checkpoint before base, before quantized; native before extended", () => {
    const order = ["FP8", "base", "instruct", ""].map((variant) =>
      subjectPreference({ variant, condition: "" }),
    );
    expect(order[3]).toBe(order[2]);
    expect(order[2]).toBeLessThan(order[1] as number);
    expect(order[1]).toBeLessThan(order[0] as number);
    const native = subjectPreference({ variant: "", condition: "native" });
    const unstated = subjectPreference({ variant: "", condition: "" });
    expect(native).toBeLessThan(unstated);
    expect(unstated).toBeLessThan(subjectPreference({ variant: "", condition: "extended" }));
  });
});

describe("variants written into benchmark settings", () => {
  it.each([
    ["5-shot, PT", "base", "5-shot"],
    ["EM, chat", "instruct", "EM"],
    ["0-shot, instruction-tuned", "instruct", "0-shot"],
    ["5-shot, Instruct bf16", "instruct", "5-shot, bf16"],
    ["IT, measured by Mistral AI", "instruct", "measured by Mistral AI"],
    ["non-thinking", "", "non-thinking"],
    ["", "", ""],
  ])("%s → variant %s, settings %s", (raw, variant, settings) => {
    expect(splitVariant(raw)).toEqual({ variant, settings });
  });
});

describe("derived weight memory honours mixed precision", () => {
  it("gpt-oss: MoE weights MXFP4, the rest BF16, split not cited → a range between the bounds", () => {
    const [e] = estimateWeightMemory({ id: 1, value: 117e9, text: "117B" }, [
      { id: 2, text: "MXFP4 quantization of the MoE weights" },
      { id: 3, text: "All other tensors will be in BF16." },
    ]);
    expect(e?.format).toBe("MXFP4 (MoE) + BF16");
    expect(e?.range).toEqual([62.16, 234]);
    expect(e?.formula).toMatch(/do not say how many of the 117B parameters are MoE weights/);
    expect(e?.inputs).toEqual({ paramsClaimId: 1, formatClaimId: 2, restClaimId: 3 });
  });
  it("a single format stays a single figure", () => {
    const [e] = estimateWeightMemory({ id: 1, value: 671e9, text: "671B" }, [
      { id: 2, text: "we only provide FP8 weights" },
    ]);
    expect(e).toMatchObject({ format: "FP8", gb: 671, range: null });
  });
});
