import type { ReactNode } from "react";
import { formatGap } from "@/components/self-assessment/format";
import { Td, Th } from "@/components/ui/table";
import { hiddenLabel, type BaselineRow } from "./types";

/**
 * A table that scrolls sideways inside its frame on a phone. The frame is a labelled, focusable region, so a
 * keyboard user can scroll it too (components/ui/table.tsx's frame is not focusable).
 */
function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200 print:overflow-visible print:ring-slate-400">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

function Score({ side, value, testId }: { side: "self" | "leader"; value: { score: number | null } | undefined; testId?: string }) {
  if (!value) return <span className="text-xs italic text-slate-600">{hiddenLabel(side)}</span>;
  return (
    <span data-testid={testId} className="font-semibold tabular-nums">
      {value.score ?? <span className="font-normal text-slate-600">Not rated</span>}
    </span>
  );
}

function Gap({ row }: { row: { gap: number | null; leader: object | undefined; self: object | undefined } }) {
  if (!row.leader) return <span className="text-xs italic text-slate-600">{hiddenLabel("leader")}</span>;
  if (!row.self) return <span className="text-xs italic text-slate-600">{hiddenLabel("self")}</span>;
  return <span className="font-semibold tabular-nums">{formatGap(row.gap)}</span>;
}

/** A comment of one side, or what stands in for it: a dash when there is none, the hidden label when hidden. */
function Comment({ side, value }: { side: "self" | "leader"; value: { comment: string | null } | undefined }) {
  if (!value) return <span className="text-xs italic text-slate-600">{hiddenLabel(side)}</span>;
  return <>{value.comment ?? <span className="text-slate-500">—</span>}</>;
}

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
    <Table caption={caption}>
      <thead>
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
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.behaviourId} className="align-top">
            <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
              {row.name}
              {row.archived && <span className="ml-1 text-xs font-normal text-slate-600">(archived)</span>}
            </th>
            {self && (
              <Td className="text-right">
                <Score side="self" value={row.self} />
              </Td>
            )}
            {leader && (
              <Td className="text-right">
                <Score side="leader" value={row.leader} testId="leader-score" />
              </Td>
            )}
            {both && (
              <Td className="text-right">
                <Gap row={row} />
              </Td>
            )}
            {both && column && <Td>{column.cell(row)}</Td>}
            {self && (
              <Td className="min-w-48 whitespace-pre-line break-words" data-testid="self-comment">
                <Comment side="self" value={row.self} />
              </Td>
            )}
            {leader && (
              <Td className="min-w-48">
                <div className="flex items-start justify-between gap-2">
                  <span className="whitespace-pre-line break-words">
                    <Comment side="leader" value={row.leader} />
                  </span>
                  {commentAction?.(row)}
                </div>
              </Td>
            )}
          </tr>
        ))}
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
