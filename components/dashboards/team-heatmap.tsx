"use client";

import { scoreClass } from "@/components/grid/heatmap";
import { Table } from "@/components/ui/table";
import type { Heatmap } from "@/lib/dashboards/figures";
import { ChangeText } from "./change";

function Score({ figure }: { figure: { average: number; count: number } | null }) {
  if (!figure) return <span className="text-slate-400">–</span>;
  return <span title={`${figure.count} rating${figure.count === 1 ? "" : "s"}`}>{figure.average.toFixed(1)}</span>;
}

const headCell = "bg-slate-50 px-2 py-2.5 text-center align-bottom text-xs font-semibold text-slate-700";

/**
 * Team x behaviour averages of the leader ratings, coloured like the grid (orange low to blue high, the
 * number always printed), with each team's overall, each behaviour's organisation average and the change
 * since the previous cycle.
 */
export function TeamHeatmap({ heatmap, caption, since }: { heatmap: Heatmap; caption: string; since: string | null }) {
  return (
    <Table caption={caption} className="text-xs">
      <thead>
        <tr>
          <th scope="col" className={`${headCell} sticky left-0 z-10 text-left`}>
            Team
          </th>
          <th scope="col" className={headCell}>
            Overall
          </th>
          {since && (
            <th scope="col" className={`${headCell} border-r border-slate-200`}>
              Since {since}
            </th>
          )}
          {heatmap.behaviours.map((b) => (
            <th key={b.id} scope="col" className={`${headCell} min-w-20 font-medium`}>
              {b.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {heatmap.teams.map((team) => (
          <tr key={team.id}>
            <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-2 text-left font-medium text-slate-900">
              {team.name}
            </th>
            <td className={`px-2 py-2 text-center font-semibold tabular-nums ${scoreClass(team.figure?.average)}`}>
              <Score figure={team.figure} />
            </td>
            {since && (
              <td className="border-r border-slate-200 px-2 py-2 text-center">
                <ChangeText value={team.change} />
              </td>
            )}
            {heatmap.behaviours.map((b) => (
              <td key={b.id} className={`px-2 py-2 text-center tabular-nums font-medium ${scoreClass(team.cells[b.id]?.average)}`}>
                <Score figure={team.cells[b.id] ?? null} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-200">
        <tr>
          <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-2 text-left font-semibold text-slate-900">
            Organisation
          </th>
          <td className={`px-2 py-2 text-center font-semibold tabular-nums ${scoreClass(heatmap.overall.figure?.average)}`}>
            <Score figure={heatmap.overall.figure} />
          </td>
          {since && (
            <td className="border-r border-slate-200 px-2 py-2 text-center">
              <ChangeText value={heatmap.overall.change} />
            </td>
          )}
          {heatmap.behaviours.map((b) => (
            <td key={b.id} className={`px-2 py-2 text-center font-semibold tabular-nums ${scoreClass(b.figure?.average)}`}>
              <Score figure={b.figure} />
            </td>
          ))}
        </tr>
      </tfoot>
    </Table>
  );
}
