/*
 * npm run bench:memory — the memory estimator (db/domain/memory.ts) against every measured GPU
 * memory figure in the two Qwen speed-benchmark documents that it can model: single-GPU rows
 * (batch 1, 2,048 generated tokens, so the cache holds input length + 2,048 tokens). A benchmark,
 * not a test: it prints each row's error and the median and maximum, for BENCHMARKS.md.
 *
 * Units: the Qwen3 document's "MB" and the Qwen2.5 document's "GB" are binary (2^20 and 2^30
 * bytes). In decimal units, rows such as Qwen3-8B BF16 at 1 token (15,947 "MB" = 15.95 GB) would
 * be smaller than the weights alone (8.2B × 2 bytes = 16.4 GB), which no measurement can be; in
 * binary units they exceed the weights by about the cache. PyTorch, which these runs report from,
 * counts memory in binary units.
 */

import type { ClaimRow } from "@/db/domain/catalog";
import { formatsNamed } from "@/db/domain/derived";
import { estimateMemory, inputsByModel, type WeightFormat } from "@/db/domain/memory";
import { formatOfVariant, measuredBytes, measuredInputLength } from "@/db/domain/memory-query";

/** derived.ts's format names (what a statement names) as the estimator's formats. */
const FORMAT_OF: Record<string, WeightFormat> = {
  "BF16/FP16": "BF16",
  FP8: "FP8",
  "8-bit integer": "INT8",
  "4-bit integer": "INT4",
  MXFP4: "MXFP4",
};

const SOURCES = ["qwen-docs-qwen3-speed-benchmark-full", "qwen-docs-qwen2-5-speed-benchmark-full"];
const GENERATED = 2048;

const { createDb } = await import("@/db/client");
const handle = createDb({ pgliteDir: "memory://" });
await handle.migrate();
const { seed } = await import("@/seed/index");
await seed(handle.db);
const { selectLiveClaims } = await import("@/db/columns");
const { models } = await import("@/db/schema");
const all = await selectLiveClaims(handle.db);
const modelRows = await handle.db
  .select({ id: models.id, slug: models.slug, name: models.name, familyId: models.familyId })
  .from(models);
const byId = new Map(modelRows.map((m) => [m.id, m]));
const claimsOf = new Map<number, ClaimRow[]>();
for (const c of all) claimsOf.set(c.modelId, [...(claimsOf.get(c.modelId) ?? []), c]);
const inputsByModelId = inputsByModel(modelRows, all);
const inputsOf = (modelId: number) => inputsByModelId.get(modelId) ?? { unquantized: [] };

type Row = {
  model: string;
  variant: string;
  input: number;
  measured: number;
  estimate: number | null;
  error: number | null;
  why: string;
};
const rows: Row[] = [];
let multiGpu = 0;
for (const c of all) {
  if (c.field !== "memory_footprint" || !SOURCES.includes(c.source.slug)) continue;
  const gpus = /(\d+) GPUs?/.exec(c.settings);
  const input = /input length (\d+)/.exec(c.settings);
  if (!gpus || !input) continue;
  if (gpus[1] !== "1") {
    multiGpu++;
    continue;
  }
  const measured = measuredBytes(c.valueText);
  const format = formatOfVariant(c.variant);
  const model = byId.get(c.modelId)?.slug ?? "?";
  const base = { model, variant: c.variant || "BF16", input: Number(input[1]) };
  if (measured === null || format === null) {
    rows.push({
      ...base,
      measured: measured ?? 0,
      estimate: null,
      error: null,
      why: "unit or format unreadable",
    });
    continue;
  }
  const e = estimateMemory(inputsOf(c.modelId), {
    context: Number(input[1]) + GENERATED,
    format,
    kvFormat: "BF16",
    batch: 1,
    slidingCache: "window",
  });
  if (!e.ok) {
    rows.push({
      ...base,
      measured,
      estimate: null,
      error: null,
      why: `missing: ${e.missing.join("; ")}`,
    });
    continue;
  }
  rows.push({
    ...base,
    measured,
    estimate: e.totalBytes,
    error: e.totalBytes / measured - 1,
    why: "",
  });
}

const GiB = 2 ** 30;
const modelled = rows.filter((r) => r.error !== null);
const errors = modelled.map((r) => Math.abs(r.error as number)).sort((a, b) => a - b);
const median = errors.length
  ? errors.length % 2
    ? (errors[(errors.length - 1) / 2] as number)
    : ((errors[errors.length / 2 - 1] as number) + (errors[errors.length / 2] as number)) / 2
  : Number.NaN;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log("| model | checkpoint | input tokens | measured GiB | estimate GiB | error |");
console.log("|---|---|---:|---:|---:|---:|");
for (const r of modelled)
  console.log(
    `| ${r.model} | ${r.variant} | ${r.input} | ${(r.measured / GiB).toFixed(2)} | ${((r.estimate as number) / GiB).toFixed(2)} | ${(r.error as number) >= 0 ? "+" : ""}${pct(r.error as number)} |`,
  );
console.log(
  `\nsingle-GPU rows: ${rows.length}; modelled: ${modelled.length}; median |error| ${pct(median)}; max |error| ${pct(errors.at(-1) ?? Number.NaN)}; within 20%: ${errors.filter((e) => e <= 0.2).length}/${errors.length}; multi-GPU rows left out: ${multiGpu}`,
);
const unmodelled = new Map<string, number>();
for (const r of rows.filter((r) => r.error === null)) {
  const key = `${r.model}: ${r.why}`;
  unmodelled.set(key, (unmodelled.get(key) ?? 0) + 1);
}
if (unmodelled.size) {
  console.log("\nRows the estimator cannot model (the input it lacks):");
  for (const [k, n] of unmodelled) console.log(`- ${k} (${n} rows)`);
}
/*
 * The catalog's quoted memory statements ("fits a single 80 GB GPU"): the estimate in each format
 * the statement names, at 4K tokens and at the model's stated context window, to read beside it.
 */
console.log("\n| model | statement | format | at 4,096 tokens | at its context window |");
console.log("|---|---|---|---:|---:|");
for (const c of all) {
  if (c.field !== "memory_footprint" || SOURCES.includes(c.source.slug)) continue;
  if (c.provenance === "forecast" || c.rank === "deprecated") continue;
  if (measuredInputLength(c.settings) !== null) continue;
  const model = byId.get(c.modelId);
  const inputs = inputsOf(c.modelId);
  const window = (claimsOf.get(c.modelId) ?? [])
    .filter(
      (x) => x.field === "context_window" && x.valueNum !== null && x.condition !== "extended",
    )
    .map((x) => x.valueNum as number)
    .sort((a, b) => b - a)[0];
  const named = formatsNamed(`${c.valueText} ${c.quote}`)
    .map((f) => FORMAT_OF[f.format])
    .filter((f): f is WeightFormat => f !== undefined);
  // A statement naming no format speaks of the model as released: the formats its own
  // quantization claims name (gpt-oss: MXFP4), else BF16.
  const released = (claimsOf.get(c.modelId) ?? [])
    .filter((x) => x.field === "quantization")
    .flatMap((x) => formatsNamed(`${x.valueText} ${x.quote}`))
    .map((f) => FORMAT_OF[f.format])
    .filter((f): f is WeightFormat => f !== undefined && f !== "BF16");
  const formats = named.length ? named : released.length ? released.slice(0, 1) : ["BF16" as const];
  for (const format of [...new Set(formats)]) {
    const at = (context: number) => {
      const e = estimateMemory(inputs, {
        context,
        format,
        kvFormat: "BF16",
        batch: 1,
        slidingCache: "window",
      });
      return e.ok ? `${(e.totalBytes / 1e9).toFixed(1)} GB` : `no estimate (${e.missing[0]})`;
    };
    console.log(
      `| ${model?.slug} | “${c.valueText.replace(/\|/g, "\\|")}” | ${format}${named.length ? "" : " (as released)"} | ${at(4096)} | ${window ? `${at(window)} (${window.toLocaleString("en")})` : "no window stated"} |`,
    );
  }
}
await handle.close();
