import type { Metadata } from "next";
import { CatalogFilters } from "@/components/catalog-filters";
import {
  FitChart,
  MemoryChart,
  ParamsChart,
  TimelineChart,
  ValueBarChart,
} from "@/components/charts/bar-charts";
import { ChartFigure } from "@/components/charts/chart-figure";
import { BenchmarkPicker, FitForm } from "@/components/charts/chart-forms";
import { FitTable, MemoryTable, ParamsTable, PointTable } from "@/components/charts/chart-tables";
import { CitationProvider } from "@/components/citation-dialog";
import { NoticeList } from "@/components/notice-list";
import { db } from "@/db";
import { catalogQueryToParams, parseCatalogQuery } from "@/db/domain/catalog-query";
import { formatQuantity } from "@/db/domain/values";
import { loadCharts, parseChartOptions } from "@/db/queries/charts";

export const metadata: Metadata = { title: "Charts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ChartsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const { query, ignored } = parseCatalogQuery(raw);
  const { opts, ignored: ignoredOpts } = parseChartOptions(raw);
  const charts = await loadCharts(db, query, opts);
  const params = catalogQueryToParams(query);
  params.delete("hide");
  params.delete("sort");
  params.delete("page");
  const csv = (name: string) =>
    `/api/charts/${name}.csv?${new URLSearchParams({ ...Object.fromEntries(params), gb: String(opts.gb), format: opts.format, ctx: String(opts.context) })}`;
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
          keep={{ gb: String(opts.gb), format: opts.format, ctx: String(opts.context) }}
        />
        <NoticeList notes={notes} />

        <ChartFigure
          id="fit"
          title="What fits in my memory?"
          caption={
            <>
              Estimated memory = weights ({opts.format}) + key/value cache for{" "}
              {opts.context.toLocaleString("en")} tokens (16-bit, one sequence) + overhead, from
              cited architecture values (decimal GB); each model's memory page writes out the
              formula. Mixture-of-experts models count all experts: every expert must be resident.
              Quoted hardware statements are shown beside each estimate. <strong>{fitting}</strong>{" "}
              of {charts.fit.points.length} models fit in {opts.gb} GB.
            </>
          }
          csvHref={csv("fit")}
          missing={charts.fit.missing}
          table={<FitTable points={charts.fit.points} />}
        >
          <FitForm params={params} gb={opts.gb} format={opts.format} context={opts.context} />
          <FitChart points={charts.fit.points} limit={opts.gb} />
        </ChartFigure>

        <ChartFigure
          id="params"
          title="Total vs active parameters"
          caption="Log scale. Mixture-of-experts models activate a fraction of their parameters per token: their active bar (orange) is far shorter than their total (blue). Dense models state no separate active count."
          csvHref={csv("params")}
          missing={charts.params.missing}
          table={<ParamsTable points={charts.params.points} />}
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
          table={<MemoryTable bars={charts.memory.points} />}
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
            <BenchmarkPicker params={params} groups={charts.benchmarks} selected={group?.key} />
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
