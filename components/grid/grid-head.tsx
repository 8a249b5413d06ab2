"use client";

import { cn } from "@/components/ui/cn";
import type { GridBehaviour } from "@/lib/grid/compact";
import type { CellProps } from "./use-grid-keyboard";
import type { SortDirection } from "./use-grid-rows";

type Props = {
  behaviours: GridBehaviour[];
  signed: boolean;
  sortState: (columnId: string) => SortDirection;
  /** A click on a header: it becomes the active cell and sorts its column. */
  onSort: (col: number, columnId: string) => void;
  cellProps: CellProps;
};

/** The header row (the keyboard's row -1): each column's name, sort order and, on hover or focus, what it shows. */
export function GridHead({ behaviours, signed, sortState, onSort, cellProps }: Props) {
  return (
    <thead className="sticky top-0 z-20 bg-slate-50 print:static">
      <tr role="row" aria-rowindex={1}>
        {[
          { id: "rep", name: "Rep", description: "" },
          {
            id: "status",
            name: "Self-assessment",
            description: "Each rep's self-assessment for this cycle: not started, draft, submitted or shared.",
          },
          ...behaviours,
          {
            id: "average",
            name: "Average",
            description: signed
              ? "Each rep's average across the behaviours with a value."
              : "Each rep's average across the behaviours they are rated on.",
          },
        ].map((column, col) => {
          const sort = sortState(column.id);
          return (
            <th
              key={column.id}
              role="columnheader"
              scope="col"
              aria-sort={sort}
              aria-describedby={column.description ? `desc-${column.id}` : undefined}
              {...cellProps(-1, col)}
              onClick={() => onSort(col, column.id)}
              className={cn(
                "group relative cursor-pointer border-b border-slate-200 px-2 py-2 text-left align-bottom text-xs font-semibold text-slate-700 outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset",
                col === 0 && "sticky left-0 z-30 min-w-44 bg-slate-50",
                col === 1 && "min-w-48",
                col > 1 && "min-w-24 text-center",
              )}
            >
              <span>{column.name}</span>
              {sort !== "none" && <span aria-hidden="true">{sort === "ascending" ? " ▲" : " ▼"}</span>}
              {column.description && (
                <span
                  id={`desc-${column.id}`}
                  role="tooltip"
                  className="pointer-events-none absolute top-full left-1/2 z-40 mt-1 hidden w-64 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-left text-xs font-normal text-white shadow-lg group-hover:block group-focus:block"
                >
                  {column.description}
                </span>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
