import { firstRows } from "@/lib/first-rows";
import { ShowAllLink } from "@/components/ui/show-all-link";
import { Table, Th } from "@/components/ui/table";
import { FIRST_TEAMS, type Participation, type TeamParticipation } from "@/lib/dashboards/figures";
import { Meter } from "./stat";

function Row({ label, figures, total = false }: { label: string; figures: Participation; total?: boolean }) {
  return (
    <tr>
      <th scope="row" className={`px-4 py-3 text-left text-slate-900 ${total ? "font-semibold" : "font-medium"}`}>
        {label}
      </th>
      <td className={total ? "text-right font-semibold" : "text-right"}>{figures.reps}</td>
      <td>
        <Meter part={figures.selfSubmitted} whole={figures.reps} />
      </td>
      <td>
        <Meter part={figures.leaderComplete} whole={figures.reps} />
      </td>
    </tr>
  );
}

/** The cells' common styling, set once on the table and its sections: an organisation can have 50 teams. */
const cells = "tabular-nums [&_td]:px-4 [&_td]:py-3 [&_td]:text-slate-800";

/**
 * Per team: self-assessments submitted and leader ratings complete, out of the team's active reps. A long list
 * opens on its first 10 teams.
 */
export function ParticipationTable({
  teams,
  total,
  caption,
  all,
  toggleHref,
}: {
  teams: TeamParticipation[];
  total: Participation;
  caption: string;
  /** Every team, not the first 10 (the person asked); `toggleHref` asks for the other. */
  all: boolean;
  toggleHref: string;
}) {
  const rows = firstRows(teams, FIRST_TEAMS, all);
  return (
    <>
      <Table caption={caption} className={cells}>
        <thead>
          <tr>
            <Th>Team</Th>
            <Th className="text-right">Reps</Th>
            <Th>Self-assessments submitted</Th>
            <Th>Leader ratings complete</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.shown.map((t) => (
            <Row key={t.teamId} label={t.teamName} figures={t} />
          ))}
        </tbody>
        {teams.length > 1 && (
          <tfoot className="border-t-2 border-slate-200">
            <Row label="All teams" figures={total} total />
          </tfoot>
        )}
      </Table>
      {rows.cut && (
        <ShowAllLink
          all={all}
          href={toggleHref}
          showAll={`Show all ${teams.length} teams`}
          showFirst={`Show the ${FIRST_TEAMS} furthest behind only`}
        />
      )}
    </>
  );
}
