"use client";

import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatShortDay } from "@/lib/format";

const TRUST_COLOUR = "#1d4ed8";
/** The counterpart's points: another hue and another shape, so neither colour alone carries the meaning. */
export const THEIR_TRUST_COLOUR = "#b45309";

/** `label`: what the point is ("Lunch", "Check-in answer"); the tooltip adds the day. */
type Point = { on: string; trust: number; label: string };
const DAY_MS = 86_400_000;
const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Both views of trust over time: the leader's level after each interaction as a line, the counterpart's own
 * answer in each check-in as diamonds. Every number is also in the tables beside it.
 */
export function TrustChart({ points, theirs = [], counterpart }: { points: Point[]; theirs?: Point[]; counterpart: string }) {
  const ours = points.map((p) => ({ ...p, t: time(p.on) }));
  const them = theirs.map((p) => ({ ...p, t: time(p.on) }));
  const all = [...ours, ...them].map((p) => p.t);
  const domain = [Math.min(...all) - 2 * DAY_MS, Math.max(...all) + 2 * DAY_MS];
  return (
    <div>
      <ul aria-hidden className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-5" style={{ backgroundColor: TRUST_COLOUR }} />
          Your view, after each interaction
        </li>
        {them.length > 0 && (
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rotate-45" style={{ backgroundColor: THEIR_TRUST_COLOUR }} />
            {counterpart}&apos;s view, from check-ins
          </li>
        )}
      </ul>
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            accessibilityLayer
            title={`Trust with ${counterpart}: your view after each interaction and theirs from each check-in`}
            desc="Every number in this chart is also listed in the tables beside it."
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              type="number"
              dataKey="t"
              scale="time"
              domain={domain}
              tickFormatter={(t: number) => formatShortDay(new Date(t).toISOString().slice(0, 10))}
              tick={{ fill: "#334155", fontSize: 12 }}
              stroke="#94a3b8"
            />
            <YAxis
              domain={[1, 5]}
              ticks={[1, 2, 3, 4, 5]}
              width={28}
              tick={{ fill: "#334155", fontSize: 12 }}
              stroke="#94a3b8"
              allowDecimals={false}
            />
            {/* filterNull off: recharts finds no entry of its own on a check-in's day, and would hide the tooltip there. */}
            <Tooltip
              filterNull={false}
              content={({ active, label }) => (active ? <DayTooltip t={Number(label)} ours={ours} theirs={them} counterpart={counterpart} /> : null)}
            />
            <Line
              data={ours}
              type="linear"
              dataKey="trust"
              name="Your view"
              stroke={TRUST_COLOUR}
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
            {them.length > 0 && (
              <Scatter
                data={them}
                dataKey="trust"
                name={`${counterpart}'s view`}
                fill={THEIR_TRUST_COLOUR}
                shape="diamond"
                isAnimationActive={false}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/**
 * What the pointer is on: every point of either view on that day. The chart's own tooltip pairs the two series
 * by index, which names the wrong answer on another day; this one looks each view up by the day itself.
 */
function DayTooltip({
  t,
  ours,
  theirs,
  counterpart,
}: {
  t: number;
  ours: (Point & { t: number })[];
  theirs: (Point & { t: number })[];
  counterpart: string;
}) {
  const rows = [
    ...ours.filter((p) => p.t === t).map((p) => ({ ...p, who: "Your view", colour: TRUST_COLOUR })),
    ...theirs.filter((p) => p.t === t).map((p) => ({ ...p, who: `${counterpart}'s view`, colour: THEIR_TRUST_COLOUR })),
  ];
  if (rows.length === 0) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-sm shadow-md ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{formatDay(rows[0]!.on)}</p>
      <ul className="mt-1 space-y-0.5">
        {rows.map((row, i) => (
          <li key={i} style={{ color: row.colour }}>{`${row.label} · ${row.who}: ${row.trust} of 5`}</li>
        ))}
      </ul>
    </div>
  );
}
