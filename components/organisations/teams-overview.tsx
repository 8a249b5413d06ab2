import { EmptyState } from "@/components/ui/empty-state";

type TeamSummary = { id: string; name: string; leaders: { id: string; name: string }[]; repCount: number };

const emptyText = {
  admin: "Teams group reps under their leaders. Create your first team on the Teams page.",
  leader: "You do not lead a team yet. An admin can make you the leader of one.",
  rep: "You are not in a team yet. An admin or your leader will add you to one.",
} as const;

/** The teams a member may see: name, leaders, number of active reps. */
export function TeamsOverview({ teams, role }: { teams: TeamSummary[]; role: keyof typeof emptyText }) {
  if (teams.length === 0) return <EmptyState title="No teams yet">{emptyText[role]}</EmptyState>;
  return (
    <section aria-labelledby="teams-heading">
      <h2 id="teams-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
        Teams
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team) => (
          <li key={team.id} className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200">
            <h3 className="font-semibold text-slate-900">{team.name}</h3>
            <dl className="mt-3 space-y-1 text-sm">
              <div className="flex gap-2">
                <dt className="text-slate-500">Led by</dt>
                <dd className="text-slate-800">{team.leaders.length ? team.leaders.map((l) => l.name).join(", ") : "No leader yet"}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-500">Reps</dt>
                <dd className="text-slate-800">{team.repCount}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
