import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import type { PlanStatus } from "../schema/enums";
import { executeRows, parsedJson } from "./execute";
import { isActiveRepOf } from "./rep-scope";
import type { GapBasis } from "@/lib/coaching/gap-basis";
import {
  assessments,
  behaviours,
  coachingPlanActions,
  coachingPlans,
  cycles,
  memberships,
  oneOnOneNoteBehaviours,
  oneOnOneNotes,
  organisations,
  ratings,
  repCycleTallies,
  selfRatings,
  teams,
  teamTallies,
  users,
} from "../schema";

/**
 * Coaching reads and writes: the queue's inputs (reps with their last 1:1, leader and visible self scores),
 * the team and organisation roll-ups (aggregated here, in SQL), coaching plans with their progress across
 * cycles, and 1:1 notes, whose privacy lives here: a note query takes the viewer and returns private notes
 * only to their author. Every function takes the organisation id right after the handle.
 */

/** The organisation's coaching settings: label thresholds and the 1:1 cadence. */
export async function findCoachingSettings(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select({
      blindSpotGap: organisations.blindSpotGap,
      hiddenStrengthGap: organisations.hiddenStrengthGap,
      agreedWeaknessMax: organisations.agreedWeaknessMax,
      agreedStrengthMin: organisations.agreedStrengthMin,
      oneOnOneCadenceDays: organisations.oneOnOneCadenceDays,
      gapBasis: organisations.gapBasis,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row!;
}

export type CoachingSettings = Awaited<ReturnType<typeof findCoachingSettings>>;

export async function updateOrganisationCoachingSettings(db: DbOrTx, orgId: string, values: CoachingSettings) {
  await db.update(organisations).set(values).where(eq(organisations.id, orgId));
}

/**
 * Which reps a coaching read covers: one rep, the reps of some teams, or (neither) the whole organisation; with
 * `repUserIds`, only those of them (a page of the queue).
 */
export type RepScope = { repUserId?: string; teamIds?: readonly string[]; repUserIds?: readonly string[] };

const emptyScope = (scope: RepScope) =>
  (scope.teamIds !== undefined && scope.teamIds.length === 0) || (scope.repUserIds !== undefined && scope.repUserIds.length === 0);

/** The user ids of the scope's active reps, as a subquery (raw aliases: it is interpolated into other queries). */
function scopeReps(orgId: string, scope: RepScope): SQL {
  return sql`select m.user_id from ${memberships} m where ${inScope(orgId, scope)}`;
}

/** Whether membership `m` is one of the scope's active reps. */
function inScope(orgId: string, scope: RepScope): SQL {
  return sql`m.org_id = ${orgId} and m.role = 'rep' and m.status = 'active'
    ${scope.teamIds ? sql`and m.team_id in ${[...scope.teamIds]}` : sql``}
    ${scope.repUserId ? sql`and m.user_id = ${scope.repUserId}` : sql``}
    ${scope.repUserIds ? sql`and m.user_id in ${[...scope.repUserIds]}` : sql``}`;
}

/**
 * The scope's active reps with their team, the day they joined (in the organisation's time zone) and the day of
 * their last 1:1 note (any author: a 1:1 took place; only its date is read, never its text or author), in one
 * query. The joining day is converted here: in the app, one time-zone conversion per rep cost 140 ms at 20,000 reps.
 */
export async function listCoachingReps(db: DbOrTx, orgId: string, timeZone: string, scope: RepScope = {}) {
  if (emptyScope(scope)) return [];
  return (
    db
      .select({
        userId: memberships.userId,
        name: users.name,
        teamId: memberships.teamId,
        teamName: teams.name,
        joinedOn: sql<string>`to_char(${memberships.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
        lastNoteOn: sql<string | null>`(
        select to_char(max(n.held_on), 'YYYY-MM-DD') from ${oneOnOneNotes} n
        where n.org_id = ${memberships.orgId} and n.rep_user_id = ${memberships.userId}
      )`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      // A rep without a team is still coached (the admin's whole-organisation queue lists them).
      .leftJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
      .where(isActiveRepOf(orgId, scope))
      .orderBy(asc(users.name), asc(memberships.userId))
  );
}

/** The scope's self-assessment states in one cycle: what blind mode decides on (lib/assessments/visibility.ts). */
export async function listCycleAssessments(db: DbOrTx, orgId: string, cycleId: string, scope: RepScope = {}) {
  if (emptyScope(scope)) return [];
  return db
    .select({ repUserId: assessments.repUserId, submittedAt: assessments.submittedAt, sharedAt: assessments.sharedAt })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.cycleId, cycleId), sql`${assessments.repUserId} in (${scopeReps(orgId, scope)})`));
}

/** A rep's self-assessment states in every cycle (blind mode decides per cycle what each side sees). */
export async function listRepAssessmentStates(db: DbOrTx, orgId: string, repUserId: string) {
  return db
    .select({ cycleId: assessments.cycleId, submittedAt: assessments.submittedAt, sharedAt: assessments.sharedAt })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.repUserId, repUserId)));
}

/** The scope's present leader scores in the cycle, on active behaviours (a query joined to behaviours). */
function presentLeaderScores(orgId: string, cycleId: string, scope: RepScope) {
  return and(
    eq(ratings.orgId, orgId),
    eq(ratings.cycleId, cycleId),
    isNotNull(ratings.score),
    isNull(behaviours.archivedAt),
    sql`${ratings.repUserId} in (${scopeReps(orgId, scope)})`,
  );
}

/** A rep at the head of the queue: what listCoachingReps gives, with what orders them and blind mode decides on. */
export type QueueHeadRep = Awaited<ReturnType<typeof listCoachingReps>>[number] & {
  /** The rep's rank in coaching order on every key but the name (reps tied on those keys share it). */
  place: number;
  submittedAt: Date | null;
  sharedAt: Date | null;
};

/**
 * The head of the scope's coaching queue, ordered here rather than in the app, so a page of the queue is built
 * from its own reps however large the organisation: every rep whose order key (lowest leader score, then time
 * since the last 1:1: orderReps) is at or before the `limit`-th rep's, with that rank (`place`). Reps tied with
 * that one come too, and the app breaks ties by name as orderReps does for the whole queue. Also the scope's rep
 * count and how many are overdue for a 1:1 (oneOnOneState: more than `cadenceDays` since the last note, or since
 * joining). One query; each rep's lowest score is read from rep_cycle_tallies (a row per rep, migration 0020).
 */
export async function listQueueHead(
  db: DbOrTx,
  orgId: string,
  timeZone: string,
  cycleId: string | null,
  scope: RepScope,
  page: { today: string; cadenceDays: number; limit: number },
): Promise<{ total: number; overdue: number; reps: QueueHeadRep[] }> {
  if (emptyScope(scope)) return { total: 0, overdue: 0, reps: [] };
  type Row = [
    userId: string,
    name: string,
    teamId: string | null,
    teamName: string | null,
    joinedOn: string,
    lastNoteOn: string | null,
    place: number,
    submittedAt: string | null,
    sharedAt: string | null,
  ];
  // The reps tied with the last one may be thousands (every rep with a 1 and no 1:1 yet): arrays, not objects.
  const [row] = await executeRows<{ head: { total: number; overdue: number; reps: Row[] | null } | string }>(
    db,
    sql`
    with last_notes as (
      select n.rep_user_id, max(n.held_on) as held_on from ${oneOnOneNotes} n
      where n.org_id = ${orgId} and n.rep_user_id in (${scopeReps(orgId, scope)}) group by n.rep_user_id),
    reps as (
      select m.user_id, m.team_id, l.lowest_active as lowest, ln.held_on as last_note_on,
        (m.created_at at time zone ${timeZone})::date as joined_on
      from ${memberships} m
      left join ${repCycleTallies} l on l.org_id = m.org_id and l.cycle_id = ${cycleId} and l.rep_user_id = m.user_id
      left join last_notes ln on ln.rep_user_id = m.user_id
      where ${inScope(orgId, scope)}),
    ranked as (
      select reps.*, rank() over (order by lowest asc nulls last, last_note_on asc nulls first) as place from reps)
    select json_build_object(
      'total', (select count(*) from reps),
      'overdue', (select count(*) from reps where coalesce(last_note_on, joined_on) < ${page.today}::date - ${page.cadenceDays}::int),
      'reps', (select json_agg(json_build_array(k.user_id, u.name, k.team_id, t.name, to_char(k.joined_on, 'YYYY-MM-DD'),
          to_char(k.last_note_on, 'YYYY-MM-DD'), k.place, a.submitted_at, a.shared_at))
        from ranked k
        join ${users} u on u.id = k.user_id
        left join ${teams} t on t.org_id = ${orgId} and t.id = k.team_id
        left join ${assessments} a on a.org_id = ${orgId} and a.cycle_id = ${cycleId} and a.rep_user_id = k.user_id
        where k.place <= ${page.limit})) as head`,
  );
  const head = parsedJson(row!.head);
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return {
    total: Number(head.total),
    overdue: Number(head.overdue),
    reps: (head.reps ?? []).map(([userId, name, teamId, teamName, joinedOn, lastNoteOn, place, submittedAt, sharedAt]) => ({
      userId,
      name,
      teamId,
      teamName,
      joinedOn,
      lastNoteOn,
      place: Number(place),
      submittedAt: date(submittedAt),
      sharedAt: date(sharedAt),
    })),
  };
}

/** Every present leader score of the scope's reps in the cycle, on active behaviours. */
export async function listLeaderScores(db: DbOrTx, orgId: string, cycleId: string, scope: RepScope = {}) {
  if (emptyScope(scope)) return [];
  return db
    .select({ repUserId: ratings.repUserId, behaviourId: ratings.behaviourId, score: sql<number>`${ratings.score}` })
    .from(ratings)
    .innerJoin(behaviours, and(eq(behaviours.orgId, ratings.orgId), eq(behaviours.id, ratings.behaviourId)))
    .where(presentLeaderScores(orgId, cycleId, scope));
}

/**
 * Present self scores, with the rep's comment, of these reps in the cycle. Callers pass only reps whose self
 * ratings the viewer may see (coachSeesSelf), so a hidden self rating is never read.
 */
export async function listVisibleSelfScores(db: DbOrTx, orgId: string, cycleId: string, visibleRepIds: readonly string[]) {
  if (visibleRepIds.length === 0) return [];
  return db
    .select({
      repUserId: selfRatings.repUserId,
      behaviourId: selfRatings.behaviourId,
      score: sql<number>`${selfRatings.score}`,
      comment: selfRatings.comment,
    })
    .from(selfRatings)
    .where(
      and(
        eq(selfRatings.orgId, orgId),
        eq(selfRatings.cycleId, cycleId),
        isNotNull(selfRatings.score),
        inArray(selfRatings.repUserId, [...visibleRepIds]),
      ),
    );
}

export type RollupRow = {
  /** null on the organisation-level row of a behaviour. */
  teamId: string | null;
  behaviourId: string;
  average: number | null;
  rated: number;
  blindSpots: number;
  hiddenStrengths: number;
  agreedWeaknesses: number;
  agreedStrengths: number;
  aligned: number;
  /** Organisation rows: the lowest and highest team average of the behaviour, and their spread. */
  lowestTeam: number | null;
  highestTeam: number | null;
  spread: number | null;
  /** Organisation rows: the teams with the lowest and highest average (ties: the first, and the last, by name). */
  lowestTeamName: string | null;
  highestTeamName: string | null;
};

export type Rollups = {
  rows: RollupRow[];
  /** How many active teams of the scope have a row, whether or not their rows were returned (`teamRowsUpTo`). */
  ratedTeams: number;
};

/**
 * The team and organisation roll-ups of the cycle in one query (grouping sets): per team and behaviour, and per
 * behaviour across the scope, the leader's average (round(avg, 1) over present scores) and how many reps fall
 * under each label; per behaviour, the spread between team averages and the teams at either end. Read from
 * team_tallies (a few rows per team, whatever the size of the teams), which the database keeps with the
 * organisation's thresholds and blind mode (`team_tally_rows`, migration 0019); the whole organisation's rows add
 * its reps without a team, computed here by the same function. Active behaviours only. With `teamRowsUpTo`, the
 * team rows come back only when at most that many teams have them (a page that shows a few teams' roll-ups);
 * the organisation's rows always do.
 */
export async function coachingRollups(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  scope: { teamIds?: readonly string[] },
  basis: GapBasis,
  options: { teamRowsUpTo?: number } = {},
): Promise<Rollups> {
  if (scope.teamIds?.length === 0) return { rows: [], ratedTeams: 0 };
  const labels = ["blind_spots", "hidden_strengths", "agreed_weaknesses", "agreed_strengths", "aligned"] as const;
  const columns = sql.raw(labels.map((l) => `${basis}_${l} as ${l}`).join(", "));
  const tallied = sql`select team_id, behaviour_id, score_sum, score_count, ${columns} from ${teamTallies}
    where org_id = ${orgId} and cycle_id = ${cycleId} ${scope.teamIds ? sql`and team_id in ${[...scope.teamIds]}` : sql``}`;
  // Reps without a team count in the organisation's rows only (the having below drops their team row).
  const teamless = scope.teamIds
    ? sql``
    : sql`union all select team_id, behaviour_id, score_sum, score_count, ${columns}
        from team_tally_rows(${orgId}, array[${cycleId}]::uuid[], true)`;
  const cells = sql`(select c.* from (${tallied} ${teamless}) c
    join ${behaviours} b on b.org_id = ${orgId} and b.id = c.behaviour_id and b.archived_at is null) c`;
  const average = sql`round(sum(c.score_sum)::numeric / sum(c.score_count), 1)`;
  const teamAverage = sql`case when grouping(c.team_id) = 0 then ${average} end`;
  const sum = (column: string) => sql`sum(${sql.raw(`c.${column}`)})::int`;
  const grouped = sql`select case when grouping(c.team_id) = 0 then c.team_id end as team_id, c.behaviour_id, ${average} as average,
      ${sum("score_count")} as rated, ${sum("blind_spots")} as blind_spots, ${sum("hidden_strengths")} as hidden_strengths,
      ${sum("agreed_weaknesses")} as agreed_weaknesses, ${sum("agreed_strengths")} as agreed_strengths, ${sum("aligned")} as aligned,
      min(${teamAverage}) over (partition by c.behaviour_id) as lowest_team, max(${teamAverage}) over (partition by c.behaviour_id) as highest_team
    from ${cells}
    group by grouping sets ((c.team_id, c.behaviour_id), (c.behaviour_id))
    having grouping(c.team_id) = 1 or c.team_id is not null`;
  // The teams at each behaviour's ends: ties go to the first and the last name, as the dashboard's team lists order
  // them; aggregates, as a window sorting a few thousand names in a linguistic collation doubled the statement.
  const ends = sql`select g.behaviour_id, min(t.name) filter (where g.average = g.lowest_team) as lowest_team_name,
      max(t.name) filter (where g.average = g.highest_team) as highest_team_name
    from g join ${teams} t on t.org_id = ${orgId} and t.id = g.team_id group by g.behaviour_id`;
  const ratedTeams = sql`select count(*) as n from ${teams} t
    where t.org_id = ${orgId} and t.archived_at is null and t.id in (select g.team_id from g)`;
  const shown = options.teamRowsUpTo === undefined ? sql`true` : sql`g.team_id is null or (select n from rated_teams) <= ${options.teamRowsUpTo}`;
  type Num = number | string | null;
  type Count = number;
  type Row = [
    teamId: string | null,
    behaviourId: string,
    average: Num,
    rated: Count,
    ...labels: [Count, Count, Count, Count, Count],
    lowest: Num,
    highest: Num,
    lowestName: string | null,
    highestName: string | null,
  ];
  // One JSON value rather than a row per team and behaviour to map (see parsedJson).
  const [row] = await executeRows<{ rollups: { rows: Row[] | null; ratedTeams: number } | string }>(
    db,
    sql`with g as (${grouped}), ends as (${ends}), rated_teams as (${ratedTeams})
    select json_build_object('ratedTeams', (select n from rated_teams), 'rows', (select json_agg(json_build_array(g.team_id, g.behaviour_id,
      g.average, g.rated, g.blind_spots, g.hidden_strengths, g.agreed_weaknesses, g.agreed_strengths, g.aligned, g.lowest_team,
      g.highest_team, e.lowest_team_name, e.highest_team_name))
      from g left join ends e on g.team_id is null and e.behaviour_id = g.behaviour_id where ${shown})) as rollups`,
  );
  const rollups = parsedJson(row!.rollups);
  const num = (x: Num | undefined) => (x === null || x === undefined ? null : Number(x));
  const rows = (rollups.rows ?? []).map((r) => {
    const [teamId, behaviourId, average, rated, blindSpots, hiddenStrengths, agreedWeaknesses, agreedStrengths, aligned, ...ends] = r;
    const [lowest, highest, lowestName, highestName] = ends;
    const teamLevel = teamId !== null;
    const lowestTeam = teamLevel ? null : num(lowest);
    const highestTeam = teamLevel ? null : num(highest);
    return {
      teamId,
      behaviourId,
      average: num(average),
      rated: Number(rated),
      blindSpots: Number(blindSpots),
      hiddenStrengths: Number(hiddenStrengths),
      agreedWeaknesses: Number(agreedWeaknesses),
      agreedStrengths: Number(agreedStrengths),
      aligned: Number(aligned),
      lowestTeam,
      highestTeam,
      spread: lowestTeam !== null && highestTeam !== null ? Math.round((highestTeam - lowestTeam) * 10) / 10 : null,
      lowestTeamName: teamLevel ? null : lowestName,
      highestTeamName: teamLevel ? null : highestName,
    };
  });
  return { rows, ratedTeams: Number(rollups.ratedTeams) };
}

// ---------------------------------------------------------------------------------------------------------
// Coaching plans

/**
 * Plans with their behaviour, checklist and progress, in one query. "Score then" is the leader's score in the
 * plan's cycle; "score now" the latest leader score in a later cycle (by when it opened). Both only from
 * `leaderCycleIds` when given: the cycles whose leader ratings the viewer may see (blind mode, for a rep).
 */
export async function listPlans(
  db: DbOrTx,
  orgId: string,
  filter: RepScope & { statuses?: readonly PlanStatus[]; leaderCycleIds?: readonly string[] },
) {
  if (emptyScope(filter) || filter.statuses?.length === 0) return [];
  const cycleVisible = (column: SQL) =>
    filter.leaderCycleIds === undefined
      ? sql`true`
      : filter.leaderCycleIds.length === 0
        ? sql`false`
        : sql`${column} in ${[...filter.leaderCycleIds]}`;
  // Recorded when the plan was made (insertPlan), shown only where the viewer sees that cycle's leader ratings.
  const thenScore = sql<number | null>`case when ${cycleVisible(sql`${coachingPlans.cycleId}`)} then ${coachingPlans.scoreThen} end`;
  const latest = sql`(
    select json_build_object('score', r.score, 'cycleId', c.id, 'cycleName', c.name)
    from ${ratings} r join ${cycles} c on c.org_id = r.org_id and c.id = r.cycle_id
    join ${cycles} pc on pc.org_id = ${coachingPlans.orgId} and pc.id = ${coachingPlans.cycleId}
    where r.org_id = ${coachingPlans.orgId} and r.rep_user_id = ${coachingPlans.repUserId} and r.behaviour_id = ${coachingPlans.behaviourId}
      and r.score is not null and c.opened_at > pc.opened_at and ${cycleVisible(sql`r.cycle_id`)}
    order by c.opened_at desc limit 1
  )`;
  return db
    .select({
      id: coachingPlans.id,
      repUserId: coachingPlans.repUserId,
      repName: users.name,
      behaviourId: coachingPlans.behaviourId,
      behaviourName: behaviours.name,
      cycleId: coachingPlans.cycleId,
      cycleName: cycles.name,
      targetScore: coachingPlans.targetScore,
      dueOn: coachingPlans.dueOn,
      status: coachingPlans.status,
      createdBy: coachingPlans.createdBy,
      createdAt: coachingPlans.createdAt,
      updatedAt: coachingPlans.updatedAt,
      scoreThen: thenScore,
      latest: sql<{ score: number; cycleId: string; cycleName: string } | null>`${latest}`,
      actions: sql<{ id: string; description: string; position: number; doneAt: string | null }[]>`coalesce((
        select json_agg(json_build_object('id', a.id, 'description', a.description, 'position', a.position, 'doneAt', a.done_at) order by a.position, a.created_at)
        from ${coachingPlanActions} a where a.org_id = ${coachingPlans.orgId} and a.plan_id = ${coachingPlans.id}
      ), '[]'::json)`,
    })
    .from(coachingPlans)
    .innerJoin(users, eq(users.id, coachingPlans.repUserId))
    .innerJoin(behaviours, and(eq(behaviours.orgId, coachingPlans.orgId), eq(behaviours.id, coachingPlans.behaviourId)))
    .leftJoin(cycles, and(eq(cycles.orgId, coachingPlans.orgId), eq(cycles.id, coachingPlans.cycleId)))
    .where(
      and(
        eq(coachingPlans.orgId, orgId),
        filter.repUserId ? eq(coachingPlans.repUserId, filter.repUserId) : undefined,
        filter.teamIds ? sql`${coachingPlans.repUserId} in (${scopeReps(orgId, { teamIds: filter.teamIds })})` : undefined,
        filter.statuses ? inArray(coachingPlans.status, [...filter.statuses]) : undefined,
      ),
    )
    .orderBy(
      sql`case ${coachingPlans.status} when 'active' then 0 when 'done' then 1 else 2 end`,
      asc(coachingPlans.dueOn),
      desc(coachingPlans.createdAt),
    );
}

/** A rep's active plans (the rep's own page, a dashboard), progress limited to `leaderCycleIds` when given. */
export async function listActivePlansOfRep(db: DbOrTx, orgId: string, repUserId: string, leaderCycleIds?: readonly string[]) {
  return listPlans(db, orgId, { repUserId, statuses: ["active"], leaderCycleIds });
}

/**
 * Open checklist items of active plans whose due date has passed (`today` in the organisation's time zone):
 * for the scope's reps, in one query, oldest due first.
 */
export async function listOverduePlanActions(db: DbOrTx, orgId: string, today: string, scope: RepScope = {}) {
  if (emptyScope(scope)) return [];
  return db
    .select({
      actionId: coachingPlanActions.id,
      description: coachingPlanActions.description,
      planId: coachingPlans.id,
      dueOn: sql<string>`to_char(${coachingPlans.dueOn}, 'YYYY-MM-DD')`,
      repUserId: coachingPlans.repUserId,
      repName: users.name,
      behaviourName: behaviours.name,
    })
    .from(coachingPlanActions)
    .innerJoin(coachingPlans, and(eq(coachingPlans.orgId, coachingPlanActions.orgId), eq(coachingPlans.id, coachingPlanActions.planId)))
    .innerJoin(users, eq(users.id, coachingPlans.repUserId))
    .innerJoin(behaviours, and(eq(behaviours.orgId, coachingPlans.orgId), eq(behaviours.id, coachingPlans.behaviourId)))
    .where(
      and(
        eq(coachingPlanActions.orgId, orgId),
        isNull(coachingPlanActions.doneAt),
        eq(coachingPlans.status, "active"),
        sql`${coachingPlans.dueOn} < ${today}`,
        sql`${coachingPlans.repUserId} in (${scopeReps(orgId, scope)})`,
      ),
    )
    .orderBy(asc(coachingPlans.dueOn), asc(users.name), asc(coachingPlanActions.position));
}

export async function findPlan(db: DbOrTx, orgId: string, planId: string) {
  const [row] = await db
    .select({ plan: coachingPlans, behaviourName: behaviours.name, repName: users.name })
    .from(coachingPlans)
    .innerJoin(behaviours, and(eq(behaviours.orgId, coachingPlans.orgId), eq(behaviours.id, coachingPlans.behaviourId)))
    .innerJoin(users, eq(users.id, coachingPlans.repUserId))
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.id, planId)));
  return row ? { ...row.plan, behaviourName: row.behaviourName, repName: row.repName } : undefined;
}

export type PlanValues = {
  repUserId: string;
  behaviourId: string;
  cycleId: string | null;
  targetScore: number;
  dueOn: string | null;
  createdBy: string;
  status?: PlanStatus;
};

/**
 * A new plan's "score then", as a value of its insert: the leader's present score of the focus behaviour in the
 * plan's cycle, read by the insert itself and kept, so a later edit of that rating does not move it.
 */
export function scoreThenOf(orgId: string, plan: { cycleId?: string | null; repUserId: string; behaviourId: string }) {
  if (!plan.cycleId) return null;
  return sql<number | null>`(select r.score from ${ratings} r where r.org_id = ${orgId} and r.cycle_id = ${plan.cycleId}
    and r.rep_user_id = ${plan.repUserId} and r.behaviour_id = ${plan.behaviourId})`;
}

export async function insertPlan(db: DbOrTx, orgId: string, values: PlanValues & { id?: string }) {
  const [row] = await db
    .insert(coachingPlans)
    .values({ orgId, ...values, scoreThen: scoreThenOf(orgId, values) })
    .returning();
  return row!;
}

export async function updateCoachingPlan(
  db: DbOrTx,
  orgId: string,
  planId: string,
  values: { targetScore: number; dueOn: string | null; status: PlanStatus },
) {
  await db
    .update(coachingPlans)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.id, planId)));
}

/** Appends checklist items to a plan, after its existing ones. */
export async function insertPlanActions(db: DbOrTx, orgId: string, planId: string, descriptions: readonly string[], ids?: readonly string[]) {
  if (descriptions.length === 0) return [];
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${coachingPlanActions.position}), 0)::int` })
    .from(coachingPlanActions)
    .where(and(eq(coachingPlanActions.orgId, orgId), eq(coachingPlanActions.planId, planId)));
  return db
    .insert(coachingPlanActions)
    .values(
      descriptions.map((description, i) => ({
        orgId,
        planId,
        description,
        position: Number(last!.position) + i + 1,
        ...(ids?.[i] && { id: ids[i] }),
      })),
    )
    .returning();
}

export async function findPlanAction(db: DbOrTx, orgId: string, planId: string, actionId: string) {
  const [row] = await db
    .select()
    .from(coachingPlanActions)
    .where(and(eq(coachingPlanActions.orgId, orgId), eq(coachingPlanActions.planId, planId), eq(coachingPlanActions.id, actionId)));
  return row;
}

export async function setCoachingPlanActionDone(db: DbOrTx, orgId: string, actionId: string, doneBy: string | null) {
  await db
    .update(coachingPlanActions)
    .set({ doneAt: doneBy ? new Date() : null, doneBy })
    .where(and(eq(coachingPlanActions.orgId, orgId), eq(coachingPlanActions.id, actionId)));
}

export async function deletePlanAction(db: DbOrTx, orgId: string, actionId: string) {
  await db.delete(coachingPlanActions).where(and(eq(coachingPlanActions.orgId, orgId), eq(coachingPlanActions.id, actionId)));
}

// ---------------------------------------------------------------------------------------------------------
// 1:1 notes. Privacy lives here: private notes reach no one but their author.

function noteColumns() {
  return {
    id: oneOnOneNotes.id,
    repUserId: oneOnOneNotes.repUserId,
    authorUserId: oneOnOneNotes.authorUserId,
    authorName: users.name,
    heldOn: sql<string>`to_char(${oneOnOneNotes.heldOn}, 'YYYY-MM-DD')`,
    body: oneOnOneNotes.body,
    shared: oneOnOneNotes.shared,
    createdAt: oneOnOneNotes.createdAt,
    updatedAt: oneOnOneNotes.updatedAt,
    behaviours: sql<{ id: string; name: string }[]>`coalesce((
      select json_agg(json_build_object('id', b.id, 'name', b.name) order by b.position)
      from ${oneOnOneNoteBehaviours} nb join ${behaviours} b on b.org_id = nb.org_id and b.id = nb.behaviour_id
      where nb.org_id = ${oneOnOneNotes.orgId} and nb.note_id = ${oneOnOneNotes.id}
    ), '[]'::json)`,
  };
}

/**
 * The notes about a rep that `viewerUserId` may read, newest first: every shared note, and private notes only
 * when the viewer wrote them. The rep, another rep, a co-leader and an admin get no one else's private note.
 */
export async function listNotesVisibleTo(db: DbOrTx, orgId: string, repUserId: string, viewerUserId: string) {
  return db
    .select(noteColumns())
    .from(oneOnOneNotes)
    .innerJoin(users, eq(users.id, oneOnOneNotes.authorUserId))
    .where(
      and(
        eq(oneOnOneNotes.orgId, orgId),
        eq(oneOnOneNotes.repUserId, repUserId),
        or(eq(oneOnOneNotes.shared, true), eq(oneOnOneNotes.authorUserId, viewerUserId)),
      ),
    )
    .orderBy(desc(oneOnOneNotes.heldOn), desc(oneOnOneNotes.createdAt));
}

/** The notes shared with a rep, newest first (the rep's page, a dashboard). */
export async function listSharedNotesOfRep(db: DbOrTx, orgId: string, repUserId: string, limit?: number) {
  const query = db
    .select(noteColumns())
    .from(oneOnOneNotes)
    .innerJoin(users, eq(users.id, oneOnOneNotes.authorUserId))
    .where(and(eq(oneOnOneNotes.orgId, orgId), eq(oneOnOneNotes.repUserId, repUserId), eq(oneOnOneNotes.shared, true)))
    .orderBy(desc(oneOnOneNotes.heldOn), desc(oneOnOneNotes.createdAt));
  return limit ? query.limit(limit) : query;
}

/** Who wrote a note and about whom (the permission target of an edit), never its text. */
export async function findNoteAuthor(db: DbOrTx, orgId: string, noteId: string) {
  const [row] = await db
    .select({ authorUserId: oneOnOneNotes.authorUserId, repUserId: oneOnOneNotes.repUserId })
    .from(oneOnOneNotes)
    .where(and(eq(oneOnOneNotes.orgId, orgId), eq(oneOnOneNotes.id, noteId)));
  return row;
}

/** A note its author is about to change (callers have checked authorship). */
export async function findOwnNote(db: DbOrTx, orgId: string, noteId: string, authorUserId: string) {
  const [row] = await db
    .select()
    .from(oneOnOneNotes)
    .where(and(eq(oneOnOneNotes.orgId, orgId), eq(oneOnOneNotes.id, noteId), eq(oneOnOneNotes.authorUserId, authorUserId)));
  return row;
}

export type NoteValues = { heldOn: string; body: string; shared: boolean; behaviourIds: readonly string[] };

export async function insertNote(db: DbOrTx, orgId: string, repUserId: string, authorUserId: string, values: NoteValues & { id?: string }) {
  const { behaviourIds, ...note } = values;
  const [row] = await db
    .insert(oneOnOneNotes)
    .values({ orgId, repUserId, authorUserId, ...note })
    .returning();
  await setNoteBehaviours(db, orgId, row!.id, behaviourIds);
  return row!;
}

export async function updateOneOnOneNote(db: DbOrTx, orgId: string, noteId: string, values: NoteValues) {
  const { behaviourIds, ...note } = values;
  await db
    .update(oneOnOneNotes)
    .set({ ...note, updatedAt: new Date() })
    .where(and(eq(oneOnOneNotes.orgId, orgId), eq(oneOnOneNotes.id, noteId)));
  await setNoteBehaviours(db, orgId, noteId, behaviourIds);
}

async function setNoteBehaviours(db: DbOrTx, orgId: string, noteId: string, behaviourIds: readonly string[]) {
  await db.delete(oneOnOneNoteBehaviours).where(and(eq(oneOnOneNoteBehaviours.orgId, orgId), eq(oneOnOneNoteBehaviours.noteId, noteId)));
  if (behaviourIds.length > 0)
    await db.insert(oneOnOneNoteBehaviours).values([...new Set(behaviourIds)].map((behaviourId) => ({ orgId, noteId, behaviourId })));
}

export async function deleteOneOnOneNote(db: DbOrTx, orgId: string, noteId: string) {
  await db.delete(oneOnOneNoteBehaviours).where(and(eq(oneOnOneNoteBehaviours.orgId, orgId), eq(oneOnOneNoteBehaviours.noteId, noteId)));
  await db.delete(oneOnOneNotes).where(and(eq(oneOnOneNotes.orgId, orgId), eq(oneOnOneNotes.id, noteId)));
}

/** How many of these behaviours the organisation has (and are active): input checks for notes and plans. */
export async function countActiveBehavioursIn(db: DbOrTx, orgId: string, behaviourIds: readonly string[]) {
  if (behaviourIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(behaviours)
    .where(and(eq(behaviours.orgId, orgId), inArray(behaviours.id, [...new Set(behaviourIds)]), isNull(behaviours.archivedAt)));
  return Number(row!.n);
}
