"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { toast } from "sonner";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSidewaysScroll } from "@/components/ui/use-sideways-scroll";
import { parseGrid, readGrid } from "@/lib/grid/compact";
import { gridFooters } from "@/lib/grid/footers";
import { GRID_VIEW_LABEL, isDifferenceView, type GridViewName } from "@/lib/grid/view-names";
import { GridFilterBar } from "./grid-filter-bar";
import { GridFooterRows } from "./grid-footer-rows";
import { GridHead } from "./grid-head";
import { GridOutline } from "./grid-outline";
import { GridPrintTable } from "./grid-print-table";
import { GridRowView, ROW_HEIGHT, type RowSetting } from "./grid-row";
import { useCellStore } from "./use-cell-store";
import { FIRST, useGridKeyboard } from "./use-grid-keyboard";
import { useGridRows } from "./use-grid-rows";
import { usePrinting } from "./use-printing";

export type GridProps = {
  slug: string;
  cycleId: string;
  /** leader: the editable leader ratings; self, gap, change: read-only views. */
  view: GridViewName;
  /** The change view's baseline cycle. */
  previousCycleName?: string | null;
  /** Whether a reminder link to the self-assessment makes sense (the cycle is the open one). */
  canRemind: boolean;
  editable: boolean;
  showTeam: boolean;
  /** The reps, behaviours, values and averages, compact (lib/grid/compact.ts), as JSON text; decoded once here. */
  grid: string;
};

/**
 * The grid renders in the browser only: its rows are virtualised against the scroll box, so a server render had
 * none to show, only the decoding of every cell (6,000 for 500 reps) on each request. The page sends the same
 * compact payload either way; the server and the hydrating page show the grid's outline.
 */
export function RatingGrid(props: GridProps) {
  return useHydrated() ? <GridBody {...props} /> : <GridOutline filters={!isDifferenceView(props.view)} />;
}

/**
 * The grid (WAI-ARIA grid pattern), put together from its parts: the cells and their saves (useCellStore), the rows
 * shown (useGridRows: filter and sort), the keyboard (useGridKeyboard), the virtualised rep rows (GridRowView), the
 * header, the average rows, the filter bar and the print-only table. Rows are virtualised, so 500 reps stay smooth.
 */
function GridBody(props: GridProps) {
  const { slug, view, editable, showTeam } = props;
  // The cells stay dense, as sent: cell (rep i, behaviour j) is at i * behaviours.length + j.
  const content = useMemo(() => readGrid(parseGrid(props.grid)), [props.grid]);
  const { behaviours, reps } = content;
  const width = behaviours.length;
  const colCount = width + 3;
  const signed = isDifferenceView(view);
  const { cells, save, retry, announcement } = useCellStore(slug, props.cycleId, content);
  const { averages } = cells;
  const footers = gridFooters(cells, showTeam);
  const { rows, filter, setFilter, sortBy, sortState } = useGridRows(reps, behaviours, cells.scores, averages.byRep);
  const hidden = useMemo(() => new Set(content.hidden), [content.hidden]);
  const printing = usePrinting();
  const scroller = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const sideways = useSidewaysScroll(scroller);

  // TanStack Virtual re-renders this component itself; no memoised child receives its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  const columnId = (col: number) => (col === 0 ? "rep" : col === 1 ? "status" : col === colCount - 1 ? "average" : behaviours[col - FIRST]!.id);
  const cellId = (row: number, column: number) => rows[row]!.index * width + column;
  const { onKeyDown, cellProps, setActive } = useGridKeyboard({
    gridRef,
    virtualizer,
    rows: rows.length,
    footers: footers.length,
    columns: colCount,
    onSort: (col) => sortBy(columnId(col)),
    onScore: (row, column, score) => {
      if (view !== "leader")
        return void toast.info(`The ${GRID_VIEW_LABEL[view].toLowerCase()} view is read-only. Switch to Leader ratings to rate.`);
      if (!editable) return void toast.info("This cycle is read-only.");
      void save(cellId(row, column), score);
    },
    onEnter: (row, column) => retry(cellId(row, column)),
  });

  // Screen readers say "read only" on the grid and on each score cell, and read why (a closed cycle, a read-only view).
  const readOnly = !editable || undefined;
  const gridLabel = view === "change" ? `Change since ${props.previousCycleName ?? "the previous cycle"}` : GRID_VIEW_LABEL[view];
  const setting: RowSetting = {
    slug,
    view,
    signed,
    behaviours,
    hidden,
    first: content.first,
    second: content.second,
    readOnly,
    showTeam,
    canRemind: props.canRemind,
  };

  return (
    <div className="space-y-3">
      <GridFilterBar behaviours={behaviours} filter={signed ? undefined : filter} onFilter={setFilter} shown={rows.length} total={reps.length} />
      {sideways.scrolls && (
        <p className="text-right text-xs text-slate-600 print:hidden">
          Scroll the grid sideways for every behaviour <span aria-hidden="true">→</span>
        </p>
      )}
      <div className="relative print:hidden">
        {sideways.moreRight && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-0 z-40 w-5 rounded-r-lg bg-linear-to-l from-slate-900/15 to-transparent"
          />
        )}
        <div ref={scroller} className="max-h-[70vh] overflow-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table
            ref={gridRef}
            role="grid"
            aria-label={gridLabel}
            aria-rowcount={rows.length + 1 + footers.length}
            aria-colcount={colCount}
            aria-readonly={readOnly}
            aria-describedby={readOnly ? "grid-read-only" : undefined}
            onKeyDown={onKeyDown}
            className="w-full border-separate border-spacing-0 text-sm"
          >
            <GridHead
              behaviours={behaviours}
              signed={signed}
              sortState={sortState}
              cellProps={cellProps}
              onSort={(col, id) => {
                setActive({ row: -1, col });
                sortBy(id);
              }}
            />
            <tbody>
              {padTop > 0 && (
                <tr aria-hidden="true">
                  <td style={{ height: padTop }} colSpan={colCount} />
                </tr>
              )}
              {virtualRows.map((virtual) => {
                const row = rows[virtual.index]!;
                return (
                  <GridRowView
                    key={row.userId}
                    row={row}
                    at={virtual.index}
                    setting={setting}
                    marks={cells.marks}
                    average={averages.byRep[row.userId]}
                    cellProps={cellProps}
                  />
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden="true">
                  <td style={{ height: padBottom }} colSpan={colCount} />
                </tr>
              )}
            </tbody>
            <GridFooterRows footers={footers} behaviours={behaviours} signed={signed} rows={rows.length} cellProps={cellProps} />
          </table>
        </div>
      </div>
      {printing && (
        <GridPrintTable
          caption={gridLabel}
          behaviours={behaviours}
          rows={rows}
          footers={footers}
          byRep={averages.byRep}
          hidden={hidden}
          signed={signed}
          showTeam={showTeam}
        />
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {readOnly && (
        <p id="grid-read-only" className="sr-only">
          {view === "leader"
            ? "Read-only: this cycle is not open for rating."
            : `Read-only: the ${GRID_VIEW_LABEL[view].toLowerCase()} view shows figures and cannot be edited.`}
        </p>
      )}
    </div>
  );
}
