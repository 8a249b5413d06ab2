"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatShortDay } from "./format";

export const TRUST_COLOUR = "#1d4ed8";

/** Trust after each interaction, left to right. Every number is also in the table beside it. */
export function TrustChart({ points, counterpart }: { points: { on: string; trust: number; label: string }[]; counterpart: string }) {
  const data = points.map((p) => ({ ...p, day: formatShortDay(p.on) }));
  return (
    <div className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          accessibilityLayer
          title={`Trust with ${counterpart} after each interaction`}
          desc="Every number in this chart is also listed in the table of trust after each interaction."
          data={data}
          margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="day" tick={{ fill: "#334155", fontSize: 12 }} stroke="#94a3b8" />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={28} tick={{ fill: "#334155", fontSize: 12 }} stroke="#94a3b8" allowDecimals={false} />
          <Tooltip formatter={(value) => [`${String(value)} of 5`, "Trust"]} labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.label ?? "")} />
          <Line type="linear" dataKey="trust" name="Trust" stroke={TRUST_COLOUR} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
