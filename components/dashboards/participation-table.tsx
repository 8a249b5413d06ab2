"use client";

import { Table, Td, Th } from "@/components/ui/table";
import type { Participation, TeamParticipation } from "@/lib/dashboards/figures";
import { Meter } from "./stat";

function Row({ label, figures, total = false }: { label: string; figures: Participation; total?: boolean }) {
  return (
    <tr>
      <th scope="row" className={`px-4 py-3 text-left text-slate-900 ${total ? "font-semibold" : "font-medium"}`}>
        {label}
      </th>
      <Td className={`text-right tabular-nums ${total ? "font-semibold" : ""}`}>{figures.reps}</Td>
      <Td>
        <Meter part={figures.selfSubmitted} whole={figures.reps} label="Self-assessments submitted" />
      </Td>
      <Td>
        <Meter part={figures.leaderComplete} whole={figures.reps} label="Leader ratings complete" />
      </Td>
    </tr>
  );
}

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
          <Row key={t.teamId} label={t.teamName} figures={t} />
        ))}
      </tbody>
      {teams.length > 1 && (
        <tfoot className="border-t-2 border-slate-200">
          <Row label="All teams" figures={total} total />
        </tfoot>
      )}
    </Table>
  );
}
