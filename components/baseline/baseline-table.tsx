import type { ReactNode } from "react";
import { formatGap } from "@/components/self-assessment/format";
import { cn } from "@/components/ui/cn";
import { Td, Th } from "@/components/ui/table";
import { hiddenLabel, type BaselineRow } from "./types";

/**
 * A table in a frame that scrolls sideways if it must (from the sm breakpoint up, with a shadow at the edge that
 * has more), a labelled, focusable region so a keyboard user can scroll it too. `stack` turns it into one card per
 * row below sm: every cell shows its own label (`CellLabel`), so nothing on a phone hides off to the side.
 */
function Table({ caption, stack = false, children }: { caption: string; stack?: boolean; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={cn(
        stack
          ? "sm:overflow-x-auto sm:rounded-lg sm:scroll-cue-x sm:ring-1 sm:ring-slate-200"
          : "overflow-x-auto rounded-lg scroll-cue-x ring-1 ring-slate-200",
        "print:overflow-visible print:ring-slate-400",
      )}
    >
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", stack && "max-sm:block max-sm:divide-y-0")}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The stacked layout's classes (below sm), for the parts of a `stack` table. */
const STACK = {
  head: "max-sm:sr-only",
  body: "max-sm:block max-sm:space-y-3 max-sm:divide-y-0",
  row: "max-sm:grid max-sm:grid-cols-3 max-sm:gap-x-3 max-sm:gap-y-3 max-sm:rounded-lg max-sm:bg-white max-sm:p-4 max-sm:ring-1 max-sm:ring-slate-200",
  rowHeader: "max-sm:col-span-3 max-sm:p-0 max-sm:text-base max-sm:font-semibold",
  figure: "max-sm:p-0 max-sm:text-left",
  wide: "max-sm:col-span-3 max-sm:p-0",
};

/** A cell's column name, shown only in the stacked layout (the column header says it on wider screens). */
function CellLabel({ children }: { children: ReactNode }) {
  return <span className="mb-0.5 block text-xs font-medium tracking-wide text-slate-500 uppercase sm:hidden">{children}</span>;
}

function Score({ side, value, testId }: { side: "self" | "leader"; value: { score: number | null } | undefined; testId?: string }) {
  if (!value) return <span className="text-xs text-slate-600 italic">{hiddenLabel(side)}</span>;
  return (
    <span data-testid={testId} className="font-semibold tabular-nums">
      {value.score ?? <span className="font-normal text-slate-600">Not rated</span>}
    </span>
  );
}

function Gap({ row }: { row: { gap: number | null; leader: object | undefined; self: object | undefined } }) {
  if (!row.leader) return <span className="text-xs text-slate-600 italic">{hiddenLabel("leader")}</span>;
  if (!row.self) return <span className="text-xs text-slate-600 italic">{hiddenLabel("self")}</span>;
  return <span className="font-semibold tabular-nums">{formatGap(row.gap)}</span>;
}

/** A comment of one side, or what stands in for it: a dash when there is none, the hidden label when hidden. */
function Comment({ side, value }: { side: "self" | "leader"; value: { comment: string | null } | undefined }) {
  if (!value) return <span className="text-xs text-slate-600 italic">{hiddenLabel(side)}</span>;
  return <>{value.comment ?? <span className="text-slate-500">—</span>}</>;
}

/** A side that is shown and has no comment: its card leaves the comment out (the table shows a dash). */
const absent = (value: { comment: string | null } | undefined) => value !== undefined && !value.comment;

/**
 * Every number of the baseline chart, as text: behaviour, self, leader, gap, the self and the leader's comments; `column`
 * adds one more after the gap (the report's coaching label). `dropHidden` leaves out a side hidden on every row,
 * and what derives from it (a printed report says so in words instead of repeating it in every cell).
 */
export function BaselineTable<R extends BaselineRow>({
  rows,
  caption,
  commentAction,
  column,
  dropHidden = false,
}: {
  rows: R[];
  caption: string;
  commentAction?: (row: R) => ReactNode;
  column?: { header: string; cell: (row: R) => ReactNode };
  dropHidden?: boolean;
}) {
  const self = !dropHidden || rows.some((r) => r.self);
  const leader = !dropHidden || rows.some((r) => r.leader);
  const both = self && leader;
  return (
    <Table caption={caption} stack>
      <thead className={STACK.head}>
        <tr>
          <Th>Behaviour</Th>
          {self && <Th className="text-right">Self</Th>}
          {leader && <Th className="text-right">Leader</Th>}
          {both && <Th className="text-right">Gap</Th>}
          {both && column && <Th>{column.header}</Th>}
          {self && <Th>Self comment</Th>}
          {leader && <Th>Leader&rsquo;s comment</Th>}
        </tr>
      </thead>
      <tbody className={cn("divide-y divide-slate-100", STACK.body)}>
        {rows.map((row) => {
          const action = commentAction?.(row);
          return (
            <tr key={row.behaviourId} className={cn("align-top", STACK.row)}>
              <th scope="row" className={cn("px-4 py-3 text-left font-medium text-slate-900", STACK.rowHeader)}>
                {row.name}
                {row.archived && <span className="ml-1 text-xs font-normal text-slate-600">(archived)</span>}
              </th>
              {self && (
                <Td className={cn("text-right", STACK.figure)}>
                  <CellLabel>Self</CellLabel>
                  <Score side="self" value={row.self} />
                </Td>
              )}
              {leader && (
                <Td className={cn("text-right", STACK.figure)}>
                  <CellLabel>Leader</CellLabel>
                  <Score side="leader" value={row.leader} testId="leader-score" />
                </Td>
              )}
              {both && (
                <Td className={cn("text-right", STACK.figure)}>
                  <CellLabel>Gap</CellLabel>
                  <Gap row={row} />
                </Td>
              )}
              {both && column && (
                <Td className={STACK.wide}>
                  <CellLabel>{column.header}</CellLabel>
                  {column.cell(row)}
                </Td>
              )}
              {self && (
                <Td className={cn("sm:min-w-48", STACK.wide, absent(row.self) && "max-sm:hidden")} data-testid="self-comment">
                  <CellLabel>Self comment</CellLabel>
                  <span className="break-words whitespace-pre-line">
                    <Comment side="self" value={row.self} />
                  </span>
                </Td>
              )}
              {leader && (
                <Td className={cn("sm:min-w-48", STACK.wide, absent(row.leader) && !action && "max-sm:hidden")} data-testid="leader-comment">
                  <CellLabel>Leader&rsquo;s comment</CellLabel>
                  <div className="flex items-start justify-between gap-2">
                    <span className="break-words whitespace-pre-line">
                      <Comment side="leader" value={row.leader} />
                    </span>
                    {action}
                  </div>
                </Td>
              )}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** One behaviour across cycles: cycle, leader, self, gap. */
export function HistoryTable({
  name,
  rows,
}: {
  name: string;
  rows: { cycle: string; leader: { score: number | null } | undefined; self: { score: number | null } | undefined; gap: number | null }[];
}) {
  return (
    <section className="min-w-0 print:break-inside-avoid">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{name}</h3>
      <Table caption={`${name}: leader and self scores by cycle`}>
        <thead>
          <tr>
            <Th>Cycle</Th>
            <Th className="text-right">Leader</Th>
            <Th className="text-right">Self</Th>
            <Th className="text-right">Gap</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.cycle}>
              <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                {row.cycle}
              </th>
              <Td className="py-2 text-right">
                <Score side="leader" value={row.leader} testId="history-leader-score" />
              </Td>
              <Td className="py-2 text-right">
                <Score side="self" value={row.self} />
              </Td>
              <Td className="py-2 text-right">
                <Gap row={row} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
