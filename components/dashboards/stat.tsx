import type { ReactNode } from "react";

/** One headline figure: what it counts, the figure, and a line of context. */
export function Stat({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200 print:shadow-none">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {detail && <dd className="mt-1 text-sm text-slate-600">{detail}</dd>}
    </div>
  );
}

/** A proportion as text and as a bar; the bar only repeats the text. Lean markup: a table row can hold two. */
export function Meter({ part, whole }: { part: number; whole: number }) {
  const percent = whole === 0 ? 0 : Math.round((part / whole) * 100);
  return (
    <div className="min-w-32 text-sm tabular-nums">
      <div className="flex justify-between gap-2">
        {`${part} of ${whole}`}
        <span className="text-slate-600">{whole === 0 ? "–" : `${percent}%`}</span>
      </div>
      <div aria-hidden className="mt-1 h-1.5 rounded-full bg-slate-100">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
