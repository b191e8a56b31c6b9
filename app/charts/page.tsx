import type { Metadata } from "next";
import Link from "next/link";
import { CatalogFilters } from "@/components/catalog-filters";
import {
  FitChart,
  MemoryChart,
  ParamsChart,
  TimelineChart,
  ValueBarChart,
} from "@/components/charts/bar-charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CitationProvider, CiteLink } from "@/components/citation-dialog";
import { PROVENANCE_LABELS } from "@/components/format";
import { NoticeList } from "@/components/notice-list";
import { catalogQueryToParams, parseCatalogQuery } from "@/db/domain/catalog-query";
import { BIT_CHOICES } from "@/db/domain/charts";
import { formatQuantity } from "@/db/domain/values";
import { loadCharts, parseChartOptions } from "@/db/queries/charts";

export const metadata: Metadata = { title: "Charts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const th = "px-2 py-1 text-left font-semibold";
const td = "px-2 py-1";

export default async function ChartsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { query, ignored } = parseCatalogQuery(raw);
  const { opts, ignored: ignoredOpts } = parseChartOptions(raw);
  const charts = await loadCharts(query, opts);
  const params = catalogQueryToParams(query);
  params.delete("hide");
  params.delete("sort");
  params.delete("page");
  const csv = (name: string) =>
    `/api/charts/${name}.csv?${new URLSearchParams({ ...Object.fromEntries(params), gb: String(opts.gb), bits: String(opts.bits) })}`;
  const bench = typeof raw.bench === "string" ? raw.bench : undefined;
  const group = charts.benchmarks.find((g) => g.key === bench) ?? charts.benchmarks[0];
  const notes = [...ignored, ...ignoredOpts];
  const fitting = charts.fit.points.filter((p) => p.fits).length;

  return (
    <CitationProvider>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Charts</h1>
          <p className="mt-1 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
            Every bar and point is a cited claim: click it to read its passage, or use the data
            table under each chart. Values no source states are left out, never drawn as zero.{" "}
            {charts.modelCount} models match the filters.
          </p>
        </div>
        <CatalogFilters
          query={query}
          options={charts.options}
          action="/charts"
          keep={{ gb: String(opts.gb), bits: String(opts.bits) }}
        />
        <NoticeList notes={notes} />

        <ChartFigure
          id="fit"
          title="What fits in my memory?"
          caption={
            <>
              Estimated weight memory = total parameters × bits per weight ÷ 8 (decimal GB).
              Mixture-of-experts models count all experts: every expert must be resident. Weights
              only — the KV cache and activations need more. Quoted hardware statements are shown
              beside each estimate. <strong>{fitting}</strong> of {charts.fit.points.length} models
              fit in {opts.gb} GB at {opts.bits} bits.
            </>
          }
          csvHref={csv("fit")}
          missing={charts.fit.missing}
          table={
            <table className="text-sm">
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Model
                  </th>
                  <th scope="col" className={th}>
                    Fits?
                  </th>
                  <th scope="col" className={th}>
                    Estimate (derived)
                  </th>
                  <th scope="col" className={th}>
                    Quoted hardware statements
                  </th>
                </tr>
              </thead>
              <tbody>
                {charts.fit.points.map((p) => (
                  <tr
                    key={p.slug}
                    className="border-t border-zinc-200 align-top dark:border-zinc-800"
                    data-fits={p.fits ? "yes" : "no"}
                  >
                    <th scope="row" className={`${td} text-left font-normal`}>
                      <Link href={`/models/${p.slug}`}>{p.model}</Link>
                    </th>
                    <td className={`${td} font-semibold`}>
                      {p.fits ? "✓ fits" : "✗ does not fit"}
                    </td>
                    <td className={td}>
                      {p.formula}{" "}
                      <CiteLink
                        claimId={p.paramsClaimId}
                        label={`source for ${p.model} total parameters`}
                        className="text-xs"
                      />
                    </td>
                    <td className={td}>
                      {p.quoted.length === 0 ? <span className="italic">none quoted</span> : null}
                      {p.quoted.map((q) => (
                        <span key={q.claimId} className="block">
                          “{q.text}”{" "}
                          <CiteLink
                            claimId={q.claimId}
                            label={`source for ${p.model}: ${q.text}`}
                            className="text-xs"
                          />
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <form
            method="get"
            action="/charts"
            className="mb-3 flex flex-wrap items-end gap-3 text-sm"
            aria-label="Memory available"
          >
            {[...params].map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label className="flex flex-col gap-1 text-xs font-medium">
              Memory (GB of GPU or unified memory)
              <input
                name="gb"
                defaultValue={opts.gb}
                inputMode="decimal"
                className="w-32 rounded border border-zinc-400 bg-white px-2 py-1 text-sm dark:bg-zinc-900"
              />
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium">
              Weight format
              <select
                name="bits"
                defaultValue={String(opts.bits)}
                className="rounded border border-zinc-400 bg-white px-2 py-1 text-sm dark:bg-zinc-900"
              >
                {BIT_CHOICES.map((c) => (
                  <option key={c.bits} value={c.bits}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white"
            >
              Check fit
            </button>
          </form>
          <FitChart points={charts.fit.points} limit={opts.gb} />
        </ChartFigure>

        <ChartFigure
          id="params"
          title="Total vs active parameters"
          caption="Log scale. Mixture-of-experts models activate a fraction of their parameters per token: their active bar (orange) is far shorter than their total (blue). Dense models state no separate active count."
          csvHref={csv("params")}
          missing={charts.params.missing}
          table={
            <table className="text-sm">
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Model
                  </th>
                  <th scope="col" className={th}>
                    Architecture
                  </th>
                  <th scope="col" className={th}>
                    Total
                  </th>
                  <th scope="col" className={th}>
                    Active
                  </th>
                </tr>
              </thead>
              <tbody>
                {charts.params.points.map((p) => (
                  <tr key={p.slug} className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {p.model}
                    </th>
                    <td className={td}>{p.moe ? "MoE" : "dense or not stated"}</td>
                    <td className={td}>
                      {p.totalText}{" "}
                      <CiteLink
                        claimId={p.totalClaimId}
                        label={`source for ${p.model} total parameters`}
                        className="text-xs"
                      />
                    </td>
                    <td className={td}>
                      {p.activeClaimId ? (
                        <>
                          {p.activeText}{" "}
                          <CiteLink
                            claimId={p.activeClaimId}
                            label={`source for ${p.model} active parameters`}
                            className="text-xs"
                          />
                        </>
                      ) : (
                        <span className="italic">not stated</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ParamsChart points={charts.params.points} />
        </ChartFigure>

        <ChartFigure
          id="context"
          title="Context windows"
          caption="Tokens, log scale. “128K” is read as 131,072 tokens, as Qwen states it."
          csvHref={csv("context")}
          missing={charts.context.missing}
          table={
            <PointTable
              points={charts.context.points}
              format={(v) => formatQuantity(v, "tokens")}
            />
          }
        >
          <ValueBarChart points={charts.context.points} log format="tokens" name="Context window" />
        </ChartFigure>

        <ChartFigure
          id="memory"
          title="Memory footprint: quoted and derived"
          caption="Green bars are figures a source states (measured or “fits in”); violet bars are derived weight estimates for each format the model's sources name. Log scale, GB."
          csvHref={csv("memory")}
          missing={charts.memory.missing}
          table={
            <table className="text-sm">
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Model
                  </th>
                  <th scope="col" className={th}>
                    Kind
                  </th>
                  <th scope="col" className={th}>
                    Figure
                  </th>
                  <th scope="col" className={th}>
                    GB
                  </th>
                </tr>
              </thead>
              <tbody>
                {charts.memory.points.map((b, i) => (
                  <tr key={i} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {b.model}
                    </th>
                    <td className={td}>{b.kind === "quoted" ? "quoted" : "derived"}</td>
                    <td className={td}>
                      {b.formula ?? b.label}{" "}
                      <CiteLink
                        claimId={b.claimId}
                        label={`source for ${b.model} ${b.label}`}
                        className="text-xs"
                      />
                      {b.formatClaimId ? (
                        <>
                          {" "}
                          <CiteLink
                            claimId={b.formatClaimId}
                            label={`source for ${b.model} weight format`}
                            className="text-xs"
                          />
                        </>
                      ) : null}
                    </td>
                    <td className={td}>
                      {b.qualifier === "at_most" ? "≤ " : b.qualifier === "approx" ? "≈ " : ""}
                      {b.gb}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <MemoryChart bars={charts.memory.points} limit={opts.gb} />
        </ChartFigure>

        <ChartFigure
          id="benchmarks"
          title="Benchmark scores (matching settings only)"
          caption={
            group ? (
              <>
                {group.label}
                {group.settings ? ` (${group.settings})` : ""}: only scores reported for exactly
                these settings are compared. Provenance is in the table.
              </>
            ) : (
              "No benchmark has scores for two or more of these models under the same settings."
            )
          }
          csvHref={csv("benchmarks")}
          missing={[]}
          table={group ? <PointTable points={group.points} format={(v) => String(v)} /> : null}
        >
          {charts.benchmarks.length > 0 ? (
            <form
              method="get"
              action="/charts#benchmarks"
              className="mb-3 flex flex-wrap items-end gap-2 text-sm"
              aria-label="Choose a benchmark"
            >
              {[...params].map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
              <label className="flex flex-col gap-1 text-xs font-medium">
                Benchmark and settings
                <select
                  name="bench"
                  defaultValue={group?.key}
                  className="rounded border border-zinc-400 bg-white px-2 py-1 text-sm dark:bg-zinc-900"
                >
                  {charts.benchmarks.map((g) => (
                    <option key={g.key} value={g.key}>
                      {g.label}
                      {g.settings ? ` (${g.settings})` : ""} — {g.points.length} models
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded border border-zinc-400 px-3 py-1">
                Show
              </button>
            </form>
          ) : null}
          {group ? <ValueBarChart points={group.points} format="score" name={group.label} /> : null}
        </ChartFigure>

        <ChartFigure
          id="release"
          title="Release timeline"
          caption="Only dates a source states exactly; announcements without a day are left out."
          csvHref={csv("release")}
          missing={charts.release.missing}
          table={
            <PointTable
              points={charts.release.points}
              format={(v) => new Date(v).toISOString().slice(0, 10)}
            />
          }
        >
          <TimelineChart points={charts.release.points} />
        </ChartFigure>
      </div>
    </CitationProvider>
  );
}

function PointTable({
  points,
  format,
}: {
  points: {
    model: string;
    slug: string;
    value: number;
    text: string;
    claimId: number;
    provenance: string;
    source: string;
  }[];
  format: (v: number) => string;
}) {
  return (
    <table className="text-sm">
      <thead>
        <tr>
          <th scope="col" className={th}>
            Model
          </th>
          <th scope="col" className={th}>
            Value
          </th>
          <th scope="col" className={th}>
            As stated
          </th>
          <th scope="col" className={th}>
            Provenance
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr
            key={`${p.slug}-${p.claimId}`}
            className="border-t border-zinc-200 dark:border-zinc-800"
          >
            <th scope="row" className={`${td} text-left font-normal`}>
              {p.model}
            </th>
            <td className={td}>{format(p.value)}</td>
            <td className={td}>
              {p.text}{" "}
              <CiteLink
                claimId={p.claimId}
                label={`source for ${p.model}: ${p.source}`}
                className="text-xs"
              />
            </td>
            <td className={td}>{PROVENANCE_LABELS[p.provenance]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
