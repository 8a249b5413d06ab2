import { findCycle, listCycles } from "@/db/queries/cycles";
import { gridAverages, listGridBehaviours, listGridCells, listGridReps } from "@/db/queries/grid";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { can, teamScope } from "@/lib/permissions";
import { gridViewSchema } from "@/lib/schemas/grid";

/**
 * The leader's grid: the chosen team's reps (an admin may choose all teams) x the cycle's behaviours, the
 * leader ratings, and the row, column, team and organisation averages. Nine queries, whatever the size.
 */
export const loadGridPage = memberLoader(
  {
    route: "/o/[slug]/grid",
    permission: "grid.view",
    input: gridViewSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"], input: () => ({}) },
  },
  async ({ db, org, member }, view) => {
    const scope = teamScope(member);
    const [allTeams, cycles] = await Promise.all([listActiveTeams(db, org.id), listCycles(db, org.id)]);
    const teams = scope ? allTeams.filter((t) => scope.includes(t.id)) : allTeams;

    // A leader always looks at one team; an admin at all teams unless they pick one.
    let teamId: string | undefined = view.team === "all" ? undefined : view.team;
    if (teamId && !can(member, "team.view", { teamId })) throw new Refusal("forbidden");
    if (!teamId && scope) teamId = teams[0]?.id;

    const cycle = view.cycle ? await findCycle(db, org.id, view.cycle) : (cycles.find((c) => c.status === "open") ?? cycles[0]);
    if (view.cycle && !cycle) throw new Refusal("not_found");
    const base = {
      slug: org.slug,
      teams,
      cycles: cycles.map(({ id, name, status }) => ({ id, name, status })),
      teamId: teamId ?? null,
      canChooseAllTeams: !scope,
    };
    if (!cycle || (scope && !teamId)) return { ...base, cycle: null, grid: null };

    const teamIds = teamId ? [teamId] : undefined;
    const behaviours = await listGridBehaviours(db, org.id, cycle.id, cycle.status === "closed");
    const behaviourIds = behaviours.map((b) => b.id);
    const [reps, cells, averages, organisation] = await Promise.all([
      listGridReps(db, org.id, teamIds),
      listGridCells(db, org.id, cycle.id, teamIds),
      gridAverages(db, org.id, cycle.id, behaviourIds, teamIds),
      gridAverages(db, org.id, cycle.id, behaviourIds),
    ]);
    return {
      ...base,
      cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
      grid: { editable: cycle.status === "open", behaviours, reps, cells, averages, organisation },
    };
  },
);
