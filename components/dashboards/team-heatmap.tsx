import { scoreClass } from "@/components/grid/heatmap";
import { cn } from "@/components/ui/cn";
import { firstRows } from "@/lib/first-rows";
import { ShowAllLink } from "@/components/ui/show-all-link";
import { Table } from "@/components/ui/table";
import { FIRST_TEAMS, type Figure, type HeatmapTable } from "@/lib/dashboards/figures";
import { ChangeText } from "./change";

/** A figure coloured like the grid, with how many ratings it averages on hover ("–": nothing rated). */
function ScoreCell({ figure, className }: { figure: Figure; className?: string }) {
  return (
    <td className={cn(scoreClass(figure?.average), className)} title={figure ? `${figure.count} rating${figure.count === 1 ? "" : "s"}` : undefined}>
      {figure ? figure.average.toFixed(1) : "–"}
    </td>
  );
}

const headCell = "bg-slate-50 px-2 py-2.5 text-center align-bottom text-xs font-semibold text-slate-700";
/** The cells' common styling, set once on the table, their rows and sections: 50 teams are 600 cells. */
const cells = "text-center tabular-nums [&_td]:px-2 [&_td]:py-2";
const rowHead = "sticky left-0 z-10 bg-white px-4 py-2 text-left text-slate-900";

/**
 * Team x behaviour averages of the leader ratings, coloured like the grid (orange low to blue high, the
 * number always printed), with each team's overall, each behaviour's organisation average and the change
 * since the previous cycle. Weakest team first; a long list opens on the 10 weakest.
 */
export function TeamHeatmap({
  heatmap,
  caption,
  since,
  all,
  toggleHref,
}: {
  heatmap: HeatmapTable;
  caption: string;
  since: string | null;
  /** Every team, not the first 10 (the person asked); `toggleHref` asks for the other. */
  all: boolean;
  toggleHref: string;
}) {
  const teams = firstRows(heatmap.teams, FIRST_TEAMS, all, heatmap.teamCount);
  return (
    <>
      <Table caption={caption} className={`text-xs ${cells}`}>
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
        <tbody className="divide-y divide-slate-100 font-medium">
          {teams.shown.map((team) => (
            <tr key={team.id}>
              <th scope="row" className={`${rowHead} font-medium`}>
                {team.name}
              </th>
              <ScoreCell figure={team.figure} className="font-semibold" />
              {since && (
                <td className="border-r border-slate-200">
                  <ChangeText value={team.change} />
                </td>
              )}
              {team.cells.map((figure, j) => (
                <ScoreCell key={heatmap.behaviours[j]!.id} figure={figure} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 font-semibold">
          <tr>
            <th scope="row" className={`${rowHead} font-semibold`}>
              Organisation
            </th>
            <ScoreCell figure={heatmap.overall.figure} />
            {since && (
              <td className="border-r border-slate-200">
                <ChangeText value={heatmap.overall.change} />
              </td>
            )}
            {heatmap.behaviours.map((b) => (
              <ScoreCell key={b.id} figure={b.figure} />
            ))}
          </tr>
        </tfoot>
      </Table>
      {teams.cut && (
        <ShowAllLink all={all} href={toggleHref} showAll={`Show all ${heatmap.teamCount} teams`} showFirst={`Show the ${FIRST_TEAMS} weakest only`} />
      )}
    </>
  );
}
