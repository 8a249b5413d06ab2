"use client";

import { cn } from "@/components/ui/cn";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/assessments/visibility";
import type { GridAverages, GridBehaviour } from "@/lib/grid/compact";
import type { GridFooter } from "@/lib/grid/footers";
import { formatAverage, scoreColour, scoreText, type GridRow } from "./cell-text";

type Props = {
  caption: string;
  behaviours: GridBehaviour[];
  rows: GridRow[];
  footers: GridFooter[];
  byRep: GridAverages["byRep"];
  hidden: ReadonlySet<string>;
  signed: boolean;
  showTeam: boolean;
};

const CELL = "border border-slate-300 px-1";
const FIGURE = `${CELL} text-center font-semibold tabular-nums`;

/** Every row shown (filtered and sorted as on screen) in a plain table: what the page prints instead of the grid. */
export function GridPrintTable({ caption, behaviours, rows, footers, byRep, hidden, signed, showTeam }: Props) {
  return (
    <table className="hidden w-full border-collapse text-[9pt] print:table">
      <caption className="mb-1 text-left text-sm font-semibold">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={`${CELL} text-left`}>
            Rep
          </th>
          <th scope="col" className={`${CELL} text-left`}>
            Self-assessment
          </th>
          {behaviours.map((b) => (
            <th key={b.id} scope="col" className={CELL}>
              {b.name}
            </th>
          ))}
          <th scope="col" className={CELL}>
            Average
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isHidden = hidden.has(row.userId);
          return (
            <tr key={row.userId} className="break-inside-avoid">
              <th scope="row" className={`whitespace-nowrap ${CELL} text-left font-medium`}>
                {row.name}
                {showTeam && ` (${row.teamName ?? "no team"})`}
              </th>
              <td className={CELL}>{ASSESSMENT_STATUS_LABEL[row.status]}</td>
              {behaviours.map((b, j) => {
                const score = row.scores[j] ?? null;
                return (
                  <td
                    key={b.id}
                    className={cn(`${CELL} text-center tabular-nums print:[print-color-adjust:exact]`, !isHidden && scoreColour(score, signed))}
                  >
                    {isHidden ? "hidden" : score == null ? "" : scoreText(score, signed)}
                  </td>
                );
              })}
              <td className={FIGURE}>{isHidden ? "hidden" : formatAverage(byRep[row.userId], signed)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {footers.map((footer) => (
          <tr key={footer.key}>
            <th scope="row" className={`${CELL} text-left`} colSpan={2}>
              {footer.label}
            </th>
            {behaviours.map((b) => (
              <td key={b.id} className={FIGURE}>
                {formatAverage(footer.values.byBehaviour[b.id], signed)}
              </td>
            ))}
            <td className={FIGURE}>{formatAverage(footer.values.overall, signed)}</td>
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
