"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export const SELF_COLOUR = "#b45309"; // amber-700
export const LEADER_COLOUR = "#2856c7"; // brand-600

type Datum = { name: string; self: number | null; leader: number | null };

/**
 * Self vs leader per behaviour, as horizontal bars. Keyboard-accessible (Recharts' accessibility layer: focus
 * the chart, then arrow keys); every number is also in the table below it. Hidden sides have no bar.
 */
export function BaselineChart({ data, title }: { data: Datum[]; title: string }) {
  const height = Math.max(160, data.length * 52 + 60);
  return (
    <div style={{ height }} className="w-full print:break-inside-avoid">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer
          title={title}
          desc="Every number in this chart is also listed in the table below it."
          layout="vertical"
          data={data}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          barGap={2}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} tick={{ fill: "#334155", fontSize: 12 }} stroke="#94a3b8" />
          <YAxis type="category" dataKey="name" width={120} tick={{ fill: "#0f172a", fontSize: 12 }} stroke="#94a3b8" />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12, color: "#0f172a" }} />
          <Bar dataKey="self" name="Self" fill={SELF_COLOUR} isAnimationActive={false} barSize={14} />
          <Bar dataKey="leader" name="Leader" fill={LEADER_COLOUR} isAnimationActive={false} barSize={14} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
