import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { type MeasuredDot, MemoryChart, type MemorySeries } from "@/components/charts/memory-chart";
import { CitationProvider, CiteLink } from "@/components/citation-dialog";
import { NoticeList } from "@/components/notice-list";
import { db } from "@/db";
import {
  estimateMemory,
  fmt,
  gb,
  KV_FORMAT_NAMES,
  KV_FORMATS,
  type MemoryOptions,
  maxContext,
  OVERHEAD,
  statedInputs,
  WEIGHT_FORMAT_NAMES,
  WEIGHT_FORMATS,
  type WeightFormat,
} from "@/db/domain/memory";
import {
  APPLE_GPU_SHARE,
  DEFAULT_CONTEXT,
  HARDWARE,
  memoryQueryToParams,
  parseMemoryQuery,
} from "@/db/domain/memory-query";
import { getMemoryData } from "@/db/queries/memory";

type Params = Promise<{ slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const load = cache((slug: string) => getMemoryData(db, slug));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load((await params).slug);
  return { title: found ? `Memory: ${found.model.name}` : "Model not found" };
}

const input =
  "w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";
const label = "flex flex-col gap-1 text-xs font-medium text-zinc-700 dark:text-zinc-300";
const cell = "border-b border-zinc-200 px-2 py-1 align-top dark:border-zinc-800";
const GB = (bytes: number) => `${gb(bytes).toLocaleString("en")} GB`;
const tokens = (n: number) => n.toLocaleString("en");

/** A table's header row; numeric columns align right. */
function Head({ columns }: { columns: (string | { label: string; right: true })[] }) {
  return (
    <thead>
      <tr className="text-left">
        {columns.map((c) => {
          const label = typeof c === "string" ? c : c.label;
          return (
            <th
              key={label}
              scope="col"
              className={typeof c === "string" ? cell : `${cell} text-right`}
            >
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * Context lengths the chart samples: 1 token, powers of two, the window, the chosen length and
 * each measured input length (so a measured point sits on a sampled x).
 */
function samples(upTo: number, extra: (number | null)[]): number[] {
  const out = new Set<number>([1]);
  for (let t = 1024; t <= upTo; t *= 2) out.add(t);
  for (const e of extra) if (e && e >= 1 && e <= upTo) out.add(e);
  out.add(upTo);
  return [...out].sort((a, b) => a - b);
}

export default async function MemoryPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { slug } = await params;
  const data = await load(slug);
  if (!data) notFound();
  const { query, errors } = parseMemoryQuery(await searchParams);
  const { model, inputs, measured, quoted } = data;
  const { budget: budgetKey, ...options } = query;
  const hardware = HARDWARE.find((h) => h.key === budgetKey) ?? HARDWARE[0];
  const budgetBytes = hardware.gb * 1e9;
  const estimate = estimateMemory(inputs, options);
  const at = (o: Partial<MemoryOptions>) => estimateMemory(inputs, { ...options, ...o });
  const maxPositions =
    typeof inputs.maxPositions?.value === "number" ? inputs.maxPositions.value : null;
  const upTo = Math.max(maxPositions ?? 131072, options.context, 4096);
  const window =
    typeof inputs.slidingWindow?.value === "number" ? inputs.slidingWindow.value : null;
  const chartFormats = [...new Set<WeightFormat>(["BF16", "FP8", "INT4", options.format])];
  const xs = samples(upTo, [window, options.context, ...measured.map((m) => m.inputLength)]);
  const series: MemorySeries[] = chartFormats.flatMap((format) => {
    const points = xs.flatMap((t) => {
      const e = at({ format, context: t });
      return e.ok ? [{ tokens: t, gb: gb(e.totalBytes) }] : [];
    });
    return points.length ? [{ format, points }] : [];
  });
  const dots: MeasuredDot[] = measured
    .filter((m) => m.format !== null && m.gpus === 1 && m.inputLength >= 1)
    .map((m) => ({
      tokens: Math.max(m.inputLength, 1),
      gb: gb(m.bytes),
      format: m.format as string,
      claimId: m.claimId,
      label: m.valueText,
    }));
  const sliding = estimate.ok && estimate.formula.some((t) => t.what.includes("sliding"));
  const keep = memoryQueryToParams(query);
  const hrefWith = (p: Record<string, string>) => {
    const q = new URLSearchParams(keep);
    for (const [k, v] of Object.entries(p)) q.set(k, v);
    return `/models/${model.slug}/memory?${q}`;
  };

  return (
    <CitationProvider>
      <div className="space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <ol className="flex flex-wrap gap-1 text-zinc-600 dark:text-zinc-400">
            <li>
              <Link href="/">Catalog</Link> /
            </li>
            <li>
              <Link href={`/models/${model.slug}`}>{model.name}</Link> /
            </li>
            <li aria-current="page">Memory</li>
          </ol>
        </nav>
        <header className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Memory: {model.name}</h1>
          <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
            Weights + key/value cache + overhead at a context length, computed from cited
            architecture values. Every input links to its passage; measured figures from the sources
            are plotted beside the estimate.
          </p>
        </header>

        <NoticeList
          notes={errors.map((e) => `${e.message} (ignored)`)}
          title="Some parameters in the address were not understood:"
        />

        <form
          method="get"
          className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 p-4 sm:grid-cols-3 lg:grid-cols-7 dark:border-zinc-800"
        >
          <label className={label}>
            Context (tokens)
            <input
              name="context"
              defaultValue={options.context === DEFAULT_CONTEXT ? "" : options.context}
              placeholder={`${DEFAULT_CONTEXT}`}
              className={input}
            />
          </label>
          {(
            [
              ["format", "Weights", options.format, WEIGHT_FORMAT_NAMES],
              ["kvFormat", "KV cache", options.kvFormat, KV_FORMAT_NAMES],
            ] as const
          ).map(([name, text, value, names]) => (
            <label key={name} className={label}>
              {text}
              <select name={name} defaultValue={value} className={input}>
                {names.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label className={label}>
            Sequences (batch)
            <input
              name="batch"
              inputMode="numeric"
              defaultValue={options.batch === 1 ? "" : options.batch}
              placeholder="1"
              className={input}
            />
          </label>
          <label className={label}>
            Sliding-window layers keep
            <select name="sliding" defaultValue={options.slidingCache} className={input}>
              <option value="window">the window</option>
              <option value="full">every token</option>
            </select>
          </label>
          <label className={label}>
            Hardware
            <select name="budget" defaultValue={hardware.key} className={input}>
              {HARDWARE.map((h) => (
                <option key={h.key} value={h.key}>
                  {h.label}
                </option>
              ))}
            </select>
          </label>
          <div className="flex items-end">
            <button
              type="submit"
              className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
            >
              Estimate
            </button>
          </div>
        </form>

        {!estimate.ok ? (
          <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950">
            <h2 className="text-lg font-semibold">No estimate for {options.format} weights</h2>
            <p>No stored source states:</p>
            <ul className="list-disc pl-5">
              {estimate.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <p>
              The estimate uses only cited values; it does not fill in what a model of this kind
              usually has.{" "}
              {options.format !== "BF16" ? (
                <Link href={hrefWith({ format: "BF16" })}>Try BF16 weights</Link>
              ) : null}
            </p>
          </section>
        ) : (
          <section
            aria-labelledby="h-estimate"
            className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
          >
            <h2 id="h-estimate" className="text-lg font-semibold">
              {GB(estimate.totalBytes)} at {tokens(options.context)} tokens
              <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">
                {options.format} weights, {options.kvFormat} cache, {options.batch} sequence
                {options.batch === 1 ? "" : "s"}
              </span>
            </h2>
            <p className="text-sm">
              {estimate.totalBytes <= budgetBytes ? (
                <span className="font-medium text-emerald-700 dark:text-emerald-400">
                  Fits in {hardware.label}
                </span>
              ) : (
                <span className="font-medium text-red-700 dark:text-red-400">
                  Does not fit in {hardware.label}
                </span>
              )}{" "}
              ({fmt(hardware.gb)} GB usable
              {"apple" in hardware
                ? `: ${APPLE_GPU_SHARE * 100}% of ${hardware.apple} GB, an assumption`
                : ""}
              ).
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">The formula, with the numbers substituted</caption>
                <Head columns={["Part", "Formula", { label: "Memory", right: true }]} />
                <tbody>
                  {estimate.formula.map((t) => (
                    <tr key={t.what}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        {t.what}
                      </th>
                      <td className={`${cell} font-mono text-xs`}>{t.formula}</td>
                      <td className={`${cell} text-right tabular-nums`}>{GB(t.bytes)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" className={`${cell} text-left`}>
                      total
                    </th>
                    <td className={`${cell} font-mono text-xs`}>weights + cache + overhead</td>
                    <td className={`${cell} text-right font-semibold tabular-nums`}>
                      {GB(estimate.totalBytes)}
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
            {estimate.notes.length ? (
              <ul className="list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
                {estimate.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            {sliding ? (
              <p className="text-sm">
                {options.slidingCache === "window" ? (
                  <Link href={hrefWith({ sliding: "full" })}>
                    Show it with every token kept in sliding layers
                  </Link>
                ) : (
                  <Link href={hrefWith({ sliding: "window" })}>
                    Show it with sliding layers keeping only the window
                  </Link>
                )}
              </p>
            ) : null}
          </section>
        )}

        <section aria-labelledby="h-inputs" className="space-y-2">
          <h2 id="h-inputs" className="text-lg font-semibold">
            Inputs, each from its source
          </h2>
          <table className="w-full text-sm">
            <Head columns={["Input", "Value", "Checkpoint", "Passage"]} />
            <tbody>
              {(estimate.ok ? estimate.inputs : statedInputs(inputs)).map((i) => (
                <tr key={i.claimId}>
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    {i.label}
                    {i.inheritedFrom ? (
                      <span className="text-zinc-600 dark:text-zinc-400">
                        {" "}
                        (from {i.inheritedFrom})
                      </span>
                    ) : null}
                  </th>
                  <td className={`${cell} tabular-nums`}>{i.text}</td>
                  <td className={cell}>{i.variant || "as named"}</td>
                  <td className={cell}>
                    <CiteLink claimId={i.claimId} label={`Passage for ${i.label}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        {series.length > 0 ? (
          <section
            aria-labelledby="h-chart"
            className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
          >
            <h2 id="h-chart" className="text-lg font-semibold">
              Memory against context length
            </h2>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Lines: the estimate per weight format ({options.kvFormat} cache, {options.batch}{" "}
              sequence
              {options.batch === 1 ? "" : "s"}). Diamonds: GPU memory a source measured on one GPU,
              at the input length it states (the run also generated tokens; its settings say how
              many); click one for its passage. Dashed: {hardware.label}.
            </p>
            <div className="text-zinc-800 dark:text-zinc-200" data-chart="memory">
              <MemoryChart
                series={series}
                measured={dots}
                budgetGb={hardware.gb}
                budgetLabel={hardware.label}
              />
            </div>
          </section>
        ) : null}

        <section aria-labelledby="h-formats" className="space-y-2">
          <h2 id="h-formats" className="text-lg font-semibold">
            Which formats fit at {tokens(options.context)} tokens
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Whether a checkpoint in a format is published is a separate question: the model page's
            quantization claims say which are.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <Head
                columns={[
                  "Weights",
                  "Bits per weight",
                  { label: "Total", right: true },
                  hardware.label,
                  { label: "Longest context that fits it", right: true },
                ]}
              />
              <tbody>
                {WEIGHT_FORMAT_NAMES.map((format) => {
                  const e = at({ format });
                  const longest = maxContext(inputs, { ...options, format }, budgetBytes);
                  return (
                    <tr key={format}>
                      <th scope="row" className={`${cell} text-left`}>
                        <Link href={hrefWith({ format })}>{format}</Link>
                      </th>
                      <td className={cell}>
                        {fmt(WEIGHT_FORMATS[format].bits)} ({WEIGHT_FORMATS[format].note})
                      </td>
                      <td className={`${cell} text-right tabular-nums`}>
                        {e.ok ? GB(e.totalBytes) : "—"}
                      </td>
                      <td className={cell}>
                        {e.ok
                          ? e.totalBytes <= budgetBytes
                            ? "fits"
                            : "does not fit"
                          : `not stated: ${e.missing.join("; ")}`}
                      </td>
                      <td className={`${cell} text-right tabular-nums`}>
                        {typeof longest === "number"
                          ? longest === 0
                            ? "weights alone do not fit"
                            : `${tokens(longest)} tokens`
                          : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="h-hardware" className="space-y-2">
          <h2 id="h-hardware" className="text-lg font-semibold">
            Longest context per hardware ({options.format} weights, {options.kvFormat} cache)
          </h2>
          <table className="w-full text-sm">
            <Head
              columns={[
                "Hardware",
                { label: "Usable", right: true },
                { label: "Longest context", right: true },
              ]}
            />
            <tbody>
              {HARDWARE.map((h) => {
                const longest = maxContext(inputs, options, h.gb * 1e9);
                return (
                  <tr key={h.key}>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      <Link href={hrefWith({ budget: h.key })}>{h.label}</Link>
                    </th>
                    <td className={`${cell} text-right tabular-nums`}>
                      {fmt(h.gb)} GB{"apple" in h ? "*" : ""}
                    </td>
                    <td className={`${cell} text-right tabular-nums`}>
                      {typeof longest === "number"
                        ? longest === 0
                          ? "weights alone do not fit"
                          : `${tokens(longest)} tokens${maxPositions !== null && longest > maxPositions ? ` (more than the ${tokens(maxPositions)} positions the config states)` : ""}`
                        : "no estimate"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            * Apple silicon shares memory with the system; {APPLE_GPU_SHARE * 100}% usable by the
            GPU is an assumption (macOS's default limit on larger machines), not a cited value.
          </p>
        </section>

        {measured.length > 0 ? (
          <section aria-labelledby="h-measured" className="space-y-2">
            <h2 id="h-measured" className="text-lg font-semibold">
              Measured by the sources
            </h2>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Speed benchmarks report PyTorch's memory counters, in binary units: their “MB” are 2
              <sup>20</sup> bytes and “GB” 2<sup>30</sup> (read as decimal units, some figures would
              be smaller than the weights alone). Shown here in decimal GB. The estimate is at the
              stated input length; the runs generated more tokens after it.
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <Head
                  columns={[
                    "Checkpoint",
                    "Settings",
                    { label: "Measured", right: true },
                    { label: "Estimate", right: true },
                    "Passage",
                  ]}
                />
                <tbody>
                  {measured.map((m) => {
                    const e =
                      m.format && m.gpus === 1
                        ? at({
                            format: m.format,
                            context: Math.max(1, m.inputLength),
                            batch: 1,
                            kvFormat: "BF16",
                            slidingCache: "window",
                          })
                        : null;
                    return (
                      <tr key={m.claimId}>
                        <th scope="row" className={`${cell} text-left font-normal`}>
                          {m.variant || "as released"}
                        </th>
                        <td className={cell}>{m.settings}</td>
                        <td className={`${cell} text-right tabular-nums`}>
                          {m.valueText} = {GB(m.bytes)}
                        </td>
                        <td className={`${cell} text-right tabular-nums`}>
                          {m.gpus > 1
                            ? "several GPUs: not modelled"
                            : e?.ok
                              ? `${GB(e.totalBytes)} (${e.totalBytes >= m.bytes ? "+" : ""}${((e.totalBytes / m.bytes - 1) * 100).toFixed(1)}%)`
                              : "—"}
                        </td>
                        <td className={cell}>
                          <CiteLink claimId={m.claimId} label={`Passage for ${m.valueText}`} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}

        {quoted.length > 0 ? (
          <section aria-labelledby="h-quoted" className="space-y-2">
            <h2 id="h-quoted" className="text-lg font-semibold">
              What the sources say about memory
            </h2>
            <ul className="space-y-1 text-sm">
              {quoted.map((c) => (
                <li key={c.id}>
                  “{c.valueText}”{c.variant ? ` (${c.variant})` : ""}
                  {c.settings ? ` — ${c.settings}` : ""} · {c.source.title}{" "}
                  <CiteLink claimId={c.id} label={`Passage for ${c.valueText}`} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section
          aria-labelledby="h-rules"
          className="space-y-1 text-sm text-zinc-700 dark:text-zinc-300"
        >
          <h2 id="h-rules" className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
            How it is computed
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Weights: total parameters × bits ÷ 8. Quantized formats keep the token embedding (and
              an untied output head) at 16 bits, and the modules a cited config leaves unconverted;
              mixture-of-experts models count every expert.
            </li>
            <li>
              Bits per weight:{" "}
              {WEIGHT_FORMAT_NAMES.map((f) => `${f} ${WEIGHT_FORMATS[f].note}`).join("; ")}.
            </li>
            <li>
              Cache per token: 2 × layers × KV heads × head dimension × bytes; multi-head latent
              attention caches (kv_lora_rank + qk_rope_head_dim) per layer; sliding-window layers
              hold at most the window. Cache formats:{" "}
              {KV_FORMAT_NAMES.map((k) => `${k} ${fmt(KV_FORMATS[k].bits)} bits`).join(", ")}.
            </li>
            <li>
              Overhead, one rule for every model: {OVERHEAD.fraction * 100}% of weights + cache,
              plus {fmt(OVERHEAD.fixedBytes / 2 ** 20)} MiB. Not included: the CUDA context (a few
              hundred MB per process) and memory an engine reserves ahead of need (vLLM and SGLang
              take a set share of the GPU).
            </li>
            <li>
              JSON:{" "}
              <a
                href={`/api/models/${model.slug}/memory?${new URLSearchParams({ context: String(options.context), format: options.format, kvFormat: options.kvFormat, batch: String(options.batch), sliding: options.slidingCache })}`}
              >
                this estimate as JSON
              </a>
              .
            </li>
          </ul>
        </section>
      </div>
    </CitationProvider>
  );
}
