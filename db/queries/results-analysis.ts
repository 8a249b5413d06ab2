import "server-only";
import { and, asc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { executeRows } from "./execute";
import { coachSeesSelfSql } from "./rules";
import { assessments, coachingPlans, cycles, measures, memberships, ratings, results, selfRatings, users } from "../schema";

/**
 * Reads for "What predicts results" (lib/results/analysis.ts) and "Did coaching move the behaviour?"
 * (lib/results/coaching-effect.ts): scores, results and plans as flat rows, joined and filtered here; the ranks and
 * means are computed in TypeScript. Every function takes the organisation id right after the handle and reads in one
 * statement whatever the number of reps. `teamIds` (a leader's teams) keeps the reps of those teams; absent, every
 * active rep of the organisation.
 */

/** Whether membership `m` is an active rep of the scope. */
function repInScope(orgId: string, teamIds: readonly string[] | undefined): SQL {
  return sql`m.org_id = ${orgId} and m.role = 'rep' and m.status = 'active'
    ${teamIds ? sql`and m.team_id in ${[...teamIds]}` : sql``}`;
}

const emptyScope = (teamIds: readonly string[] | undefined) => teamIds !== undefined && teamIds.length === 0;

/** The organisation's measures that are not archived, in the admin's order. */
export async function listActiveMeasures(db: DbOrTx, orgId: string) {
  return db
    .select({
      id: measures.id,
      name: measures.name,
      unit: measures.unit,
      currencyCode: measures.currencyCode,
      higherIsBetter: measures.higherIsBetter,
      isMain: measures.isMain,
    })
    .from(measures)
    .where(and(eq(measures.orgId, orgId), isNull(measures.archivedAt)))
    .orderBy(asc(measures.position), asc(measures.name));
}

/** One rep's scores of one behaviour in one cycle: the leader's, and the self rating where the coach may see it. */
export type ScoreRow = { cycleId: string; repUserId: string; behaviourId: string; leader: number | null; self: number | null };

/**
 * The scope's leader and self scores in the given cycles, one row per (cycle, rep, behaviour). A self rating counts
 * only where the coach may see it (blind mode: once its rep has submitted; coachSeesSelfSql in db/queries/rules.ts).
 */
export async function listCycleScores(
  db: DbOrTx,
  orgId: string,
  cycleIds: readonly string[],
  blindMode: boolean,
  teamIds?: readonly string[],
): Promise<ScoreRow[]> {
  if (cycleIds.length === 0 || emptyScope(teamIds)) return [];
  const submittedAt = sql`(select a.submitted_at from ${assessments} a where a.org_id = s.org_id and a.cycle_id = s.cycle_id
    and a.rep_user_id = s.rep_user_id)`;
  const rows = await executeRows<{ cycle_id: string; rep_user_id: string; behaviour_id: string; leader: number | null; self: number | null }>(
    db,
    sql`
    select cycle_id, rep_user_id, behaviour_id, max(score) filter (where leader) as leader, max(score) filter (where not leader) as self
    from (
      select r.cycle_id, r.rep_user_id, r.behaviour_id, r.score, true as leader
        from ${ratings} r join ${memberships} m on m.org_id = r.org_id and m.user_id = r.rep_user_id
        where r.org_id = ${orgId} and r.cycle_id in ${[...cycleIds]} and r.score is not null and ${repInScope(orgId, teamIds)}
      union all
      select s.cycle_id, s.rep_user_id, s.behaviour_id, s.score, false
        from ${selfRatings} s join ${memberships} m on m.org_id = s.org_id and m.user_id = s.rep_user_id
        where s.org_id = ${orgId} and s.cycle_id in ${[...cycleIds]} and s.score is not null and ${repInScope(orgId, teamIds)}
          and ${coachSeesSelfSql(blindMode, submittedAt)}
    ) scores
    group by cycle_id, rep_user_id, behaviour_id`,
  );
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    repUserId: r.rep_user_id,
    behaviourId: r.behaviour_id,
    leader: r.leader === null ? null : Number(r.leader),
    self: r.self === null ? null : Number(r.self),
  }));
}

export type ResultRow = { cycleId: string; repUserId: string; measureId: string; value: number };

/** The scope's results in the given cycles, on measures that are not archived. */
export async function listCycleResults(db: DbOrTx, orgId: string, cycleIds: readonly string[], teamIds?: readonly string[]): Promise<ResultRow[]> {
  if (cycleIds.length === 0 || emptyScope(teamIds)) return [];
  return db
    .select({ cycleId: results.cycleId, repUserId: results.repUserId, measureId: results.measureId, value: results.value })
    .from(results)
    .innerJoin(measures, and(eq(measures.orgId, results.orgId), eq(measures.id, results.measureId)))
    .where(
      and(
        eq(results.orgId, orgId),
        sql`${results.cycleId} in ${[...cycleIds]}`,
        isNull(measures.archivedAt),
        sql`${results.repUserId} in (select m.user_id from ${memberships} m where ${repInScope(orgId, teamIds)})`,
      ),
    );
}

/**
 * The framework page's one read: the main measure, the latest cycle (by opened date, drafts never) in which at least
 * `minReps` active reps have both a result of it and a leader score (else the latest in which any has), and that
 * cycle's (behaviour, leader score, result) pairs. No rows: no main measure, or no such cycle.
 */
export async function listMainMeasurePairs(db: DbOrTx, orgId: string, minReps: number) {
  const rows = await executeRows<{
    measure_id: string;
    measure_name: string;
    higher_is_better: boolean;
    cycle_id: string;
    cycle_name: string;
    behaviour_id: string;
    rep_user_id: string;
    leader: number;
    value: number;
  }>(
    db,
    sql`
    with main as (
      select id, name, higher_is_better from ${measures} where org_id = ${orgId} and is_main and archived_at is null
    ), latest as (
      select c.id, c.name from ${cycles} c
        join ${results} x on x.org_id = c.org_id and x.cycle_id = c.id and x.measure_id = (select id from main)
        join ${memberships} m on m.org_id = x.org_id and m.user_id = x.rep_user_id
      where c.org_id = ${orgId} and c.opened_at is not null and ${repInScope(orgId, undefined)}
        and exists (select 1 from ${ratings} r where r.org_id = x.org_id and r.cycle_id = x.cycle_id
          and r.rep_user_id = x.rep_user_id and r.score is not null)
      group by c.id, c.name, c.opened_at
      order by count(*) >= ${minReps} desc, c.opened_at desc limit 1
    )
    select main.id as measure_id, main.name as measure_name, main.higher_is_better, latest.id as cycle_id, latest.name as cycle_name,
      r.behaviour_id, x.rep_user_id, r.score as leader, x.value
    from main cross join latest
      join ${results} x on x.org_id = ${orgId} and x.cycle_id = latest.id and x.measure_id = main.id
      join ${memberships} m on m.org_id = x.org_id and m.user_id = x.rep_user_id
      join ${ratings} r on r.org_id = x.org_id and r.cycle_id = x.cycle_id and r.rep_user_id = x.rep_user_id and r.score is not null
    where ${repInScope(orgId, undefined)}`,
  );
  return rows.map((r) => ({
    measureId: r.measure_id,
    measureName: r.measure_name,
    higherIsBetter: r.higher_is_better,
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    behaviourId: r.behaviour_id,
    repUserId: r.rep_user_id,
    leader: Number(r.leader),
    value: Number(r.value),
  }));
}

/**
 * Coaching plans that started in a cycle, on reps of the scope, with the name of the leader who made them. Plans
 * without a cycle have no "before" to measure from and are left out.
 */
export async function listPlansWithCycle(db: DbOrTx, orgId: string, teamIds?: readonly string[]) {
  if (emptyScope(teamIds)) return [];
  return db
    .select({
      id: coachingPlans.id,
      repUserId: coachingPlans.repUserId,
      behaviourId: coachingPlans.behaviourId,
      cycleId: sql<string>`${coachingPlans.cycleId}`,
      scoreThen: coachingPlans.scoreThen,
      createdBy: coachingPlans.createdBy,
      creatorName: users.name,
    })
    .from(coachingPlans)
    .innerJoin(users, eq(users.id, coachingPlans.createdBy))
    .where(
      and(
        eq(coachingPlans.orgId, orgId),
        isNotNull(coachingPlans.cycleId),
        sql`${coachingPlans.repUserId} in (select m.user_id from ${memberships} m where ${repInScope(orgId, teamIds)})`,
      ),
    );
}

/** Every present leader score of the scope's reps in the given cycles (the "before" and "after" of the plans). */
export async function listLeaderScoresIn(db: DbOrTx, orgId: string, cycleIds: readonly string[], teamIds?: readonly string[]) {
  if (cycleIds.length === 0 || emptyScope(teamIds)) return [];
  return db
    .select({ cycleId: ratings.cycleId, repUserId: ratings.repUserId, behaviourId: ratings.behaviourId, score: sql<number>`${ratings.score}` })
    .from(ratings)
    .where(
      and(
        eq(ratings.orgId, orgId),
        sql`${ratings.cycleId} in ${[...cycleIds]}`,
        isNotNull(ratings.score),
        sql`${ratings.repUserId} in (select m.user_id from ${memberships} m where ${repInScope(orgId, teamIds)})`,
      ),
    );
}
