"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Datum = { name: string; now: number | null; before: number | null };

/**
 * Each behaviour's organisation average this cycle beside the previous one, weakest first. The same numbers
 * are in the heatmap's last row, so the chart is a picture of text that is also on the page.
 */
export function BehaviourChart({
  data,
  nowLabel,
  beforeLabel,
  title,
}: {
  data: Datum[];
  nowLabel: string;
  beforeLabel: string | null;
  title: string;
}) {
  const height = Math.max(160, data.length * (beforeLabel ? 40 : 28) + 60);
  return (
    <div style={{ height }} className="w-full print:break-inside-avoid">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer
          title={title}
          desc="The same averages are listed in the team heatmap."
          layout="vertical"
          data={data}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} tick={{ fill: "#334155", fontSize: 12 }} stroke="#94a3b8" />
          <YAxis type="category" dataKey="name" width={150} tick={{ fill: "#0f172a", fontSize: 12 }} stroke="#94a3b8" />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12, color: "#0f172a" }} />
          {beforeLabel && <Bar dataKey="before" name={beforeLabel} fill="#94a3b8" isAnimationActive={false} barSize={10} />}
          <Bar dataKey="now" name={nowLabel} fill="#2856c7" isAnimationActive={false} barSize={12} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
