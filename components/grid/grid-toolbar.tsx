import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { LEGEND, scoreClass } from "./heatmap";

type Props = {
  teams: { id: string; name: string }[];
  cycles: { id: string; name: string; status: string }[];
  teamId: string | null;
  cycleId: string | null;
  canChooseAllTeams: boolean;
};

/** Team and cycle pickers (a GET form: the URL keeps the view) and the heatmap legend. */
export function GridToolbar({ teams, cycles, teamId, cycleId, canChooseAllTeams }: Props) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-4 print:hidden">
      <form method="get" aria-label="Choose the grid" className="flex flex-wrap items-end gap-3">
        <SelectField label="Team" name="team" defaultValue={teamId ?? "all"} className="w-48">
          {canChooseAllTeams && <option value="all">All teams</option>}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Cycle" name="cycle" defaultValue={cycleId ?? ""} className="w-48">
          {cycles.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.name} ({cycle.status})
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClasses("secondary")}>
          Show
        </button>
      </form>
      <ul aria-label="Colour legend" className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
        {LEGEND.map((entry) => (
          <li key={entry.score} className="flex items-center gap-1">
            <span className={`flex h-6 w-6 items-center justify-center rounded font-semibold ${scoreClass(entry.score)}`}>{entry.score}</span>
            {entry.label.includes("—") && <span className="mr-2">{entry.label.split("— ")[1]}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
