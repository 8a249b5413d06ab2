import { Table, Td, Th } from "@/components/ui/table";
import type { Participation, TeamParticipation } from "@/lib/dashboards/figures";
import { Meter } from "./stat";

/** Per team: self-assessments submitted and leader ratings complete, out of the team's active reps. */
export function ParticipationTable({ teams, total, caption }: { teams: TeamParticipation[]; total: Participation; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Team</Th>
          <Th className="text-right">Reps</Th>
          <Th>Self-assessments submitted</Th>
          <Th>Leader ratings complete</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {teams.map((t) => (
          <tr key={t.teamId}>
            <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
              {t.teamName}
            </th>
            <Td className="text-right tabular-nums">{t.reps}</Td>
            <Td>
              <Meter part={t.selfSubmitted} whole={t.reps} label="Self-assessments submitted" />
            </Td>
            <Td>
              <Meter part={t.leaderComplete} whole={t.reps} label="Leader ratings complete" />
            </Td>
          </tr>
        ))}
      </tbody>
      {teams.length > 1 && (
        <tfoot className="border-t-2 border-slate-200">
          <tr>
            <th scope="row" className="px-4 py-3 text-left font-semibold text-slate-900">
              All teams
            </th>
            <Td className="text-right font-semibold tabular-nums">{total.reps}</Td>
            <Td>
              <Meter part={total.selfSubmitted} whole={total.reps} label="Self-assessments submitted" />
            </Td>
            <Td>
              <Meter part={total.leaderComplete} whole={total.reps} label="Leader ratings complete" />
            </Td>
          </tr>
        </tfoot>
      )}
    </Table>
  );
}
