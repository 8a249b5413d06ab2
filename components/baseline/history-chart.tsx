"use client";

import { useId, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LEADER_COLOUR, SELF_COLOUR } from "./baseline-chart";

type Series = { behaviourId: string; name: string; points: { cycle: string; self: number | null; leader: number | null }[] };

/** Leader and self over cycles for one behaviour, chosen in a select. The numbers are in the tables below. */
export function HistoryChart({ series }: { series: Series[] }) {
  const [chosen, setChosen] = useState(series[0]?.behaviourId ?? "");
  const selectId = useId();
  const current = series.find((s) => s.behaviourId === chosen) ?? series[0];
  if (!current) return null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
          Behaviour
        </label>
        <select
          id={selectId}
          value={current.behaviourId}
          onChange={(e) => setChosen(e.target.value)}
          className="rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        >
          {series.map((s) => (
            <option key={s.behaviourId} value={s.behaviourId}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <p className="hidden text-sm font-medium print:block">{current.name}</p>
      <div className="h-56 w-full print:break-inside-avoid">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            accessibilityLayer
            title={`${current.name}: leader and self scores over cycles`}
            desc="Every number in this chart is also listed in the history tables below it."
            data={current.points}
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="cycle" tick={{ fill: "#334155", fontSize: 12 }} stroke="#94a3b8" />
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={28} tick={{ fill: "#334155", fontSize: 12 }} stroke="#94a3b8" />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12, color: "#0f172a" }} />
            <Line type="monotone" dataKey="leader" name="Leader" stroke={LEADER_COLOUR} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
            <Line
              type="monotone"
              dataKey="self"
              name="Self"
              stroke={SELF_COLOUR}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
