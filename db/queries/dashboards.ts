import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { assessments, behaviours, cycles, invites, memberships, repCycleTallies, teams, teamTallies, users } from "../schema";
import type { GapBasis } from "@/lib/coaching/gap-basis";
import { parsedJson } from "./execute";

/**
 * The dashboards' reads. Each is one query whatever the size of the organisation, and counts and averages
 * are computed here in SQL. `teamIds` undefined means every team of the organisation.
 */

export type Participation = { reps: number; selfSubmitted: number; leaderComplete: number };
export type TeamParticipation = Participation & { teamId: string; teamName: string };

/**
 * Per active team and in total, for one cycle: active reps; self-assessments submitted; reps the leader has
 * rated on every one of the cycle's `behaviourCount` behaviours (their grid row is complete). Those are the grid's
 * columns (listGridBehaviours): the active behaviours of an open cycle, every behaviour rated in a closed one, so
 * a rep's count of them is kept in rep_cycle_tallies (active, or all: migration 0020), one row per rep.
 */
export async function participationByTeam(
  db: DbOrTx,
  orgId: string,
  cycle: { id: string; closed: boolean },
  behaviourCount: number,
  teamIds?: readonly string[],
): Promise<{ teams: TeamParticipation[]; total: Participation }> {
  if (teamIds && teamIds.length === 0) return { teams: [], total: { reps: 0, selfSubmitted: 0, leaderComplete: 0 } };
  const rated = cycle.closed ? sql`rc.rated` : sql`rc.rated_active`;
  const complete = behaviourCount > 0 ? sql`${rated} = ${behaviourCount}` : sql`false`;
  const rows = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      total: sql<number>`grouping(${teams.id})`,
      reps: sql<number>`count(m.user_id)::int`,
      selfSubmitted: sql<number>`count(m.user_id) filter (where a.submitted_at is not null)::int`,
      leaderComplete: sql<number>`count(m.user_id) filter (where ${complete})::int`,
    })
    .from(teams)
    .leftJoin(sql`${memberships} m`, sql`m.org_id = ${teams.orgId} and m.team_id = ${teams.id} and m.role = 'rep' and m.status = 'active'`)
    .leftJoin(sql`${assessments} a`, sql`a.org_id = m.org_id and a.cycle_id = ${cycle.id} and a.rep_user_id = m.user_id`)
    .leftJoin(sql`${repCycleTallies} rc`, sql`rc.org_id = m.org_id and rc.cycle_id = ${cycle.id} and rc.rep_user_id = m.user_id`)
    .where(and(eq(teams.orgId, orgId), isNull(teams.archivedAt), teamIds ? inArray(teams.id, [...teamIds]) : undefined))
    .groupBy(sql`grouping sets ((${teams.id}, ${teams.name}), ())`)
    .orderBy(sql`grouping(${teams.id})`, asc(teams.name));
  const figures = (r: (typeof rows)[number]) => ({
    reps: Number(r.reps),
    selfSubmitted: Number(r.selfSubmitted),
    leaderComplete: Number(r.leaderComplete),
  });
  const total = rows.find((r) => Number(r.total) === 1);
  return {
    teams: rows.filter((r) => Number(r.total) === 0).map((r) => ({ teamId: r.teamId, teamName: r.teamName, ...figures(r) })),
    total: total ? figures(total) : { reps: 0, selfSubmitted: 0, leaderComplete: 0 },
  };
}

export type HeatCell = { cycleId: string; teamId: string | null; behaviourId: string | null; average: number; count: number };

/**
 * Leader-rating averages of active reps by team x behaviour, by team, by behaviour and overall, for each of the
 * given cycles, in one query (grouping sets). A null team or behaviour marks a roll-up. Reps are counted in
 * the team they are in now, as on the grid. With `weakestTeams`, the team rows are only those of that many active
 * teams with the lowest average in the first cycle (then by name, as participationByTeam lists them), the weakest
 * first: what a cut heatmap shows of 500 teams.
 */
export async function teamBehaviourAverages(
  db: DbOrTx,
  orgId: string,
  cycleIds: readonly string[],
  behaviourIds: readonly string[],
  teamIds?: readonly string[],
  weakestTeams?: number,
): Promise<HeatCell[]> {
  if (cycleIds.length === 0 || behaviourIds.length === 0 || (teamIds && teamIds.length === 0)) return [];
  type Row = [cycleId: string, teamId: string | null, behaviourId: string | null, average: number | string, count: number];
  // The cells' sums and counts are kept per cycle, team and behaviour (team_tallies, migration 0019); the roll-ups
  // are summed here over those few hundred rows. round(sum / count, 1) is round(avg, 1).
  const cells = db
    .select({
      cycleId: sql<string>`${teamTallies.cycleId}`.as("cycle_id"),
      teamId: sql<string>`${teamTallies.teamId}`.as("team_id"),
      behaviourId: sql<string>`${teamTallies.behaviourId}`.as("behaviour_id"),
      sum: sql`${teamTallies.scoreSum}`.as("sum"),
      count: sql`${teamTallies.scoreCount}`.as("count"),
    })
    .from(teamTallies)
    .where(
      and(
        eq(teamTallies.orgId, orgId),
        inArray(teamTallies.cycleId, [...cycleIds]),
        inArray(teamTallies.behaviourId, [...behaviourIds]),
        teamIds ? inArray(teamTallies.teamId, [...teamIds]) : undefined,
      ),
    )
    .as("cells");
  const grouped = db
    .select({
      cycleId: sql<string>`${cells.cycleId}`.as("cycle_id"),
      teamId: sql<string | null>`case when grouping(${cells.teamId}) = 0 then ${cells.teamId} end`.as("team_id"),
      behaviourId: sql<string | null>`case when grouping(${cells.behaviourId}) = 0 then ${cells.behaviourId} end`.as("behaviour_id"),
      average: sql`round(sum(${cells.sum})::numeric / sum(${cells.count}), 1)`.as("average"),
      count: sql`sum(${cells.count})::int`.as("count"),
    })
    .from(cells)
    .groupBy(
      sql`grouping sets ((${cells.cycleId}, ${cells.teamId}, ${cells.behaviourId}), (${cells.cycleId}, ${cells.teamId}),
        (${cells.cycleId}, ${cells.behaviourId}), (${cells.cycleId}))`,
    )
    .as("grouped");
  const weakest =
    weakestTeams === undefined
      ? undefined
      : sql`${grouped.teamId} is null or ${grouped.teamId} in (
          select w.team_id from ${teamTallies} w join ${teams} t on t.org_id = w.org_id and t.id = w.team_id and t.archived_at is null
          where w.org_id = ${orgId} and w.cycle_id = ${cycleIds[0]} and w.behaviour_id in ${[...behaviourIds]}
            ${teamIds ? sql`and w.team_id in ${[...teamIds]}` : sql``}
          group by w.team_id, t.name order by round(sum(w.score_sum)::numeric / sum(w.score_count), 1), t.name limit ${weakestTeams})`;
  // One JSON value rather than ~1,300 rows to map (see parsedJson).
  const [row] = await db
    .select({
      cells: sql<
        Row[] | string | null
      >`json_agg(json_build_array(${grouped.cycleId}, ${grouped.teamId}, ${grouped.behaviourId}, ${grouped.average}, ${grouped.count}))`,
    })
    .from(grouped)
    .where(weakest);
  return (parsedJson(row?.cells ?? null) ?? []).map(([cycleId, teamId, behaviourId, average, count]) => ({
    cycleId,
    teamId,
    behaviourId,
    average: Number(average),
    count: Number(count),
  }));
}

/** How far a new organisation has come through the method, as facts (the checklist words them). */
export async function gettingStartedFacts(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select({
      frameworkConfirmed: sql<boolean>`(select o.framework_confirmed_at is not null from organisations o where o.id = ${orgId})`,
      /** Not a step: the organisation's gap basis, so the dashboard's roll-ups know it before they run (coachingRollups). */
      gapBasis: sql<GapBasis>`(select o.gap_basis from organisations o where o.id = ${orgId})`,
      hasLeader: sql<boolean>`exists (select 1 from ${memberships} m where m.org_id = ${orgId} and m.role = 'leader')
        or exists (select 1 from ${invites} i where i.org_id = ${orgId} and i.role = 'leader')`,
      hasRep: sql<boolean>`exists (select 1 from ${memberships} m where m.org_id = ${orgId} and m.role = 'rep')
        or exists (select 1 from ${invites} i where i.org_id = ${orgId} and i.role = 'rep')`,
      cycleOpened: sql<boolean>`exists (select 1 from ${cycles} c where c.org_id = ${orgId} and c.opened_at is not null)`,
      // Every active rep scored on every active behaviour in the current cycle (the open one, else the last opened).
      // A rep has at most one score per behaviour and cycle, so: per behaviour, the team tallies' scores count every
      // rep in a team, and each rep without a team (few; the tallies leave them out) has a score on each.
      rated: sql<boolean>`exists (select 1 from ${memberships} m where m.org_id = ${orgId} and m.role = 'rep' and m.status = 'active')
        and not exists (
          with current_cycle as (select c.id from ${cycles} c where c.org_id = ${orgId} and c.opened_at is not null
              order by c.status = 'open' desc, c.opened_at desc limit 1),
            active as (select b.id from ${behaviours} b where b.org_id = ${orgId} and b.archived_at is null),
            scored as (select t.behaviour_id, sum(t.score_count) as n from ${teamTallies} t
              where t.org_id = ${orgId} and t.cycle_id = (select id from current_cycle) group by t.behaviour_id),
            teamed as (select count(*) as n from ${memberships} m
              where m.org_id = ${orgId} and m.role = 'rep' and m.status = 'active' and m.team_id is not null)
          select 1 from active a left join scored s on s.behaviour_id = a.id where coalesce(s.n, 0) <> (select n from teamed)
          union all
          select 1 from ${memberships} m
          left join ${repCycleTallies} rc on rc.org_id = m.org_id and rc.cycle_id = (select id from current_cycle) and rc.rep_user_id = m.user_id
          where m.org_id = ${orgId} and m.role = 'rep' and m.status = 'active' and m.team_id is null
            and coalesce(rc.rated_active, 0) <> (select count(*) from active))`,
      shared: sql<boolean>`exists (select 1 from ${assessments} a where a.org_id = ${orgId} and a.shared_at is not null)`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/** Active reps of the scope whose self-assessment for the cycle is not submitted yet (at most `limit`). */
export async function listPendingSelfAssessments(db: DbOrTx, orgId: string, cycleId: string, teamIds: readonly string[] | undefined, limit: number) {
  if (teamIds && teamIds.length === 0) return [];
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      teamName: teams.name,
      started: sql<boolean>`${assessments.repUserId} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .leftJoin(
      assessments,
      and(eq(assessments.orgId, memberships.orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "rep"),
        eq(memberships.status, "active"),
        isNull(assessments.submittedAt),
        teamIds ? inArray(memberships.teamId, [...teamIds]) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.userId))
    .limit(limit);
}
