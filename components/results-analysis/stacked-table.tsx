import type { ReactNode } from "react";

/**
 * A table laid out as a grid (ARIA table roles): a header row from `sm` up, and below that each row stacks into its
 * cells, which label themselves (see the cells' own `sm:sr-only` labels). `grid` holds the `sm:grid-cols-…` class.
 */
export function StackedTable({
  label,
  first,
  columns,
  grid,
  rows,
}: {
  label: string;
  first: string;
  columns: readonly string[];
  grid: string;
  rows: readonly { key: string; header: ReactNode; cells: readonly ReactNode[] }[];
}) {
  return (
    <div role="table" aria-label={label} className="text-sm">
      <div role="rowgroup" className="hidden sm:block">
        <div role="row" className={`grid gap-4 border-b border-slate-200 pb-2 text-xs font-semibold text-slate-600 ${grid}`}>
          <div role="columnheader">{first}</div>
          {columns.map((c) => (
            <div role="columnheader" key={c}>
              {c}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup">
        {rows.map((r) => (
          <div role="row" key={r.key} className={`grid gap-2 border-b border-slate-100 py-3 last:border-0 sm:gap-4 ${grid}`}>
            <div role="rowheader" className="font-semibold text-slate-900">
              {r.header}
            </div>
            {r.cells.map((cell, i) => (
              <div role="cell" key={i}>
                {cell}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
