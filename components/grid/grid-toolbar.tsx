import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { GRID_VIEW_LABEL, GRID_VIEWS, type GridViewName } from "@/lib/grid/views";
import { directionClass, legendFor, scoreClass } from "./heatmap";

type Props = {
  slug: string;
  teams: { id: string; name: string }[];
  cycles: { id: string; name: string; status: string }[];
  teamId: string | null;
  cycleId: string | null;
  view: GridViewName;
  canChooseAllTeams: boolean;
};

/** Team, cycle and view pickers (a GET form: the URL keeps the view), the CSV download and the view's legend. */
export function GridToolbar({ slug, teams, cycles, teamId, cycleId, view, canChooseAllTeams }: Props) {
  const legend = legendFor(view);
  const query = new URLSearchParams({ team: teamId ?? "all", ...(cycleId && { cycle: cycleId }), view });
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-4 print:hidden">
      <form method="get" aria-label="Choose the grid" className="flex flex-wrap items-end gap-3">
        <SelectField label="Team" name="team" defaultValue={teamId ?? "all"} className="w-44">
          {canChooseAllTeams && <option value="all">All teams</option>}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Cycle" name="cycle" defaultValue={cycleId ?? ""} className="w-44">
          {cycles.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.name} ({cycle.status})
            </option>
          ))}
        </SelectField>
        <SelectField label="View" name="view" defaultValue={view} className="w-60">
          {GRID_VIEWS.map((v) => (
            <option key={v} value={v}>
              {GRID_VIEW_LABEL[v]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClasses("secondary")}>
          Show
        </button>
        {cycleId && (
          <a href={`/o/${slug}/grid/export?${query.toString()}`} download className={buttonClasses("secondary")}>
            Download CSV
          </a>
        )}
      </form>
      <div className="text-xs text-slate-600">
        <p id="grid-legend-title" className="mb-1 font-medium text-slate-700">
          {legend.title}
        </p>
        <ul aria-labelledby="grid-legend-title" className="flex flex-wrap items-center gap-1.5">
          {legend.entries.map((entry) => (
            <li key={entry.value} className="flex items-center gap-1">
              <span
                className={`flex h-6 min-w-6 items-center justify-center rounded px-1 font-semibold tabular-nums ${entry.signed ? directionClass(entry.value) : scoreClass(entry.value)}`}
              >
                {entry.text}
              </span>
              {entry.label && <span className="mr-2">{entry.label}</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
