"use client";

import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatQuantity } from "@/db/domain/values";
import { useOpenCitation } from "../citation-dialog";

/** One estimated line: GB at each context length, for one weight format. */
export type MemorySeries = { format: string; points: { tokens: number; gb: number }[] };
/** A measured figure from a source, at the input length it states. */
export type MeasuredDot = {
  tokens: number;
  gb: number;
  format: string;
  claimId: number;
  label: string;
};

// Distinct hues per format, with a shape per series in the legend; the table repeats every number.
const FORMAT_COLORS: Record<string, string> = {
  BF16: "#2563eb",
  FP16: "#2563eb",
  FP8: "#059669",
  INT8: "#0d9488",
  INT4: "#d97706",
  MXFP4: "#9333ea",
  NVFP4: "#db2777",
};
const AXIS = { fontSize: 11, fill: "currentColor" };
const tokens = (v: number) => formatQuantity(v, "tokens");

export function MemoryChart({
  series,
  measured,
  budgetGb,
  budgetLabel,
}: {
  series: MemorySeries[];
  measured: MeasuredDot[];
  budgetGb: number;
  budgetLabel: string;
}) {
  const open = useOpenCitation();
  const formats = [...new Set([...series.map((s) => s.format), ...measured.map((m) => m.format)])];
  return (
    <ResponsiveContainer width="100%" height={340}>
      <ComposedChart margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="tokens"
          scale="log"
          domain={["dataMin", "dataMax"]}
          allowDataOverflow
          tickFormatter={tokens}
          tick={AXIS}
          name="Tokens in the cache"
        />
        <YAxis
          type="number"
          dataKey="gb"
          tick={AXIS}
          width={56}
          tickFormatter={(v: number) => `${v} GB`}
          name="Memory"
        />
        <Tooltip
          formatter={(v, name) => [`${Number(v).toFixed(1)} GB`, String(name)]}
          labelFormatter={(v) => `${Number(v).toLocaleString("en")} tokens`}
        />
        <Legend />
        <ReferenceLine
          y={budgetGb}
          stroke="#dc2626"
          strokeDasharray="6 3"
          label={{
            value: budgetLabel,
            fill: "currentColor",
            fontSize: 11,
            position: "insideTopLeft",
          }}
        />
        {series.map((s) => (
          <Line
            key={s.format}
            data={s.points}
            dataKey="gb"
            name={`${s.format} estimate`}
            stroke={FORMAT_COLORS[s.format] ?? "#52525b"}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {formats.map((f) => {
          const dots = measured.filter((m) => m.format === f);
          return dots.length === 0 ? null : (
            <Scatter
              key={`m-${f}`}
              data={dots}
              dataKey="gb"
              name={`${f} measured`}
              fill={FORMAT_COLORS[f] ?? "#52525b"}
              shape="diamond"
              cursor="pointer"
              isAnimationActive={false}
              onClick={(d: { payload?: MeasuredDot }) => d.payload && open(d.payload.claimId)}
            />
          );
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
