/*
 * The charts page's own choices (memory and format; which benchmark), as plain GET forms that keep
 * the catalog filters: they work without JavaScript and every view is a shareable URL.
 */
import { WEIGHT_FORMAT_NAMES, WEIGHT_FORMATS, type WeightFormat } from "@/db/domain/memory";
import type { loadCharts } from "@/db/queries/charts";

type Charts = Awaited<ReturnType<typeof loadCharts>>;

const field = "rounded border border-zinc-400 bg-white px-2 py-1 text-sm dark:bg-zinc-900";

/** A GET form back to the charts page that keeps the catalog filters as hidden fields. */
function ChartsForm({
  params,
  action,
  label,
  children,
}: {
  params: URLSearchParams;
  action: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      className="mb-3 flex flex-wrap items-end gap-3 text-sm"
      aria-label={label}
    >
      {[...params].map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
    </form>
  );
}

export function FitForm({
  params,
  gb,
  format,
  context,
}: {
  params: URLSearchParams;
  gb: number;
  format: WeightFormat;
  context: number;
}) {
  return (
    <ChartsForm params={params} action="/charts" label="Memory available">
      <label className="flex flex-col gap-1 text-xs font-medium">
        Memory (GB of GPU or unified memory)
        <input name="gb" defaultValue={gb} inputMode="decimal" className={`w-32 ${field}`} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        Weight format
        <select name="format" defaultValue={format} className={field}>
          {WEIGHT_FORMAT_NAMES.map((f) => (
            <option key={f} value={f}>
              {f} ({Number(WEIGHT_FORMATS[f].bits.toFixed(3))} bits)
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        Context (tokens)
        <input name="ctx" defaultValue={context} className={`w-32 ${field}`} />
      </label>
      <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
        Check fit
      </button>
    </ChartsForm>
  );
}

export function BenchmarkPicker({
  params,
  groups,
  selected,
}: {
  params: URLSearchParams;
  groups: Charts["benchmarks"];
  selected: string | undefined;
}) {
  return (
    <ChartsForm params={params} action="/charts#benchmarks" label="Choose a benchmark">
      <label className="flex flex-col gap-1 text-xs font-medium">
        Benchmark and settings
        <select name="bench" defaultValue={selected} className={field}>
          {groups.map((g) => (
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
    </ChartsForm>
  );
}
