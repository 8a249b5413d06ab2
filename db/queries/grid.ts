import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { executeRows, parsedJson as json } from "./execute";
import { coachSeesSelfSql } from "./rules";
import { assessments, behaviours, cycles, memberships, ratings, selfRatings, teams, users } from "../schema";

/**
 * The grid's reads. Everything the page shows comes from a fixed number of queries, whatever the number of
 * reps: behaviours, reps, cells, and the averages (computed here in SQL, never in JavaScript).
 * Averages are round(avg(score), 1) over the ratings present; an unrated cell is not a zero.
 */

/** The behaviour columns: active ones for an open cycle, the ones rated in it for a closed cycle. */
export async function listGridBehaviours(db: DbOrTx, orgId: string, cycleId: string, closed: boolean) {
  return db
    .select({
      id: behaviours.id,
      name: behaviours.name,
      description: behaviours.description,
      archived: sql<boolean>`${behaviours.archivedAt} is not null`,
    })
    .from(behaviours)
    .where(
      and(
        eq(behaviours.orgId, orgId),
        closed
          ? sql`exists (select 1 from ${ratings} r where r.org_id = ${behaviours.orgId} and r.cycle_id = ${cycleId}
              and r.behaviour_id = ${behaviours.id} and r.score is not null)`
          : isNull(behaviours.archivedAt),
      ),
    )
    .orderBy(asc(behaviours.position));
}

/**
 * round(avg, 1) over `count` values. The leader view's figures also carry their `sum`: a save moves them by its own
 * change (withSaved, lib/grid/compact.ts), instead of asking the database to add up the ratings again.
 */
export type Average = { average: number | null; count: number; sum?: number };
export type GridAverages = {
  byRep: Record<string, Average>;
  byBehaviour: Record<string, Average>;
  overall: Average;
};
export type ColumnAverages = Pick<GridAverages, "byBehaviour" | "overall">;
/** Column and overall figures per team, keyed by team id ("" for people without a team). */
export type TeamAverages = Record<string, ColumnAverages>;

const average = (value: string | number | null, count: number | string, sum?: number | string | null): Average => ({
  average: value === null ? null : Number(value),
  count: Number(count),
  ...(sum === undefined ? {} : { sum: Number(sum ?? 0) }),
});

/** A cycle as the grid's reads need it: whose rows it holds depends on whether it is closed (inGrid). */
export type GridCycle = { id: string; closed: boolean };

/**
 * Whether the membership (the `memberships` table of the enclosing query) has a row in the cycle's grid: in an open
 * cycle, an active rep; in a closed one, whoever was rated in it (a leader or a self score), whatever their role or
 * status now, so a rep who has since become a leader, or left, stays in the past cycles they were rated in.
 */
function inGrid(orgId: string, cycle: GridCycle) {
  if (!cycle.closed) return sql`${memberships.role} = 'rep' and ${memberships.status} = 'active'`;
  return sql`(exists (select 1 from ${ratings} gr where gr.org_id = ${orgId} and gr.cycle_id = ${cycle.id}
      and gr.rep_user_id = ${memberships.userId} and gr.score is not null)
    or exists (select 1 from ${selfRatings} gs where gs.org_id = ${orgId} and gs.cycle_id = ${cycle.id}
      and gs.rep_user_id = ${memberships.userId} and gs.score is not null))`;
}

/**
 * The people of the cycle's grid (inGrid) in the given teams (all teams when undefined, people without a team
 * included), with their team and their self-assessment in the cycle (null: not started), by name. One query and one JSON value (500 reps are one
 * value to read, not 500 rows).
 */
export async function listGridReps(db: DbOrTx, orgId: string, cycle: GridCycle, teamIds?: readonly string[]) {
  if (teamIds && teamIds.length === 0) return [];
  const cycleId = cycle.id;
  type Rep = [
    userId: string,
    name: string,
    teamId: string | null,
    teamName: string | null,
    started: boolean,
    submittedAt: string | null,
    sharedAt: string | null,
  ];
  const [row] = await db
    .select({
      reps: sql<Rep[] | string | null>`json_agg(json_build_array(${memberships.userId}, ${users.name}, ${memberships.teamId}, ${teams.name},
        ${assessments.repUserId} is not null, ${assessments.submittedAt}, ${assessments.sharedAt}) order by ${users.name}, ${memberships.userId})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .leftJoin(
      assessments,
      and(eq(assessments.orgId, memberships.orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, memberships.userId)),
    )
    .where(and(eq(memberships.orgId, orgId), inGrid(orgId, cycle), teamIds ? inArray(memberships.teamId, [...teamIds]) : undefined));
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return (json(row?.reps ?? null) ?? []).map(([userId, name, teamId, teamName, started, submittedAt, sharedAt]) => ({
    userId,
    name,
    teamId,
    teamName,
    assessment: started ? { submittedAt: date(submittedAt), sharedAt: date(sharedAt) } : null,
  }));
}

/** The people of the cycle's grid (inGrid) in these teams (all teams when undefined), as a subquery of user ids. */
function repScope(orgId: string, cycle: GridCycle, teamIds?: readonly string[]) {
  return sql`select ${memberships.userId} from ${memberships} where ${memberships.orgId} = ${orgId} and ${inGrid(orgId, cycle)}
    ${teamIds ? sql`and ${memberships.teamId} in ${[...teamIds]}` : sql``}`;
}

/**
 * The leader view's rows in one query: for each rep of the scope with a rating in the cycle, its cells over the
 * given behaviours and its row average. One JSON value: per rep, the cells' column numbers (their place in
 * `behaviourIds`), scores (null: cleared) and versions, as parallel arrays, so 6,000 cells are neither 6,000 rows to
 * map nor 6,000 behaviour ids to read.
 */
export async function listGridRows(
  db: DbOrTx,
  orgId: string,
  cycle: GridCycle,
  behaviourIds: readonly string[],
  teamIds?: readonly string[],
  /** Only these reps (a page of the grid), instead of every rep of the team scope. */
  repUserIds?: readonly string[],
) {
  if (behaviourIds.length === 0 || (teamIds && teamIds.length === 0) || (repUserIds && repUserIds.length === 0)) return [];
  const cycleId = cycle.id;
  type Row = [
    repUserId: string,
    columns: number[],
    scores: (number | null)[],
    versions: number[],
    average: number | null,
    count: number,
    sum: number | null,
  ];
  const order = sql`array[${sql.join(
    behaviourIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  // The three json_agg of one group see its rows in the same order, so the arrays stay aligned.
  const perRep = db
    .select({
      repUserId: sql<string>`${ratings.repUserId}`.as("rep_user_id"),
      columns: sql`json_agg(array_position(${order}, ${ratings.behaviourId}) - 1)`.as("columns"),
      scores: sql`json_agg(${ratings.score})`.as("scores"),
      versions: sql`json_agg(${ratings.version})`.as("versions"),
      average: sql`round(avg(${ratings.score}), 1)`.as("average"),
      count: sql`count(${ratings.score})::int`.as("count"),
      sum: sql`sum(${ratings.score})::int`.as("sum"),
    })
    .from(ratings)
    .where(
      and(
        eq(ratings.orgId, orgId),
        eq(ratings.cycleId, cycleId),
        inArray(ratings.behaviourId, [...behaviourIds]),
        repUserIds ? inArray(ratings.repUserId, [...repUserIds]) : sql`${ratings.repUserId} in (${repScope(orgId, cycle, teamIds)})`,
      ),
    )
    .groupBy(ratings.repUserId)
    .as("per_rep");
  const [row] = await db
    .select({
      rows: sql<
        Row[] | string | null
      >`json_agg(json_build_array(${perRep.repUserId}, ${perRep.columns}, ${perRep.scores}, ${perRep.versions}, ${perRep.average}, ${perRep.count}, ${perRep.sum}))`,
    })
    .from(perRep);
  return (json(row?.rows ?? null) ?? []).map(([repUserId, columns, scores, versions, value, count, sum]) => ({
    repUserId,
    columns,
    scores,
    versions,
    average: average(value, count, sum),
  }));
}

/** Whether a rating's rep (memberships m) is in the scope: these teams, or everyone when undefined. */
const inTeams = (teamIds?: readonly string[] | null) =>
  teamIds === undefined ? sql`true` : teamIds === null || teamIds.length === 0 ? sql`false` : sql`${memberships.teamId} in ${[...teamIds]}`;

/**
 * The column and overall averages of the team scope and of the whole organisation, in one pass over the cycle's
 * ratings of the grid's people (inGrid; grouping sets; the team's figures are filtered aggregates). Pass `teamIds` undefined for
 * all teams: both then agree. A column with no rating row in the scope has no figure. Every figure has its sum.
 */
export async function gridColumnAverages(
  db: DbOrTx,
  orgId: string,
  cycle: GridCycle,
  behaviourIds: readonly string[],
  teamIds?: readonly string[],
): Promise<{ team: ColumnAverages; organisation: ColumnAverages; byTeam: TeamAverages }> {
  const cycleId = cycle.id;
  const empty = (): ColumnAverages => ({ byBehaviour: {}, overall: { average: null, count: 0, sum: 0 } });
  const result = { team: empty(), organisation: empty(), byTeam: {} as TeamAverages };
  if (behaviourIds.length === 0) return result;
  const team = inTeams(teamIds);
  // All teams (an admin's choice): each team's figures too, in the same pass. A team's grid never gets other teams'.
  const perTeam = teamIds === undefined;
  const rows = await db
    .select({
      behaviourId: ratings.behaviourId,
      teamId: perTeam ? memberships.teamId : sql<string | null>`null`,
      grouped: sql<number>`grouping(${ratings.behaviourId})`,
      teamGrouped: perTeam ? sql<number>`grouping(${memberships.teamId})` : sql<number>`1`,
      teamRows: sql<number>`count(*) filter (where ${team})::int`,
      teamAverage: sql<string | null>`round(avg(${ratings.score}) filter (where ${team}), 1)`,
      teamCount: sql<number>`count(${ratings.score}) filter (where ${team})::int`,
      teamSum: sql<number | null>`sum(${ratings.score}) filter (where ${team})::int`,
      average: sql<string | null>`round(avg(${ratings.score}), 1)`,
      count: sql<number>`count(${ratings.score})::int`,
      sum: sql<number | null>`sum(${ratings.score})::int`,
    })
    .from(ratings)
    .innerJoin(memberships, and(eq(memberships.orgId, ratings.orgId), eq(memberships.userId, ratings.repUserId)))
    .where(and(eq(ratings.orgId, orgId), eq(ratings.cycleId, cycleId), inArray(ratings.behaviourId, [...behaviourIds]), inGrid(orgId, cycle)))
    .groupBy(
      perTeam
        ? sql`grouping sets ((${ratings.behaviourId}), (), (${memberships.teamId}, ${ratings.behaviourId}), (${memberships.teamId}))`
        : sql`grouping sets ((${ratings.behaviourId}), ())`,
    );
  for (const row of rows) {
    const teamFigure = Number(row.teamRows) > 0 ? average(row.teamAverage, row.teamCount, row.teamSum) : undefined;
    const orgFigure = average(row.average, row.count, row.sum);
    if (Number(row.teamGrouped) === 0) {
      const figures = (result.byTeam[row.teamId ?? ""] ??= empty());
      if (Number(row.grouped) === 0) figures.byBehaviour[row.behaviourId] = orgFigure;
      else figures.overall = orgFigure;
    } else if (Number(row.grouped) === 0) {
      if (teamFigure) result.team.byBehaviour[row.behaviourId] = teamFigure;
      result.organisation.byBehaviour[row.behaviourId] = orgFigure;
    } else {
      if (teamFigure) result.team.overall = teamFigure;
      result.organisation.overall = orgFigure;
    }
  }
  return result;
}

function collectAverages(rows: AverageRow[]): GridAverages & { byTeam: TeamAverages } {
  const result: GridAverages & { byTeam: TeamAverages } = { byRep: {}, byBehaviour: {}, overall: { average: null, count: 0 }, byTeam: {} };
  for (const row of rows) {
    const value = average(row.average, row.count);
    if (Number(row.teamGrouped) === 0) {
      const figures = (result.byTeam[row.teamId ?? ""] ??= { byBehaviour: {}, overall: { average: null, count: 0 } });
      if (Number(row.behaviourGrouped) === 0) figures.byBehaviour[row.behaviourId] = value;
      else figures.overall = value;
    } else if (Number(row.repGrouped) === 0) result.byRep[row.repUserId] = value;
    else if (Number(row.behaviourGrouped) === 0) result.byBehaviour[row.behaviourId] = value;
    else result.overall = value;
  }
  return result;
}

type AverageRow = {
  repUserId: string;
  behaviourId: string;
  teamId: string | null;
  repGrouped: number;
  behaviourGrouped: number;
  teamGrouped: number;
  average: string | null;
  count: number;
};

/** The read-only views of the grid: self ratings, gap (self - leader) and change since the previous cycle. */
export type ReadOnlyView = "self" | "gap" | "change";
export type ViewOptions = {
  /**
   * Blind mode of the organisation. When on, a rep's self ratings count only once the rep has submitted:
   * coachSeesSelfSql (db/queries/rules.ts), applied in SQL so averages never include a hidden score.
   */
  blindMode: boolean;
  /** The change view's baseline cycle; null: there is none and the view is empty. */
  previousCycleId: string | null;
  /** Whether the cycle is closed: its grid then holds the people rated in it (inGrid). */
  closed: boolean;
};

const previous = alias(ratings, "previous");

/**
 * One value per present (rep, behaviour) of the view, as a subquery: `value` is what the cell shows, `first`
 * and `second` what it is made of (gap: self and leader; change: now and before; self: the score and null).
 */
function viewValues(db: DbOrTx, orgId: string, cycleId: string, view: ReadOnlyView, options: ViewOptions) {
  const selfVisible = and(
    eq(assessments.orgId, orgId),
    eq(assessments.orgId, selfRatings.orgId),
    eq(assessments.cycleId, selfRatings.cycleId),
    eq(assessments.repUserId, selfRatings.repUserId),
    coachSeesSelfSql(options.blindMode, assessments.submittedAt),
  );
  if (view === "self") {
    return db
      .select({
        repUserId: selfRatings.repUserId,
        behaviourId: selfRatings.behaviourId,
        value: sql<number>`${selfRatings.score}`.as("value"),
        first: sql<number | null>`${selfRatings.score}`.as("first"),
        second: sql<number | null>`null::smallint`.as("second"),
      })
      .from(selfRatings)
      .innerJoin(assessments, selfVisible)
      .where(and(eq(selfRatings.orgId, orgId), eq(selfRatings.cycleId, cycleId), isNotNull(selfRatings.score)))
      .as("v");
  }
  if (view === "gap") {
    return db
      .select({
        repUserId: selfRatings.repUserId,
        behaviourId: selfRatings.behaviourId,
        value: sql<number>`${selfRatings.score} - ${ratings.score}`.as("value"),
        first: sql<number | null>`${selfRatings.score}`.as("first"),
        second: sql<number | null>`${ratings.score}`.as("second"),
      })
      .from(selfRatings)
      .innerJoin(assessments, selfVisible)
      .innerJoin(
        ratings,
        and(
          eq(ratings.orgId, selfRatings.orgId),
          eq(ratings.cycleId, selfRatings.cycleId),
          eq(ratings.repUserId, selfRatings.repUserId),
          eq(ratings.behaviourId, selfRatings.behaviourId),
        ),
      )
      .where(
        and(
          eq(selfRatings.orgId, orgId),
          eq(ratings.orgId, orgId),
          eq(selfRatings.cycleId, cycleId),
          isNotNull(selfRatings.score),
          isNotNull(ratings.score),
        ),
      )
      .as("v");
  }
  return db
    .select({
      repUserId: ratings.repUserId,
      behaviourId: ratings.behaviourId,
      value: sql<number>`${ratings.score} - ${previous.score}`.as("value"),
      first: sql<number | null>`${ratings.score}`.as("first"),
      second: sql<number | null>`${previous.score}`.as("second"),
    })
    .from(ratings)
    .innerJoin(
      previous,
      and(eq(previous.orgId, ratings.orgId), eq(previous.repUserId, ratings.repUserId), eq(previous.behaviourId, ratings.behaviourId)),
    )
    .where(
      and(
        eq(ratings.orgId, orgId),
        eq(previous.orgId, orgId),
        eq(ratings.cycleId, cycleId),
        options.previousCycleId ? eq(previous.cycleId, options.previousCycleId) : sql`false`,
        isNotNull(ratings.score),
        isNotNull(previous.score),
      ),
    )
    .as("v");
}

/** Every present value of a read-only view for the scope's reps, in one query. */
export async function listViewCells(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  view: ReadOnlyView,
  options: ViewOptions,
  teamIds?: readonly string[],
) {
  if (teamIds && teamIds.length === 0) return [];
  const v = viewValues(db, orgId, cycleId, view, options);
  const rows = await db
    .select({ repUserId: v.repUserId, behaviourId: v.behaviourId, value: v.value, first: v.first, second: v.second })
    .from(v)
    .where(sql`${v.repUserId} in (${repScope(orgId, { id: cycleId, closed: options.closed }, teamIds)})`);
  const num = (x: number | string | null) => (x === null ? null : Number(x));
  return rows.map((r) => ({
    repUserId: r.repUserId,
    behaviourId: r.behaviourId,
    value: Number(r.value),
    first: num(r.first),
    second: num(r.second),
  }));
}

/**
 * Row, column and overall averages of a read-only view, in one query (grouping sets), over the visible values
 * only: round(avg(value), 1). Pass `teamIds` undefined for the whole organisation. `shape.rows` false leaves out the
 * row averages (the organisation's footer needs none); `shape.teams` adds each team's column and overall figures
 * (`byTeam`, for an admin's all-teams grid).
 */
export async function viewAverages(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  view: ReadOnlyView,
  options: ViewOptions,
  behaviourIds: readonly string[],
  teamIds?: readonly string[],
  shape: { rows: boolean; teams: boolean } = { rows: true, teams: false },
): Promise<GridAverages & { byTeam: TeamAverages }> {
  if (behaviourIds.length === 0 || (teamIds && teamIds.length === 0)) return collectAverages([]);
  const v = viewValues(db, orgId, cycleId, view, options);
  const sets = [
    ...(shape.rows ? [sql`(${v.repUserId})`] : []),
    sql`(${v.behaviourId})`,
    sql`()`,
    ...(shape.teams ? [sql`(${memberships.teamId}, ${v.behaviourId})`, sql`(${memberships.teamId})`] : []),
  ];
  const rows = await db
    .select({
      repUserId: shape.rows ? v.repUserId : sql<string>`null`,
      behaviourId: v.behaviourId,
      teamId: shape.teams ? memberships.teamId : sql<string | null>`null`,
      repGrouped: shape.rows ? sql<number>`grouping(${v.repUserId})` : sql<number>`1`,
      behaviourGrouped: sql<number>`grouping(${v.behaviourId})`,
      teamGrouped: shape.teams ? sql<number>`grouping(${memberships.teamId})` : sql<number>`1`,
      average: sql<string | null>`round(avg(${v.value}), 1)`,
      count: sql<number>`count(${v.value})::int`,
    })
    .from(v)
    .innerJoin(memberships, and(eq(memberships.orgId, orgId), eq(memberships.userId, v.repUserId)))
    .where(
      and(inArray(v.behaviourId, [...behaviourIds]), sql`${v.repUserId} in (${repScope(orgId, { id: cycleId, closed: options.closed }, teamIds)})`),
    )
    .groupBy(sql`grouping sets (${sql.join(sets, sql`, `)})`);
  return collectAverages(rows);
}

export async function findRating(db: DbOrTx, orgId: string, cycleId: string, repUserId: string, behaviourId: string) {
  const [row] = await db
    .select({ score: ratings.score, version: ratings.version })
    .from(ratings)
    .where(and(eq(ratings.orgId, orgId), eq(ratings.cycleId, cycleId), eq(ratings.repUserId, repUserId), eq(ratings.behaviourId, behaviourId)));
  return row;
}

/**
 * Everything a save checks, in one query: the rep's membership and name, the cycle and the behaviour (each null when
 * it is not one of the organisation's). Undefined when the person is no member. Prepared (see db/client.ts).
 */
export async function findRatingContext(db: DbOrTx, orgId: string, cell: { cycleId: string; repUserId: string; behaviourId: string }) {
  const [row] = await db
    .select({
      rep: { userId: memberships.userId, role: memberships.role, status: memberships.status, teamId: memberships.teamId, name: users.name },
      cycle: { id: cycles.id, name: cycles.name, status: cycles.status },
      behaviour: { id: behaviours.id, name: behaviours.name, archivedAt: behaviours.archivedAt },
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(cycles, and(eq(cycles.orgId, memberships.orgId), eq(cycles.id, cell.cycleId)))
    .leftJoin(behaviours, and(eq(behaviours.orgId, memberships.orgId), eq(behaviours.id, cell.behaviourId)))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, cell.repUserId)))
    .prepare("find_rating_context")
    .execute();
  return row && { rep: row.rep, cycle: row.cycle?.id ? row.cycle : null, behaviour: row.behaviour?.id ? row.behaviour : null };
}

export type SavedRating = {
  version: number;
  /** The score it replaced, for the audit log. */
  before: number | null;
};

/**
 * Saves one cell if it still has the version the editor saw (0: never saved). Undefined when someone else saved
 * the cell first: the caller reports the conflict with the current value. The grid moves the figures the save
 * changed (the rep's row, the behaviour's columns, the overall figures) by the change itself (withSaved,
 * lib/grid/compact.ts): the version check guarantees the score it replaced is the one the grid showed.
 */
export async function saveRating(
  db: DbOrTx,
  orgId: string,
  cell: { cycleId: string; repUserId: string; behaviourId: string },
  score: number | null,
  expectedVersion: number,
  updatedBy: string,
): Promise<SavedRating | undefined> {
  const { cycleId, repUserId, behaviourId } = cell;
  const [row] = await executeRows<{ version: number; before: number | null }>(
    db,
    expectedVersion === 0
      ? sql`insert into ${ratings} (org_id, cycle_id, rep_user_id, behaviour_id, score, version, updated_by)
          values (${orgId}, ${cycleId}, ${repUserId}, ${behaviourId}, ${score}, 1, ${updatedBy})
          on conflict do nothing
          returning version, null::smallint as before`
      : sql`update ${ratings} r set score = ${score}, version = r.version + 1, updated_by = ${updatedBy}, updated_at = now()
          from ${ratings} old
          where r.org_id = ${orgId} and r.cycle_id = ${cycleId} and r.rep_user_id = ${repUserId} and r.behaviour_id = ${behaviourId}
            and r.version = ${expectedVersion}
            and old.org_id = r.org_id and old.cycle_id = r.cycle_id and old.rep_user_id = r.rep_user_id and old.behaviour_id = r.behaviour_id
          returning r.version, old.score as before`,
  );
  return row && { version: Number(row.version), before: row.before === null ? null : Number(row.before) };
}
