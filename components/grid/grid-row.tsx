"use client";

import Link from "next/link";
import { toast } from "sonner";
import { cn } from "@/components/ui/cn";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/assessments/visibility";
import type { Average, GridBehaviour } from "@/lib/grid/compact";
import type { GridViewName } from "@/lib/grid/view-names";
import type { CellMark } from "./cell-store";
import { averageLabel, describeCell, formatAverage, HIDDEN, SAVE_STATE, scoreColour, scoreText, STATUS_CLASS, type GridRow } from "./cell-text";
import { FIRST, type CellProps } from "./use-grid-keyboard";

export const ROW_HEIGHT = 44;

const FOCUS_RING = "outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600";

/** What every row of one grid shares. */
export type RowSetting = {
  slug: string;
  view: GridViewName;
  signed: boolean;
  behaviours: GridBehaviour[];
  /** Reps whose self ratings blind mode hides. */
  hidden: ReadonlySet<string>;
  /** Read-only views' parts of each value (dense, like the cells). */
  first: (number | null)[];
  second: (number | null)[];
  readOnly: true | undefined;
  showTeam: boolean;
  canRemind: boolean;
};

type Props = {
  row: GridRow;
  /** Its place among the rows shown (the keyboard's row). */
  at: number;
  setting: RowSetting;
  marks: ReadonlyMap<number, CellMark>;
  average: Average | undefined;
  cellProps: CellProps;
};

async function copyReminder(slug: string, name: string) {
  const url = new URL(`/o/${slug}/self-assessment`, window.location.origin).toString();
  try {
    await navigator.clipboard.writeText(url);
    toast.success(`Reminder link for ${name} copied: ${url}`);
  } catch {
    toast.error(`Could not copy. The link is ${url}`);
  }
}

/**
 * One rep's row: the name (a link to the rep's baseline), the self-assessment status (with a reminder link while it
 * is not submitted), a cell per behaviour with its save's state, and the rep's average.
 */
export function GridRowView({ row, at, setting, marks, average, cellProps }: Props) {
  const { slug, view, signed, behaviours, readOnly } = setting;
  const hidden = setting.hidden.has(row.userId);
  const width = behaviours.length;
  return (
    <tr role="row" aria-rowindex={at + 2} style={{ height: ROW_HEIGHT }}>
      <th
        role="rowheader"
        scope="row"
        {...cellProps(at, 0)}
        className={cn("sticky left-0 z-10 border-b border-slate-100 bg-white px-3 text-left font-medium text-slate-900", FOCUS_RING)}
      >
        <Link href={`/o/${slug}/reps/${row.userId}`} tabIndex={-1} className="hover:underline">
          {row.name}
        </Link>
        {setting.showTeam && <span className="block text-xs font-normal text-slate-500">{row.teamName ?? "No team"}</span>}
        {hidden && <span className="block text-xs font-normal text-slate-600 italic">{HIDDEN}</span>}
      </th>
      <td role="gridcell" {...cellProps(at, 1)} className={cn("border-b border-slate-100 px-2", FOCUS_RING)}>
        <span className="flex items-center gap-2">
          <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1", STATUS_CLASS[row.status])}>
            {ASSESSMENT_STATUS_LABEL[row.status]}
          </span>
          {setting.canRemind && (row.status === "not_started" || row.status === "draft") && (
            <button
              type="button"
              tabIndex={-1}
              onClick={() => void copyReminder(slug, row.name)}
              aria-label={`Copy reminder link for ${row.name}`}
              title="Copy reminder link"
              className="rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700 underline hover:bg-slate-100"
            >
              Copy link
            </button>
          )}
        </span>
      </td>
      {behaviours.map((b, i) => {
        const id = row.index * width + i;
        const score = row.scores[i] ?? null;
        const state = marks.get(id)?.status;
        const label = describeCell(view, row.name, b.name, score, { first: setting.first[id] ?? null, second: setting.second[id] ?? null }, hidden);
        return (
          <td
            key={b.id}
            role="gridcell"
            aria-readonly={readOnly}
            aria-label={`${label}${(state && SAVE_STATE[state]) ?? ""}`}
            title={hidden ? HIDDEN : state === "failed" ? "Not saved: press Enter to try again" : undefined}
            {...cellProps(at, i + FIRST)}
            className="border-b border-slate-100 p-1 outline-none focus-visible:[&>div]:ring-2 focus-visible:[&>div]:ring-brand-700"
          >
            <div
              className={cn(
                "relative flex h-9 items-center justify-center rounded-md font-semibold tabular-nums",
                hidden ? "bg-slate-50 text-xs font-normal text-slate-600 italic" : scoreColour(score, signed),
                state === "pending" && "opacity-60",
                (state === "conflict" || state === "refused") && "ring-2 ring-red-600",
                state === "failed" && "outline-2 outline-offset-[-2px] outline-red-700 outline-dashed",
              )}
            >
              {hidden ? "hidden" : scoreText(score, signed)}
              {state === "saved" && (
                <span aria-hidden="true" className="absolute top-0.5 right-1 text-[10px] text-emerald-700">
                  ✓
                </span>
              )}
              {state === "failed" && (
                <span
                  aria-hidden="true"
                  className="absolute -top-1 -right-1 flex size-4 items-center justify-center rounded-full bg-red-700 text-[10px] font-bold text-white"
                >
                  !
                </span>
              )}
            </div>
          </td>
        );
      })}
      <td
        role="gridcell"
        aria-label={hidden ? `${row.name}, average: ${HIDDEN.toLowerCase()}` : averageLabel(`${row.name}, average`, average, signed)}
        title={hidden ? HIDDEN : averageLabel("Average", average, signed)}
        {...cellProps(at, width + FIRST)}
        className={cn("border-b border-slate-100 px-2 text-center font-semibold text-slate-800 tabular-nums", FOCUS_RING)}
      >
        {hidden ? "hidden" : formatAverage(average, signed)}
      </td>
    </tr>
  );
}
