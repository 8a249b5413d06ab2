"use client";

import { cn } from "@/components/ui/cn";
import type { GridBehaviour } from "@/lib/grid/compact";
import type { GridFooter } from "@/lib/grid/footers";
import { averageLabel, formatAverage } from "./cell-text";
import { FIRST, type CellProps } from "./use-grid-keyboard";

/** The average rows stay in view while the reps scroll, unless there are so many (one per team) that they would crowd them out. */
const STICKY_FOOTERS = 4;

type Props = {
  footers: GridFooter[];
  behaviours: GridBehaviour[];
  signed: boolean;
  /** The rep rows shown above (the first average row's keyboard row). */
  rows: number;
  cellProps: CellProps;
};

/** The grid's average rows (gridFooters): per behaviour and overall, each labelled with what it counts. */
export function GridFooterRows({ footers, behaviours, signed, rows, cellProps }: Props) {
  return (
    <tfoot className={cn("bg-slate-50 print:static", footers.length <= STICKY_FOOTERS && "sticky bottom-0 z-20")}>
      {footers.map((footer, f) => (
        <tr key={footer.key} role="row" aria-rowindex={rows + 2 + f}>
          <th
            role="rowheader"
            scope="row"
            {...cellProps(rows + f, 0)}
            className="sticky left-0 z-30 border-t border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset"
          >
            {footer.label}
          </th>
          <td
            role="gridcell"
            {...cellProps(rows + f, 1)}
            aria-label={`${footer.label}: no self-assessment status`}
            className="border-t border-slate-200 outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset"
          />
          {[
            ...behaviours.map((b) => ({ id: b.id, name: b.name, value: footer.values.byBehaviour[b.id] })),
            { id: "overall", name: "overall", value: footer.values.overall },
          ].map((cell, i) => (
            <td
              key={cell.id}
              role="gridcell"
              aria-label={averageLabel(`${footer.label}, ${cell.name}`, cell.value, signed)}
              title={averageLabel("Average", cell.value, signed)}
              {...cellProps(rows + f, i + FIRST)}
              className="border-t border-slate-200 px-2 py-2 text-center font-semibold text-slate-800 tabular-nums outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset"
            >
              {formatAverage(cell.value, signed)}
            </td>
          ))}
        </tr>
      ))}
    </tfoot>
  );
}
