import type { z } from "zod";
import { listCycles } from "@/db/queries/cycles";
import {
  gridColumnAverages,
  listGridBehaviours,
  listGridReps,
  listGridRows,
  listViewCells,
  viewAverages,
  type TeamAverages,
  type ViewOptions,
} from "@/db/queries/grid";
import { listActiveTeams } from "@/db/queries/teams";
import { assessmentStatus, coachSeesSelf } from "@/lib/assessments/visibility";
import type { MemberContext } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { previousCycle } from "@/lib/cycles/order";
import { can, teamScope } from "@/lib/permissions";
import { encodeGrid, encodeLeaderRows, NO_TEAM, serializeGrid, type CompactGrid, type GridTeam } from "./compact";
import type { gridPageSchema, GridViewName } from "./views";

/**
 * The grid in one view, for the page and the CSV export alike (so both show the same numbers), in the compact
 * form the page sends to the browser (lib/grid/compact.ts; the export decodes it): the chosen
 * team's reps (an admin may choose all teams; a closed cycle holds the people rated in it) x the cycle's behaviours, the values, the row, column, team and
 * organisation averages (SQL), and each rep's self-assessment status. A fixed number of queries whatever the
 * number of reps: session, membership, teams, cycles, behaviours, reps with their assessments, then the leader
 * view's rows (cells and row averages) and column averages (team and organisation in one pass), or a read-only
 * view's values and its team and organisation averages. An admin's all-teams grid also has each team's column and
 * overall averages, from the same statements (grouping sets), so the count does not change.
 *
 * Blind mode: in the self and gap views a rep's self ratings are included only where coachSeesSelf allows;
 * the SQL applies the same rule (so averages never count a hidden score) and the cells are filtered again
 * here. A hidden rep's cells are absent from the data, and the rep is listed in `hidden`.
 */
export async function loadGridData(
  { db, org, member }: MemberContext,
  input: z.output<typeof gridPageSchema>,
  /** `pageSize`: the page shows that many reps at most (input.page picks which); the export passes none: everyone. */
  { pageSize }: { pageSize?: number } = {},
) {
  const view: GridViewName = input.view ?? "leader";
  const scope = teamScope(member);
  const [allTeams, cycles] = await Promise.all([listActiveTeams(db, org.id), listCycles(db, org.id)]);
  const teams = scope ? allTeams.filter((t) => scope.includes(t.id)) : allTeams;

  // A leader always looks at one team; an admin at all teams unless they pick one.
  let teamId: string | undefined = input.team === "all" ? undefined : input.team;
  if (teamId && !can(member, "team.view", { teamId })) throw new Refusal("forbidden");
  if (!teamId && scope) teamId = teams[0]?.id;

  const cycle = input.cycle ? cycles.find((c) => c.id === input.cycle) : (cycles.find((c) => c.status === "open") ?? cycles[0]);
  if (input.cycle && !cycle) throw new Refusal("not_found");
  const base = {
    slug: org.slug,
    view,
    teams,
    cycles: cycles.map(({ id, name, status }) => ({ id, name, status })),
    teamId: teamId ?? null,
    canChooseAllTeams: !scope,
  };
  if (!cycle || (scope && !teamId)) return { ...base, cycle: null, grid: null };

  const before = previousCycle(cycles, cycle);
  const closed = cycle.status === "closed";
  const gridCycle = { id: cycle.id, closed };
  const options: ViewOptions = { blindMode: org.blindMode, previousCycleId: before?.id ?? null, closed };
  const teamIds = teamId ? [teamId] : undefined;
  const [behaviours, everyone] = await Promise.all([listGridBehaviours(db, org.id, cycle.id, closed), listGridReps(db, org.id, gridCycle, teamIds)]);
  const behaviourIds = behaviours.map((b) => b.id);
  // A page of the reps (by name, as listed): only its cells are read and sent; the team and organisation figures
  // still cover everyone.
  const size = pageSize ?? Math.max(1, everyone.length);
  const pageNumber = Math.min(input.page ?? 1, Math.max(1, Math.ceil(everyone.length / size)));
  const paged = everyone.length > size;
  const reps = paged ? everyone.slice((pageNumber - 1) * size, pageNumber * size) : everyone;
  const pageRepIds = paged ? reps.map((r) => r.userId) : undefined;

  const showsSelf = view === "self" || view === "gap";
  const hidden = showsSelf ? reps.filter((r) => !coachSeesSelf(org.blindMode, r.assessment)).map((r) => r.userId) : [];
  const gridReps = reps.map(({ assessment, ...r }) => ({ ...r, status: assessmentStatus(assessment) }));

  let payload: CompactGrid;
  if (view === "leader") {
    const [rows, columns] = await Promise.all([
      listGridRows(db, org.id, gridCycle, behaviourIds, teamIds, pageRepIds),
      gridColumnAverages(db, org.id, gridCycle, behaviourIds, teamIds),
    ]);
    const averages = { byRep: Object.fromEntries(rows.map((row) => [row.repUserId, row.average])), ...columns.team };
    const teams = gridTeams(gridReps, columns.byTeam, !teamIds);
    payload = encodeLeaderRows({ behaviours, reps: gridReps, hidden, averages, organisation: columns.organisation, teams }, rows);
  } else {
    const [values, averages, organisation] = await Promise.all([
      listViewCells(db, org.id, cycle.id, view, options, teamIds),
      viewAverages(db, org.id, cycle.id, view, options, behaviourIds, teamIds),
      viewAverages(db, org.id, cycle.id, view, options, behaviourIds, undefined, { rows: false, teams: !teamIds }),
    ]);
    const hiddenSet = new Set(hidden);
    const onPage = pageRepIds && new Set(pageRepIds);
    const visible = values.filter((v) => !hiddenSet.has(v.repUserId) && (!onPage || onPage.has(v.repUserId)));
    const teams = gridTeams(gridReps, organisation.byTeam, !teamIds);
    payload = encodeGrid({ behaviours, reps: gridReps, hidden, cells: [], values: visible, averages, organisation, teams }, view);
  }
  return {
    ...base,
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    previousCycle: before ? { id: before.id, name: before.name } : null,
    repPage: { number: pageNumber, size, total: everyone.length },
    grid: {
      editable: view === "leader" && cycle.status === "open",
      repCount: reps.length,
      behaviourCount: behaviours.length,
      payload: serializeGrid(payload),
    },
  };
}

/**
 * An all-teams grid's team rows: every team with people in the grid, by name, the people without a team last, each
 * with its figures from SQL (none yet: no figures). A one-team grid has none.
 */
function gridTeams(reps: readonly { teamId: string | null; teamName: string | null }[], byTeam: TeamAverages, allTeams: boolean): GridTeam[] {
  if (!allTeams) return [];
  const names = new Map(reps.map((r) => [r.teamId, r.teamName ?? NO_TEAM]));
  const none = { byBehaviour: {}, overall: { average: null, count: 0 } };
  return [...names]
    .sort(([a, x], [b, y]) => Number(a === null) - Number(b === null) || x.localeCompare(y))
    .map(([teamId, name]) => ({ teamId, name, averages: byTeam[teamId ?? ""] ?? none }));
}

export type GridData = Awaited<ReturnType<typeof loadGridData>>;
