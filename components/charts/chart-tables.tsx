/*
 * The data table under each chart: every point as text, each value with its citation, so every
 * point is reachable by keyboard and screen reader. Server components.
 */
import Link from "next/link";
import { CiteLink } from "@/components/citation-dialog";
import { PROVENANCE_LABELS } from "@/components/format";
import type { loadCharts } from "@/db/queries/charts";

type Charts = Awaited<ReturnType<typeof loadCharts>>;

const th = "px-2 py-1 text-left font-semibold";
const td = "px-2 py-1";
const rowHeader = `${td} text-left font-normal`;

function Head({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className={th}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function FitTable({ points }: { points: Charts["fit"]["points"] }) {
  return (
    <table className="text-sm">
      <Head columns={["Model", "Fits?", "Estimate (derived)", "Quoted hardware statements"]} />
      <tbody>
        {points.map((p) => (
          <tr
            key={p.slug}
            className="border-t border-zinc-200 align-top dark:border-zinc-800"
            data-fits={p.fits ? "yes" : "no"}
          >
            <th scope="row" className={rowHeader}>
              <Link href={`/models/${p.slug}`}>{p.model}</Link>
            </th>
            <td className={`${td} font-semibold`}>{p.fits ? "✓ fits" : "✗ does not fit"}</td>
            <td className={td}>
              {p.formula}{" "}
              {p.paramsClaimId === null ? (
                <Link href={`/models/${p.slug}/memory`} className="text-xs">
                  parameters derived from the config
                </Link>
              ) : (
                <CiteLink
                  claimId={p.paramsClaimId}
                  label={`source for ${p.model} total parameters`}
                  className="text-xs"
                />
              )}
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
  );
}

export function ParamsTable({ points }: { points: Charts["params"]["points"] }) {
  return (
    <table className="text-sm">
      <Head columns={["Model", "Architecture", "Total", "Active"]} />
      <tbody>
        {points.map((p) => (
          <tr key={p.slug} className="border-t border-zinc-200 dark:border-zinc-800">
            <th scope="row" className={rowHeader}>
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
  );
}

export function MemoryTable({ bars }: { bars: Charts["memory"]["points"] }) {
  return (
    <table className="text-sm">
      <Head columns={["Model", "Kind", "Figure", "GB"]} />
      <tbody>
        {bars.map((b, i) => (
          <tr key={i} className="border-t border-zinc-200 align-top dark:border-zinc-800">
            <th scope="row" className={rowHeader}>
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
              {{ at_most: "≤ ", at_least: "≥ ", approx: "≈ ", exact: "" }[b.qualifier]}
              {b.gb}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One value per model (context, release date, a benchmark's scores). */
export function PointTable({
  points,
  format,
}: {
  points: Charts["context"]["points"];
  format: (v: number) => string;
}) {
  return (
    <table className="text-sm">
      <Head columns={["Model", "Value", "As stated", "Provenance"]} />
      <tbody>
        {points.map((p) => (
          <tr
            key={`${p.slug}-${p.claimId}`}
            className="border-t border-zinc-200 dark:border-zinc-800"
          >
            <th scope="row" className={rowHeader}>
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
