import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db";
import {
  BENCHMARK_FAMILIES,
  type BenchmarkQuery,
  buildMatrix,
  type Column,
  parseBenchmarkQuery,
} from "@/db/domain/benchmarks";
import { listBenchmarkClaims } from "@/db/queries/benchmarks";

export const metadata: Metadata = { title: "Benchmarks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const select =
  "rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";

function href(q: BenchmarkQuery, change: Partial<BenchmarkQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.family) p.set("family", next.family);
  if (next.min !== 2) p.set("min", String(next.min));
  if (next.sort) p.set("sort", next.sort);
  if (next.sort && next.dir === "asc") p.set("dir", "asc");
  const s = p.toString();
  return s ? `/benchmarks?${s}` : "/benchmarks";
}

function csvHref(q: BenchmarkQuery): string {
  return href(q, {}).replace("/benchmarks", "/api/benchmarks.csv");
}

function SortLink({ q, col }: { q: BenchmarkQuery; col: Column }) {
  const active = q.sort === col.key;
  const dir = active && q.dir === "desc" ? "asc" : "desc";
  return (
    <Link
      href={href(q, { sort: col.key, dir })}
      aria-label={`Sort by ${col.label}${col.settings ? ` (${col.settings})` : ""}, ${dir === "desc" ? "highest" : "lowest"} first`}
      className="no-underline"
    >
      <span className="block">{col.label}</span>
      {col.settings ? <span className="block text-xs font-normal">{col.settings}</span> : null}
      <span aria-hidden="true" className="text-xs">
        {active ? (q.dir === "desc" ? "▼" : "▲") : "↕"}
      </span>
    </Link>
  );
}

/**
 * Models × benchmarks. One column per benchmark under one set of settings; the checkpoint is in
 * the row, so only comparable scores share a column. Every cell links to its claim and quote.
 */
export default async function BenchmarksPage({ searchParams }: { searchParams: SearchParams }) {
  const q = parseBenchmarkQuery(await searchParams);
  const matrix = buildMatrix(await listBenchmarkClaims(db), {
    family: q.family,
    minModels: q.min,
    sort: q.sort,
    dir: q.dir,
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Benchmarks</h1>
      <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        Scores as the sources state them. A column holds one benchmark under one set of settings
        (shots, metric, mode), so only comparable numbers stand side by side; base, instruct and
        quantized checkpoints are separate rows. Select a score to read its passage.
      </p>
      <form action="/benchmarks" className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          <span className="block text-xs font-medium">Benchmark family</span>
          <select name="family" defaultValue={q.family ?? ""} className={select}>
            <option value="">all</option>
            {BENCHMARK_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-xs font-medium">Columns with at least … models</span>
          <select name="min" defaultValue={String(q.min)} className={select}>
            {[1, 2, 3, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-zinc-400 px-3 py-1">
          Apply
        </button>
        <a href={csvHref(q)} className="ml-auto">
          Download CSV
        </a>
      </form>
      <p className="text-sm" role="status">
        {matrix.rows.length} model checkpoints × {matrix.columns.length} benchmark columns
        {matrix.hiddenColumns > 0
          ? ` (${matrix.hiddenColumns} columns with fewer than ${q.min} models hidden)`
          : ""}
        .
      </p>
      {matrix.columns.length === 0 ? (
        <p className="text-sm">No benchmark has scores for that many models here.</p>
      ) : (
        <div className="max-h-[75vh] overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="border-collapse text-sm tabular-nums [&_td]:p-2 [&_td_a]:underline [&_td_a]:decoration-dotted">
            <caption className="sr-only">
              Benchmark scores by model checkpoint; columns sortable; an empty cell means no stored
              source states that score.
            </caption>
            <thead className="sticky top-0 z-10 bg-white dark:bg-zinc-950">
              <tr>
                <th
                  scope="col"
                  className="sticky left-0 z-20 min-w-40 bg-white p-2 text-left align-bottom dark:bg-zinc-950"
                >
                  Model · checkpoint
                </th>
                {matrix.columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={
                      q.sort === c.key ? (q.dir === "asc" ? "ascending" : "descending") : undefined
                    }
                    className="min-w-24 p-2 text-left align-bottom font-medium"
                  >
                    <SortLink q={q} col={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.key} className="border-t border-zinc-200 dark:border-zinc-800">
                  <th
                    scope="row"
                    className="sticky left-0 bg-white p-2 text-left font-normal dark:bg-zinc-950"
                  >
                    <Link href={`/models/${r.model}`}>{r.modelName}</Link>
                    {r.variant ? (
                      <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">
                        · {r.variant}
                      </span>
                    ) : null}
                  </th>
                  {matrix.columns.map((c) => {
                    const cell = r.cells[c.key];
                    // An empty cell is "not stated" (said once, in the caption): thousands of
                    // cells, so each carries as little markup as it can.
                    return (
                      <td key={c.key}>
                        {cell ? <a href={`/claims/${cell.id}`}>{cell.valueText}</a> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
