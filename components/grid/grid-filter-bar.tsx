"use client";

import type { GridBehaviour } from "@/lib/grid/compact";
import { BANDS, type Band } from "./heatmap";
import type { BandFilter } from "./use-grid-rows";

type Props = {
  behaviours: GridBehaviour[];
  /** Undefined: no filter (the difference views). */
  filter?: BandFilter;
  onFilter: (filter: BandFilter) => void;
  shown: number;
  total: number;
};

/** Above the grid: "Show reps where [behaviour] is scored [band]" (views of scores only), and how many reps show. */
export function GridFilterBar({ behaviours, filter, onFilter, shown, total }: Props) {
  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden">
      {filter && (
        <>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-800">Show reps where</span>
            <select
              className="rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
              value={filter.behaviour}
              onChange={(e) => onFilter({ ...filter, behaviour: e.target.value })}
            >
              <option value="any">any behaviour</option>
              {behaviours.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-800">is scored</span>
            <select
              className="rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
              value={filter.band}
              onChange={(e) => onFilter({ ...filter, band: e.target.value as Band | "" })}
            >
              <option value="">any score (no filter)</option>
              {(Object.keys(BANDS) as Band[]).map((band) => (
                <option key={band} value={band}>
                  {BANDS[band].label}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <p className="ml-auto text-sm text-slate-600" aria-live="polite">
        {shown === total ? `${total} reps` : `${shown} of ${total} reps shown; averages still count everyone`}
      </p>
    </div>
  );
}
