import { formatResultValue } from "@/lib/results/values";
import type { MeasureUnit } from "@/lib/results/values";

type Measure = { id: string; name: string; unit: MeasureUnit; currencyCode: string | null; higherIsBetter: boolean };

/** A rep's own values in a cycle, read-only: a short list (it stacks on a phone, no wide table). */
export function OwnResults({ measures, values }: { measures: Measure[]; values: { measureId: string; value: number }[] }) {
  const byMeasure = new Map(values.map((v) => [v.measureId, v.value]));
  return (
    <dl className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
      {measures.map((m) => {
        const value = byMeasure.get(m.id);
        return (
          <div key={m.id} className="flex items-baseline justify-between gap-4 px-4 py-3">
            <dt className="text-sm text-slate-700">
              {m.name}
              <span className="block text-xs text-slate-500">{m.higherIsBetter ? "Higher is better" : "Lower is better"}</span>
            </dt>
            <dd className="text-base font-semibold text-slate-900 tabular-nums">
              {value === undefined ? <span className="text-sm font-normal text-slate-500">Not in yet</span> : formatResultValue(value, m)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
