"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MemoryBar, ParamsPoint, Point } from "@/db/domain/charts";
import { formatQuantity } from "@/db/domain/values";
import { useOpenCitation } from "../citation-dialog";

/*
 * The recharts pictures. Every bar and point opens its claim's passage on click; the same data is
 * in each chart's table (with keyboard-reachable "cite" links) and CSV. Colours come with words:
 * legends and tables say what each colour means.
 */

const AXIS = { fontSize: 11, fill: "currentColor" };
const COLORS = {
  total: "#2563eb",
  active: "#f59e0b",
  quoted: "#059669",
  derived: "#a78bfa",
  fits: "#059669",
  nofit: "#dc2626",
  bar: "#2563eb",
};
const rowHeight = (n: number) => Math.max(160, n * 26 + 60);
const billions = (v: number) => formatQuantity(v, "params");

type Clickable = {
  payload?: { claimId?: number | null; totalClaimId?: number; activeClaimId?: number | null };
};

export function ParamsChart({ points }: { points: ParamsPoint[] }) {
  const open = useOpenCitation();
  return (
    <ResponsiveContainer width="100%" height={rowHeight(points.length)}>
      <BarChart data={points} layout="vertical" margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          scale="log"
          domain={[1e8, "auto"]}
          allowDataOverflow
          tickFormatter={billions}
          tick={AXIS}
        />
        <YAxis type="category" dataKey="model" width={190} tick={AXIS} interval={0} />
        <Tooltip formatter={(v) => billions(Number(v))} />
        <Legend />
        <Bar
          dataKey="total"
          name="Total parameters"
          fill={COLORS.total}
          cursor="pointer"
          onClick={(d: Clickable) => d.payload?.totalClaimId && open(d.payload.totalClaimId)}
        />
        <Bar
          dataKey="active"
          name="Active parameters (MoE)"
          fill={COLORS.active}
          cursor="pointer"
          onClick={(d: Clickable) => d.payload?.activeClaimId && open(d.payload.activeClaimId)}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ValueBarChart({
  points,
  log,
  format,
  name,
}: {
  points: Point[];
  log?: boolean;
  format: "tokens" | "score";
  name: string;
}) {
  const open = useOpenCitation();
  const fmt = (v: number) => (format === "tokens" ? formatQuantity(v, "tokens") : String(v));
  return (
    <ResponsiveContainer width="100%" height={rowHeight(points.length)}>
      <BarChart data={points} layout="vertical" margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          scale={log ? "log" : "auto"}
          domain={log ? [1000, "auto"] : [0, "auto"]}
          allowDataOverflow
          tickFormatter={fmt}
          tick={AXIS}
        />
        <YAxis type="category" dataKey="model" width={190} tick={AXIS} interval={0} />
        <Tooltip
          formatter={(_v, _n, item) => [
            `${(item.payload as Point).text} (${(item.payload as Point).source})`,
            name,
          ]}
        />
        <Bar
          dataKey="value"
          name={name}
          fill={COLORS.bar}
          cursor="pointer"
          onClick={(d: Clickable) => d.payload?.claimId && open(d.payload.claimId)}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

type GbRow = {
  name: string;
  gb: number;
  /** The bar's claim (click opens it); null for an estimate whose inputs are on the memory page. */
  claimId: number | null;
  color: string;
  tooltip: string;
  series: string;
};

/** Horizontal GB bars on a log axis with a limit line: shared by the memory and fit charts. */
function GbChart({
  rows,
  limit,
  labelWidth,
}: {
  rows: GbRow[];
  limit: number | null;
  labelWidth: number;
}) {
  const open = useOpenCitation();
  return (
    <ResponsiveContainer width="100%" height={rowHeight(rows.length)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          scale="log"
          domain={[0.5, "auto"]}
          allowDataOverflow
          tickFormatter={(v) => `${v} GB`}
          tick={AXIS}
        />
        <YAxis type="category" dataKey="name" width={labelWidth} tick={AXIS} interval={0} />
        <Tooltip
          formatter={(v, _n, item) => [
            `${v} GB — ${(item.payload as GbRow).tooltip}`,
            (item.payload as GbRow).series,
          ]}
        />
        <Bar
          dataKey="gb"
          name="GB"
          cursor="pointer"
          onClick={(d: Clickable) => d.payload?.claimId && open(d.payload.claimId)}
        >
          {rows.map((r, i) => (
            <Cell key={i} fill={r.color} />
          ))}
        </Bar>
        {/* Drawn after the bars so the limit stays visible over them. */}
        {limit ? (
          <ReferenceLine
            x={limit}
            stroke={COLORS.nofit}
            strokeDasharray="4 2"
            label={{ value: `${limit} GB`, fill: "currentColor", fontSize: 11 }}
          />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function MemoryChart({ bars, limit }: { bars: MemoryBar[]; limit: number | null }) {
  const rows = bars.map((b) => ({
    name: `${b.model} — ${b.label.length > 40 ? `${b.label.slice(0, 40)}…` : b.label}`,
    gb: b.gb,
    claimId: b.claimId,
    color: b.kind === "quoted" ? COLORS.quoted : COLORS.derived,
    tooltip: b.kind,
    series: b.formula ?? "quoted",
  }));
  return <GbChart rows={rows} limit={limit} labelWidth={300} />;
}

export function FitChart({
  points,
  limit,
}: {
  points: { model: string; gb: number; fits: boolean; paramsClaimId: number | null }[];
  limit: number;
}) {
  const rows = points.map((p) => ({
    name: p.model,
    gb: p.gb,
    claimId: p.paramsClaimId,
    color: p.fits ? COLORS.fits : COLORS.nofit,
    tooltip: p.fits ? "fits" : "does not fit",
    series: "estimate",
  }));
  return <GbChart rows={rows} limit={limit} labelWidth={190} />;
}

export function TimelineChart({ points }: { points: Point[] }) {
  const open = useOpenCitation();
  const fmt = (v: number) => new Date(v).toISOString().slice(0, 10);
  return (
    <ResponsiveContainer width="100%" height={rowHeight(points.length)}>
      <ScatterChart margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="value"
          domain={["auto", "auto"]}
          tickFormatter={fmt}
          tick={AXIS}
          name="Release date"
        />
        <YAxis type="category" dataKey="model" width={190} tick={AXIS} interval={0} name="Model" />
        <Tooltip formatter={(v, n) => (n === "Release date" ? fmt(Number(v)) : String(v))} />
        <Scatter
          data={points}
          fill={COLORS.bar}
          cursor="pointer"
          onClick={(d: Clickable) => d.payload?.claimId && open(d.payload.claimId)}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
