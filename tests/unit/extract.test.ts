import { describe, expect, it } from "vitest";
import { extractFacts } from "@/db/domain/extract/extract";
import { applyDecisions, reviewCandidates } from "@/db/domain/extract/review";
import { type Candidate, ExtractError } from "@/db/domain/extract/types";
import { LENGTHS } from "@/db/domain/rules";

const known = [
  { slug: "gemma-3-4b", name: "Gemma 3 4B" },
  { slug: "gemma-3-12b", name: "Gemma 3 12B" },
  { slug: "gemma-3-27b", name: "Gemma 3 27B" },
  { slug: "qwen3-8b", name: "Qwen3-8B" },
  { slug: "qwen2.5-7b", name: "Qwen2.5-7B" },
];

const quoteOf = (text: string, c: Candidate) => text.slice(c.quote.start, c.quote.end);
const headerOf = (text: string, c: Candidate) =>
  c.settingsQuote ? text.slice(c.settingsQuote.start, c.settingsQuote.end) : null;

describe("Markdown tables (remark + GFM)", () => {
  const card = [
    "## Pre-trained models",
    "",
    "| Benchmark | Metric | Gemma 3 PT 4B | Gemma 3 PT 12B | GPT-X |",
    "|---|---|---|---|---|",
    "| [MMLU][mmlu] (Pro COT) | 5-shot | 29.2 | 45.3 | 99.0 |",
    "| **Knowledge** | | | | |",
    "[... other rows omitted ...]",
    "| HellaSwag | 10-shot | 77.2 | **84.2** | - |",
    "",
  ].join("\n");
  const { candidates } = extractFacts(card, { known, subject: "gemma" });

  it("reads each model column's cell, with the row as its quote and the header row cited", () => {
    const mmlu = candidates.find((c) => c.model === "gemma-3-12b" && c.label === "MMLU-Pro");
    expect(mmlu).toMatchObject({
      field: "benchmark",
      variant: "base",
      settings: "CoT, 5-shot",
      valueText: "45.3",
      valueNum: 45.3,
      unit: "score",
    });
    expect(quoteOf(card, mmlu as Candidate)).toBe(
      "| [MMLU][mmlu] (Pro COT) | 5-shot | 29.2 | 45.3 | 99.0 |",
    );
    expect(headerOf(card, mmlu as Candidate)).toContain("| Benchmark | Metric | Gemma 3 PT 4B");
  });

  it("skips section rows, models the catalog does not list, and empty cells", () => {
    expect(candidates.some((c) => c.valueText === "99.0")).toBe(false);
    expect(candidates.every((c) => c.label !== "Knowledge")).toBe(true);
    expect(candidates).toHaveLength(4);
  });

  it("reads a table on across an omission marker, and never quotes across one", () => {
    const hella = candidates.find((c) => c.label === "HellaSwag" && c.model === "gemma-3-12b");
    expect(hella?.valueText).toBe("84.2");
    for (const c of candidates) expect(quoteOf(card, c)).not.toContain("[...");
  });
});

describe("HTML tables (parse5, spans resolved)", () => {
  const doc = [
    "### Qwen3-8B (Transformers)",
    "",
    "<table>",
    "<thead><tr><th>Model</th><th>Input Length</th><th>Quantization</th><th>GPU Num</th><th>Speed (tokens/s)</th><th>GPU Memory(MB)</th></tr></thead>",
    "<tbody>",
    '<tr><td rowspan="4">Qwen3-8B</td><td rowspan="2">1</td><td>BF16</td><td>1</td><td>40.5</td><td>15947</td></tr>',
    "<tr><td>AWQ-INT4</td><td>1</td><td>60.1</td><td>6000</td></tr>",
    '<tr><td rowspan="2">30720</td><td>BF16</td><td>1</td><td>38.0</td><td>20267</td></tr>',
    "<tr><td>AWQ-INT4</td><td>1</td><td>55.2</td><td>11000</td></tr>",
    "</tbody></table>",
  ].join("\n");
  const { candidates } = extractFacts(doc, { known, subject: "qwen3" });

  it("gives a row the cells that span into it, and quotes from the row that writes them", () => {
    const m = candidates.find(
      (c) =>
        c.field === "memory_footprint" && c.variant === "AWQ-INT4" && c.settings.includes("30720"),
    );
    expect(m).toMatchObject({
      model: "qwen3-8b",
      valueText: "11000 MB",
      valueNum: 11,
      unit: "GB",
      settings: "Transformers, input length 30720, 1 GPU",
    });
    const quote = quoteOf(doc, m as Candidate);
    expect(quote.startsWith('<tr><td rowspan="2">30720</td>')).toBe(true);
    expect(quote.endsWith("<td>11000</td></tr>")).toBe(true);
    expect(headerOf(doc, m as Candidate)).toMatch(
      /^### Qwen3-8B \(Transformers\)[\s\S]*GPU Memory\(MB\)/,
    );
  });

  it("reads BF16 as the model's own checkpoint and the speed column as its own measure", () => {
    const s = candidates.find((c) => c.label === "inference speed" && c.valueText === "40.5");
    expect(s).toMatchObject({
      variant: "",
      unit: "tokens/s",
      settings: "Transformers, input length 1, 1 GPU",
    });
    expect(candidates).toHaveLength(8);
  });
});

describe("reStructuredText grid tables", () => {
  const grid = [
    "-  7B (Transformer)",
    "",
    "+---------------------+--------------+--------------+----------------+",
    "| Model               | Input Length | Quantization | GPU Memory(GB) |",
    "+=====================+==============+==============+================+",
    "| Qwen2.5-7B-Instruct | 1            | BF16         | 14.38          |",
    "+                     +              +--------------+----------------+",
    "|                     |              | GPTQ-Int4    | 5.68           |",
    "+                     +--------------+--------------+----------------+",
    "|                     | 6144         | BF16         | 14.94          |",
    "+---------------------+--------------+--------------+----------------+",
  ].join("\n");

  it("continues a cell where the separator below it is blank", () => {
    const { candidates } = extractFacts(grid, { known, subject: "qwen2.5" });
    expect(candidates.map((c) => [c.model, c.variant, c.settings, c.valueText])).toEqual([
      ["qwen2.5-7b", "instruct", "Transformer, input length 1", "14.38 GB"],
      ["qwen2.5-7b", "GPTQ-Int4", "Transformer, input length 1", "5.68 GB"],
      ["qwen2.5-7b", "instruct", "Transformer, input length 6144", "14.94 GB"],
    ]);
    const int4 = candidates[1] as Candidate;
    // The input length is written once, two rows up: the quote starts there.
    expect(quoteOf(grid, int4)).toMatch(/^\| Qwen2\.5-7B-Instruct \| 1[\s\S]*5\.68/);
  });

  it("refuses a ragged row with where it is", () => {
    const ragged = grid.replace("| 5.68           |", "| 5.68      |");
    expect(() => extractFacts(ragged, { known })).toThrow(/ragged/);
  });
});

describe("configs", () => {
  const config =
    '{\n  "num_hidden_layers": 36,\n  "num_key_value_heads": 8,\n  "sliding_window": 4096,\n  "use_sliding_window": false,\n  "torch_dtype": "bfloat16"\n}';
  const model = { slug: "qwen3-8b" };

  it("quotes each value as its exact key and value (jsonc-parser offsets)", () => {
    const { candidates } = extractFacts(config, { known, model, format: "json" });
    const layers = candidates.find((c) => c.field === "layers");
    expect(layers?.valueNum).toBe(36);
    expect(quoteOf(config, layers as Candidate)).toBe('"num_hidden_layers": 36');
    // The window is switched off: its size is no fact of the model.
    expect(candidates.some((c) => c.field === "sliding_window")).toBe(false);
  });

  it("refuses duplicate keys and malformed JSON, saying where", () => {
    expect(() =>
      extractFacts('{"head_dim": 64, "head_dim": 128}', { known, model, format: "json" }),
    ).toThrow(/repeats the key "head_dim"/);
    expect(() => extractFacts('{"head_dim": 64,', { known, model, format: "json" })).toThrow(
      /malformed.*offset/,
    );
  });

  it("reads a card's YAML front matter, and refuses it malformed", () => {
    const card = "---\nlicense: apache-2.0\nbase_model: x\n---\n\n# Card\n";
    const { candidates } = extractFacts(card, { known, model });
    expect(candidates.map((c) => [c.field, c.valueText, quoteOf(card, c)])).toEqual([
      ["license", "apache-2.0", "license: apache-2.0"],
    ]);
    expect(() => extractFacts("---\nlicense: [a\n---\n", { known, model })).toThrow(
      /YAML front matter/,
    );
  });
});

describe("prose", () => {
  it("gives a number to the size named beside it, not to the document's model", () => {
    const text =
      "The 27B model was trained with 14 trillion tokens, the 12B model was\ntrained with 12 trillion tokens and 4B model was trained with 4 trillion tokens.";
    const { candidates } = extractFacts(text, {
      known,
      model: { slug: "gemma-3-4b", variant: "instruct" },
    });
    expect(candidates.map((c) => [c.model, c.valueText, c.variant])).toEqual([
      ["gemma-3-27b", "14 trillion", ""],
      ["gemma-3-12b", "12 trillion", ""],
      ["gemma-3-4b", "4 trillion", ""],
    ]);
  });

  it("reads spec lines of the document's model with native and extended context apart", () => {
    const text =
      "- Number of Layers: 36\n- Context Length: 32,768 natively and [131,072 tokens with YaRN](#x).\n";
    const { candidates } = extractFacts(text, { known, model: { slug: "qwen3-8b" } });
    expect(candidates.map((c) => [c.field, c.condition, c.valueNum, c.settings])).toEqual([
      ["layers", "", 36, ""],
      ["context_window", "native", 32768, ""],
      ["context_window", "extended", 131072, "YaRN"],
    ]);
  });
});

describe("bad input", () => {
  it("refuses an empty document and one over the size limit", () => {
    expect(() => extractFacts("  \n", { known })).toThrow(ExtractError);
    expect(() => extractFacts("x".repeat(LENGTHS.sourceText + 1), { known })).toThrow(/limit/);
  });

  it("finds nothing in a document with no facts (the caller says so)", () => {
    expect(extractFacts("Just prose about nothing in particular.", { known }).candidates).toEqual(
      [],
    );
  });
});

describe("review", () => {
  const text = "| Model | Layers |\n|---|---|\n| Qwen3-8B | 36 |\n";
  const { candidates } = extractFacts(text, { known, subject: "qwen3" });

  it("keys candidates stably, and marks what this source already cites as same", () => {
    expect(extractFacts(text, { known, subject: "qwen3" }).candidates.map((c) => c.key)).toEqual(
      candidates.map((c) => c.key),
    );
    const cited = {
      id: 1,
      model: "qwen3-8b",
      field: "layers" as const,
      label: "",
      variant: "",
      condition: "" as const,
      settings: "",
      valueText: "36",
      valueNum: 36,
      valueDate: null,
      qualifier: "exact" as const,
      sourceSlug: "doc",
      source: { slug: "doc" },
    };
    expect(reviewCandidates(candidates, [cited], "doc")[0]?.status).toBe("same");
    expect(reviewCandidates(candidates, [cited], "other")[0]?.status).toBe("new");
    expect(
      reviewCandidates(candidates, [{ ...cited, valueNum: 40, valueText: "40" }], "x")[0]?.status,
    ).toBe("conflict");
  });

  it("refuses a correction that says more than its quote, and reports what it does not decide", () => {
    const key = (candidates[0] as Candidate).key;
    const quote = (c: Candidate) => text.slice(c.quote.start, c.quote.end);
    const refused = applyDecisions(
      candidates,
      { [key]: { decision: "accept", reason: "r", edit: { valueText: "48" } } },
      quote,
    );
    expect(refused.refused[0]?.why).toMatch(/48/);
    const none = applyDecisions(candidates, { other: { decision: "reject", reason: "r" } }, quote);
    expect(none.stale).toEqual(["other"]);
    expect(none.undecided).toHaveLength(1);
  });
});

describe("code point offsets", () => {
  it("converts many UTF-16 indexes in one pass exactly as one at a time", async () => {
    const { codePointOffsets, toCodePointOffset } = await import("@/db/domain/quote");
    const text = "a😀b\u00e9c𝔘d e\n😀😀 f";
    const indexes = Array.from({ length: text.length + 1 }, (_, i) => i).filter(
      // Never inside a surrogate pair: spans start and end on characters.
      (i) => i === text.length || !/[\uDC00-\uDFFF]/.test(text[i] as string),
    );
    const at = codePointOffsets(text, [...indexes].reverse());
    for (const i of indexes) expect(at.get(i), String(i)).toBe(toCodePointOffset(text, i));
  });
});

describe("2026 reading rules", () => {
  it("never reads a dataset table's licence column as a model's licence", () => {
    const text = [
      "| Dataset | Usage | License | Model(s) |",
      "|---|---|---|---|",
      "| [Nemotron-Math-v2](https://huggingface.co/datasets/nvidia/Nemotron-Math-v2) | SFT | CC-BY-4.0 | Nemotron 3 |",
      "",
    ].join("\n");
    const { candidates } = extractFacts(text, {
      known: [{ slug: "nemotron-3", name: "Nemotron 3", aliases: [] }],
      model: { slug: "nemotron-3" },
      subject: "nemotron",
      format: "markdown",
    });
    expect(candidates.filter((c) => c.field === "license")).toEqual([]);
  });

  it("reads a licence the text gives the weights, and a family document's line under a member's heading", () => {
    const text = [
      "### Nemotron 3.5 Lightning",
      "",
      "A model for agents. Weights, data, and recipes are released under OpenMDW-1.1.",
      "",
      "- 30B total / 3B active parameters",
      "",
    ].join("\n");
    const { candidates } = extractFacts(text, {
      known: [
        { slug: "nemotron-3", name: "Nemotron 3", aliases: [] },
        { slug: "nemotron-3.5-lightning", name: "Nemotron 3.5 Lightning", aliases: [] },
      ],
      model: { slug: "nemotron-3" },
      subject: "nemotron",
      format: "markdown",
    });
    const by = (f: string) =>
      candidates.filter((c) => c.field === f).map((c) => [c.model, c.valueText]);
    expect(by("license")).toEqual([["nemotron-3.5-lightning", "OpenMDW-1.1"]]);
    expect(by("total_params")).toEqual([["nemotron-3.5-lightning", "30B"]]);
    expect(by("active_params")).toEqual([["nemotron-3.5-lightning", "3B"]]);
  });

  it("dates each model a news line names, and quotes a sentence whole across 'Qwen3.5'", () => {
    const text =
      "- 2026-02-24: Qwen3.5-122B-A10B and Qwen3.5-27B are released. Check out the cards.\n\n" +
      "We release Qwen3.5. The first release includes one model.\n";
    const { candidates } = extractFacts(text, {
      known: [
        { slug: "qwen3.5", name: "Qwen3.5", aliases: [] },
        { slug: "qwen3.5-122b-a10b", name: "Qwen3.5-122B-A10B", aliases: [] },
        { slug: "qwen3.5-27b", name: "Qwen3.5-27B", aliases: [] },
      ],
      model: { slug: "qwen3.5" },
      subject: "qwen3.5",
      format: "markdown",
    });
    const dates = candidates.filter((c) => c.field === "release_date");
    expect(dates.map((c) => [c.model, c.valueDate])).toEqual([
      ["qwen3.5-122b-a10b", "2026-02-24"],
      ["qwen3.5-27b", "2026-02-24"],
    ]);
    expect(text.slice(dates[0]?.quote.start, dates[0]?.quote.end)).toBe(
      "2026-02-24: Qwen3.5-122B-A10B and Qwen3.5-27B are released.",
    );
  });

  it("does not read a context window as a sliding window, nor a licence from 'the same license'", () => {
    const text =
      "Qwen3-99B has a context window size of 131,072 tokens. Released as open weights under the same license.\n";
    const { candidates } = extractFacts(text, {
      known: [{ slug: "qwen3-99b", name: "Qwen3-99B", aliases: [] }],
      model: { slug: "qwen3-99b" },
      subject: "qwen3",
      format: "markdown",
    });
    expect(candidates.filter((c) => c.field === "sliding_window" || c.field === "license")).toEqual(
      [],
    );
  });

  it("reads a spec sheet's counts with a remark, model dimension, experts and a layers/hidden pair", () => {
    const text = [
      "| Specification | Value |",
      "|---|---|",
      "| **Layers** | 88 (periodic Mamba-MoE interleaving with attention anchors) |",
      "| **Model Dimension** | 4096 |",
      "| **Total Experts per Layer** | 512 |",
      "| **Active Experts (Top-k)** | 22 |",
      "| **Layers / Hidden** | 52 / 2688 |",
      "",
    ].join("\n");
    const { candidates } = extractFacts(text, {
      known: [{ slug: "nemotron-3-super", name: "Nemotron 3 Super", aliases: [] }],
      model: { slug: "nemotron-3-super" },
      subject: "nemotron",
      format: "markdown",
    });
    expect(candidates.map((c) => [c.field, c.valueText])).toEqual([
      ["layers", "88"],
      ["hidden_size", "4096"],
      ["experts", "512"],
      ["active_experts", "22"],
      ["layers", "52"],
      ["hidden_size", "2688"],
    ]);
  });
});
