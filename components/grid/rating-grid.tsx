"use client";

import {
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { toast } from "sonner";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useSidewaysScroll } from "@/components/ui/use-sideways-scroll";
import { ASSESSMENT_STATUS_LABEL, type AssessmentStatus } from "@/lib/assessments/visibility";
import type { ActionState } from "@/lib/chain/outcome";
import { rateRep } from "@/lib/grid/actions";
import { parseGrid, readGrid, withSaved, type Average, type GridRep } from "@/lib/grid/compact";
import { gridFooters } from "@/lib/grid/footers";
import { GRID_VIEW_LABEL, isDifferenceView, type GridViewName } from "@/lib/grid/view-names";
import { GridOutline } from "./grid-outline";
import { BANDS, directionClass, formatSigned, scoreClass, type Band } from "./heatmap";

type Rep = GridRep;
type Cell = { score: number | null; version: number };
type CellStatus = "pending" | "saved" | "error";

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

/** A rep's row: `index` is its place in the grid's dense cells, `scores` its cells in column order. */
type Row = Rep & { index: number; scores: (number | null)[] };
type RateResult = Awaited<ReturnType<typeof rateRep>>;

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const ROW_HEIGHT = 44;
/** The average rows stay in view while the reps scroll, unless there are so many (one per team) that they would crowd them out. */
const STICKY_FOOTERS = 4;
const STATUS_ORDER: AssessmentStatus[] = ["not_started", "draft", "submitted", "shared"];
/** Columns: rep (0), self-assessment status (1), the behaviours (from 2), the average (last). */
const FIRST = 2;

const STATUS_CLASS: Record<AssessmentStatus, string> = {
  not_started: "bg-white text-slate-700 ring-slate-300",
  draft: "bg-amber-50 text-amber-900 ring-amber-300",
  submitted: "bg-sky-50 text-sky-900 ring-sky-300",
  shared: "bg-emerald-50 text-emerald-900 ring-emerald-300",
};
const HIDDEN = "Hidden until submitted";

function formatAverage(value: Average | undefined, signed: boolean) {
  if (value?.average == null) return "—";
  return signed ? formatSigned(value.average, 1) : value.average.toFixed(1);
}

function averageLabel(what: string, value: Average | undefined, signed: boolean) {
  const noun = (n: number) => (n === 1 ? "value" : "values");
  return value?.average == null
    ? `${what}: ${signed ? "no values" : "no ratings"} yet`
    : `${what}: ${formatAverage(value, signed)}, from ${value.count} ${signed ? noun(value.count) : value.count === 1 ? "rating" : "ratings"}`;
}

/**
 * The grid renders in the browser only: its rows are virtualised against the scroll box, so a server render had
 * none to show, only the decoding of every cell (6,000 for 500 reps) on each request. The page sends the same
 * compact payload either way; the server and the hydrating page show the grid's outline.
 */
export function RatingGrid(props: GridProps) {
  return useHydrated() ? <GridBody {...props} /> : <GridOutline filters={!isDifferenceView(props.view)} />;
}

/**
 * The leader's grid (WAI-ARIA grid pattern): one tab stop; arrow keys, Home/End and Page Up/Down move;
 * 1-5 sets a score, Delete or Backspace clears it; Enter on a column header sorts. Saves are optimistic,
 * with a pending / saved / failed state per cell; a failed save restores the old value and says why.
 * Rows are virtualised, so 500 reps stay smooth; the active row is always scrolled into view.
 */
function GridBody(props: GridProps) {
  const { slug, cycleId, view, editable, showTeam, canRemind } = props;
  // The cells stay dense, as sent: cell (rep i, behaviour j) is at i * behaviours.length + j.
  const content = useMemo(() => readGrid(parseGrid(props.grid)), [props.grid]);
  const { behaviours, reps } = content;
  const width = behaviours.length;
  const signed = isDifferenceView(view);
  const [cells, setCells] = useState(() => ({ scores: content.scores, versions: content.versions }));
  const hidden = useMemo(() => new Set(content.hidden), [content.hidden]);
  const [printing, setPrinting] = useState(false);
  const [status, setStatus] = useState(() => new Map<number, CellStatus>());
  const [averages, setAverages] = useState(content.averages);
  const [organisation, setOrganisation] = useState(content.organisation);
  const [teams, setTeams] = useState(content.teams);
  const footers = gridFooters({ averages, organisation, teams }, showTeam);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [bandFilter, setBandFilter] = useState<{ behaviour: string; band: Band | "" }>({ behaviour: "any", band: "" });
  const [active, setActive] = useState({ row: 0, col: 1 });
  const [announcement, setAnnouncement] = useState("");
  const scroller = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const sideways = useSidewaysScroll(scroller);
  const hasFocus = useRef(false);

  const data: Row[] = useMemo(
    () =>
      reps
        .map((rep, index) => ({ ...rep, index, scores: cells.scores.slice(index * width, (index + 1) * width) }))
        .filter((row) => {
          if (!bandFilter.band) return true;
          const test = BANDS[bandFilter.band].test;
          const columns = bandFilter.behaviour === "any" ? behaviours.map((_, j) => j) : [behaviours.findIndex((b) => b.id === bandFilter.behaviour)];
          return columns.some((j) => test(row.scores[j] ?? null));
        }),
    [reps, behaviours, width, cells, bandFilter],
  );

  const columns = useMemo<ColumnDef<typeof features, Row>[]>(
    () => [
      { id: "rep", accessorFn: (row) => row.name, sortFn: "alphanumeric" },
      { id: "status", accessorFn: (row) => STATUS_ORDER.indexOf(row.status), sortFn: "basic" },
      ...behaviours.map(
        (b, j): ColumnDef<typeof features, Row> => ({ id: b.id, accessorFn: (row) => row.scores[j] ?? undefined, sortFn: "basic", sortUndefined: "last" }),
      ),
      { id: "average", accessorFn: (row) => averages.byRep[row.userId]?.average ?? undefined, sortFn: "basic", sortUndefined: "last" },
    ],
    [behaviours, averages],
  );

  const table = useTable({ features, columns, data, state: { sorting }, onSortingChange: setSorting });
  const rows = table.getRowModel().rows;
  const colCount = behaviours.length + 3;
  // Grid rows: -1 is the header, then the reps, then the average rows (footers).
  const lastRow = rows.length + footers.length - 1;

  // TanStack Virtual re-renders this component itself; no memoised child receives its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);

  // Printing shows every row: a plain, print-only table rendered only while printing (beforeprint / print media).
  useEffect(() => {
    const query = window.matchMedia("print");
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    const change = () => (query.matches ? on() : off());
    window.addEventListener("beforeprint", on);
    window.addEventListener("afterprint", off);
    query.addEventListener("change", change);
    return () => {
      window.removeEventListener("beforeprint", on);
      window.removeEventListener("afterprint", off);
      query.removeEventListener("change", change);
    };
  }, []);

  // Keep the active cell in the DOM and focused after moving.
  useEffect(() => {
    if (active.row >= 0 && active.row < rows.length) virtualizer.scrollToIndex(active.row, { align: "auto" });
    if (!hasFocus.current) return;
    const frame = requestAnimationFrame(() => {
      gridRef.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [active, rows.length, virtualizer]);

  function sortBy(columnId: string) {
    setSorting((current) => {
      const now = current[0];
      if (now?.id !== columnId) return [{ id: columnId, desc: columnId !== "rep" }];
      return now.desc === (columnId !== "rep") ? [{ id: columnId, desc: !now.desc }] : [];
    });
  }

  /** Sets one cell's score and version, leaving the others as they are (saves may be in flight elsewhere). */
  function setCell(id: number, cell: Cell) {
    setCells((c) => {
      const scores = c.scores.slice();
      const versions = c.versions.slice();
      scores[id] = cell.score;
      versions[id] = cell.version;
      return { scores, versions };
    });
  }

  async function save(row: Row, column: number, score: number | null) {
    const behaviour = behaviours[column]!;
    const id = row.index * width + column;
    const previous: Cell = { score: cells.scores[id] ?? null, version: cells.versions[id] ?? 0 };
    if (previous.score === score) return;
    setCell(id, { ...previous, score });
    setStatus((m) => new Map(m).set(id, "pending"));
    let result: RateResult;
    try {
      result = await rateRep(slug, { cycleId, repUserId: row.userId, behaviourId: behaviour.id, score, expectedVersion: previous.version });
    } catch {
      result = { status: "error", code: "conflict", message: "The rating could not be saved. Check your connection and try again." } as ActionState<never>;
    }
    if (result.status === "ok") {
      const saved = result.data;
      setCell(id, { score: saved.score, version: saved.version });
      setStatus((m) => new Map(m).set(id, "saved"));
      // The figures move by this save's change (it saved over `previous`, the version check says so).
      const cell = { repUserId: row.userId, behaviourId: behaviour.id };
      setAverages((a) => withSaved(a, cell, previous.score, saved.score));
      setOrganisation((o) => withSaved(o, cell, previous.score, saved.score));
      setTeams((list) => list.map((t) => (t.teamId === row.teamId ? { ...t, averages: withSaved(t.averages, cell, previous.score, saved.score) } : t)));
      setAnnouncement(`Saved: ${row.name}, ${behaviour.name}: ${score ?? "cleared"}.`);
    } else if (result.status === "error") {
      const current = (result.details as { current?: Cell } | undefined)?.current;
      setCell(id, current ?? previous);
      setStatus((m) => new Map(m).set(id, "error"));
      toast.error(result.message);
      setAnnouncement(`Not saved: ${result.message}`);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const { row, col } = active;
    const move = (r: number, c: number) => {
      event.preventDefault();
      setActive({ row: Math.max(-1, Math.min(lastRow, r)), col: Math.max(0, Math.min(colCount - 1, c)) });
    };
    switch (event.key) {
      case "ArrowUp": return move(row - 1, col);
      case "ArrowDown": return move(row + 1, col);
      case "ArrowLeft": return move(row, col - 1);
      case "ArrowRight": return move(row, col + 1);
      case "Home": return move(event.ctrlKey ? 0 : row, 0);
      case "End": return move(event.ctrlKey ? rows.length - 1 : row, colCount - 1);
      case "PageDown": return move(row + 10, col);
      case "PageUp": return move(row - 10, col);
    }
    if (row === -1 && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      return sortBy(col === 0 ? "rep" : col === 1 ? "status" : col === colCount - 1 ? "average" : behaviours[col - FIRST]!.id);
    }
    const target = rows[row]?.original;
    if (target && event.key === "Enter" && (col === 0 || col === 1)) {
      // The row header's link (the rep's baseline) and the status cell's reminder button act on Enter.
      const inner = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"] a, [data-cell="${row}:${col}"] button`);
      if (inner) {
        event.preventDefault();
        inner.click();
      }
      return;
    }
    const column = col - FIRST;
    const behaviour = behaviours[column];
    if (!target || !behaviour || event.metaKey || event.ctrlKey || event.altKey) return;
    if (/^[1-5]$/.test(event.key) || event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      if (view !== "leader") return toast.info(`The ${GRID_VIEW_LABEL[view].toLowerCase()} view is read-only. Switch to Leader ratings to rate.`);
      if (!editable) return toast.info("This cycle is read-only.");
      void save(target, column, /^[1-5]$/.test(event.key) ? Number(event.key) : null);
    }
  }

  async function copyReminder(rep: Row) {
    const url = new URL(`/o/${slug}/self-assessment`, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      toast.success(`Reminder link for ${rep.name} copied: ${url}`);
    } catch {
      toast.error(`Could not copy. The link is ${url}`);
    }
  }

  const display = (score: number | null) => (score == null ? "·" : signed ? formatSigned(score) : String(score));
  const colour = (score: number | null) => (signed ? directionClass(score) : scoreClass(score));
  const describe = (row: Row, column: number, score: number | null) => {
    const b = behaviours[column]!;
    if (hidden.has(row.userId)) return `${row.name}, ${b.name}: ${HIDDEN.toLowerCase()}`;
    if (score == null) return `${row.name}, ${b.name}: ${view === "leader" || view === "self" ? "not rated" : "no value"}`;
    const id = row.index * width + column;
    const part = { first: content.first[id] ?? null, second: content.second[id] ?? null };
    if (view === "gap") return `${row.name}, ${b.name}: ${formatSigned(score)} (self ${part.first}, leader ${part.second})`;
    if (view === "change") return `${row.name}, ${b.name}: ${formatSigned(score)} (now ${part.first}, before ${part.second})`;
    return `${row.name}, ${b.name}: ${score}`;
  };
  // Screen readers say "read only" on the grid and on each score cell, and read why (a closed cycle, a read-only view).
  const readOnly = !editable || undefined;
  const gridLabel = view === "change" ? `Change since ${props.previousCycleName ?? "the previous cycle"}` : GRID_VIEW_LABEL[view];

  const cellProps = (row: number, col: number) => ({
    "data-cell": `${row}:${col}`,
    tabIndex: active.row === row && active.col === col ? 0 : -1,
    onClick: () => setActive({ row, col }),
    onFocus: () => {
      hasFocus.current = true;
      if (active.row !== row || active.col !== col) setActive({ row, col });
    },
  });
  const sortState = (id: string) => {
    const s = sorting.find((x) => x.id === id);
    return s ? (s.desc ? "descending" : "ascending") : "none";
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        {!signed && (
        <>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">Show reps where</span>
          <select
            className="rounded-md px-3 py-2 text-sm ring-1 ring-slate-300"
            value={bandFilter.behaviour}
            onChange={(e) => setBandFilter((f) => ({ ...f, behaviour: e.target.value }))}
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
            value={bandFilter.band}
            onChange={(e) => setBandFilter((f) => ({ ...f, band: e.target.value as Band | "" }))}
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
          {rows.length === reps.length ? `${reps.length} reps` : `${rows.length} of ${reps.length} reps shown; averages still count everyone`}
        </p>
      </div>

      {sideways.scrolls && (
        <p className="text-right text-xs text-slate-600 print:hidden">
          Scroll the grid sideways for every behaviour <span aria-hidden="true">→</span>
        </p>
      )}
      <div className="relative print:hidden">
        {sideways.moreRight && (
          <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 z-40 w-5 rounded-r-lg bg-linear-to-l from-slate-900/15 to-transparent" />
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
            <thead className="sticky top-0 z-20 bg-slate-50 print:static">
              <tr role="row" aria-rowindex={1}>
                {[
                  { id: "rep", name: "Rep", description: "" },
                  { id: "status", name: "Self-assessment", description: "Each rep's self-assessment for this cycle: not started, draft, submitted or shared." },
                  ...behaviours,
                  { id: "average", name: "Average", description: signed ? "Each rep's average across the behaviours with a value." : "Each rep's average across the behaviours they are rated on." },
                ].map((column, col) => (
                  <th
                    key={column.id}
                    role="columnheader"
                    scope="col"
                    aria-sort={sortState(column.id)}
                    aria-describedby={column.description ? `desc-${column.id}` : undefined}
                    {...cellProps(-1, col)}
                    onClick={() => {
                      setActive({ row: -1, col });
                      sortBy(column.id);
                    }}
                    className={cn(
                      "group relative cursor-pointer border-b border-slate-200 px-2 py-2 text-left align-bottom text-xs font-semibold text-slate-700 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600",
                      col === 0 && "sticky left-0 z-30 min-w-44 bg-slate-50",
                      col === 1 && "min-w-48",
                      col > 1 && "min-w-24 text-center",
                    )}
                  >
                    <span>{column.name}</span>
                    {sortState(column.id) !== "none" && <span aria-hidden="true">{sortState(column.id) === "ascending" ? " ▲" : " ▼"}</span>}
                    {column.description && (
                      <span
                        id={`desc-${column.id}`}
                        role="tooltip"
                        className="pointer-events-none absolute left-1/2 top-full z-40 mt-1 hidden w-64 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-2 text-left text-xs font-normal text-white shadow-lg group-hover:block group-focus:block"
                      >
                        {column.description}
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && (
                <tr aria-hidden="true">
                  <td style={{ height: padTop }} colSpan={colCount} />
                </tr>
              )}
              {virtualRows.map((virtual) => {
                const row = rows[virtual.index]!.original;
                const r = virtual.index;
                return (
                  <tr key={row.userId} role="row" aria-rowindex={r + 2} style={{ height: ROW_HEIGHT }}>
                    <th
                      role="rowheader"
                      scope="row"
                      {...cellProps(r, 0)}
                      className="sticky left-0 z-10 border-b border-slate-100 bg-white px-3 text-left font-medium text-slate-900 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600"
                    >
                      <Link href={`/o/${slug}/reps/${row.userId}`} tabIndex={-1} className="hover:underline">
                        {row.name}
                      </Link>
                      {showTeam && <span className="block text-xs font-normal text-slate-500">{row.teamName ?? "No team"}</span>}
                      {hidden.has(row.userId) && <span className="block text-xs font-normal italic text-slate-600">{HIDDEN}</span>}
                    </th>
                    <td role="gridcell" {...cellProps(r, 1)} className="border-b border-slate-100 px-2 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600">
                      <span className="flex items-center gap-2">
                        <span className={cn("whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1", STATUS_CLASS[row.status])}>{ASSESSMENT_STATUS_LABEL[row.status]}</span>
                        {canRemind && (row.status === "not_started" || row.status === "draft") && (
                          <button
                            type="button"
                            tabIndex={-1}
                            onClick={() => void copyReminder(row)}
                            aria-label={`Copy reminder link for ${row.name}`}
                            title="Copy reminder link"
                            className="whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 underline hover:bg-slate-100"
                          >
                            Copy link
                          </button>
                        )}
                      </span>
                    </td>
                    {behaviours.map((b, i) => {
                      const id = row.index * width + i;
                      const score = row.scores[i] ?? null;
                      const state = status.get(id);
                      const isHidden = hidden.has(row.userId);
                      return (
                        <td
                          key={b.id}
                          role="gridcell"
                          aria-readonly={readOnly}
                          aria-label={`${describe(row, i, score)}${state === "pending" ? ", saving" : state === "error" ? ", not saved" : ""}`}
                          title={isHidden ? HIDDEN : undefined}
                          {...cellProps(r, i + FIRST)}
                          className="border-b border-slate-100 p-1 outline-none focus-visible:[&>div]:ring-2 focus-visible:[&>div]:ring-brand-700"
                        >
                          <div
                            className={cn(
                              "relative flex h-9 items-center justify-center rounded-md font-semibold tabular-nums",
                              isHidden ? "bg-slate-50 text-xs font-normal italic text-slate-600" : colour(score),
                              state === "pending" && "opacity-60",
                              state === "error" && "ring-2 ring-red-600",
                            )}
                          >
                            {isHidden ? "hidden" : display(score)}
                            {state === "saved" && (
                              <span aria-hidden="true" className="absolute right-1 top-0.5 text-[10px] text-emerald-700">
                                ✓
                              </span>
                            )}
                          </div>
                        </td>
                      );
                    })}
                    <td
                      role="gridcell"
                      aria-label={hidden.has(row.userId) ? `${row.name}, average: ${HIDDEN.toLowerCase()}` : averageLabel(`${row.name}, average`, averages.byRep[row.userId], signed)}
                      title={hidden.has(row.userId) ? HIDDEN : averageLabel("Average", averages.byRep[row.userId], signed)}
                      {...cellProps(r, colCount - 1)}
                      className="border-b border-slate-100 px-2 text-center font-semibold tabular-nums text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600"
                    >
                      {hidden.has(row.userId) ? "hidden" : formatAverage(averages.byRep[row.userId], signed)}
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden="true">
                  <td style={{ height: padBottom }} colSpan={colCount} />
                </tr>
              )}
            </tbody>
            <tfoot className={cn("bg-slate-50 print:static", footers.length <= STICKY_FOOTERS && "sticky bottom-0 z-20")}>
              {footers.map((footer, f) => (
                <tr key={footer.key} role="row" aria-rowindex={rows.length + 2 + f}>
                  <th
                    role="rowheader"
                    scope="row"
                    {...cellProps(rows.length + f, 0)}
                    className="sticky left-0 z-30 border-t border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600"
                  >
                    {footer.label}
                  </th>
                  <td role="gridcell" {...cellProps(rows.length + f, 1)} aria-label={`${footer.label}: no self-assessment status`} className="border-t border-slate-200 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600" />
                  {[...behaviours.map((b) => ({ id: b.id, name: b.name, value: footer.values.byBehaviour[b.id] })), { id: "overall", name: "overall", value: footer.values.overall }].map(
                    (cell, i) => (
                      <td
                        key={cell.id}
                        role="gridcell"
                        aria-label={averageLabel(`${footer.label}, ${cell.name}`, cell.value, signed)}
                        title={averageLabel("Average", cell.value, signed)}
                        {...cellProps(rows.length + f, i + FIRST)}
                        className="border-t border-slate-200 px-2 py-2 text-center font-semibold tabular-nums text-slate-800 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600"
                      >
                        {formatAverage(cell.value, signed)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      </div>
      {printing && (
        <table className="hidden w-full border-collapse text-[9pt] print:table">
          <caption className="mb-1 text-left text-sm font-semibold">{gridLabel}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-slate-300 px-1 text-left">Rep</th>
              <th scope="col" className="border border-slate-300 px-1 text-left">Self-assessment</th>
              {behaviours.map((b) => (
                <th key={b.id} scope="col" className="border border-slate-300 px-1">{b.name}</th>
              ))}
              <th scope="col" className="border border-slate-300 px-1">Average</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ original: row }) => (
              <tr key={row.userId} className="break-inside-avoid">
                <th scope="row" className="whitespace-nowrap border border-slate-300 px-1 text-left font-medium">
                  {row.name}
                  {showTeam && ` (${row.teamName ?? "no team"})`}
                </th>
                <td className="border border-slate-300 px-1">{ASSESSMENT_STATUS_LABEL[row.status]}</td>
                {behaviours.map((b, j) => {
                  const score = row.scores[j] ?? null;
                  return (
                    <td key={b.id} className={cn("border border-slate-300 px-1 text-center tabular-nums print:[print-color-adjust:exact]", !hidden.has(row.userId) && colour(score))}>
                      {hidden.has(row.userId) ? "hidden" : score == null ? "" : display(score)}
                    </td>
                  );
                })}
                <td className="border border-slate-300 px-1 text-center font-semibold tabular-nums">
                  {hidden.has(row.userId) ? "hidden" : formatAverage(averages.byRep[row.userId], signed)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {footers.map((footer) => (
              <tr key={footer.key}>
                <th scope="row" className="border border-slate-300 px-1 text-left" colSpan={2}>{footer.label}</th>
                {behaviours.map((b) => (
                  <td key={b.id} className="border border-slate-300 px-1 text-center font-semibold tabular-nums">{formatAverage(footer.values.byBehaviour[b.id], signed)}</td>
                ))}
                <td className="border border-slate-300 px-1 text-center font-semibold tabular-nums">{formatAverage(footer.values.overall, signed)}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {readOnly && (
        <p id="grid-read-only" className="sr-only">
          {view === "leader" ? "Read-only: this cycle is not open for rating." : `Read-only: the ${GRID_VIEW_LABEL[view].toLowerCase()} view shows figures and cannot be edited.`}
        </p>
      )}
    </div>
  );
}
