import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  behaviours,
  calibrationAssignments,
  calibrationRounds,
  cycles,
  memberships,
  ratings,
  secondRatings,
  teamLeaders,
  teams,
  users,
} from "../schema";
import { executeRows } from "./execute";

/**
 * Calibration rounds: who can be sampled and who can rate (one statement), the rounds of a cycle with their
 * progress, one round's assignments with their progress (counts in SQL), and the round's rating pairs — the second
 * rating beside the first, from which lib/calibration/rounds.ts reveals only what both raters have given.
 */

export type RoundPerson = { userId: string; name: string; role: "admin" | "leader" | "rep"; teamId: string | null; ledTeamIds: string[] };

/** Every active member with their role, team (reps) and the teams they lead, by name. */
export async function listRoundPeople(db: DbOrTx, orgId: string): Promise<RoundPerson[]> {
  const rows = await executeRows<{ user_id: string; name: string; role: RoundPerson["role"]; team_id: string | null; led: string[] | null }>(
    db,
    sql`select m.user_id, u.name, m.role, m.team_id,
        (select array_agg(tl.team_id order by tl.team_id) from ${teamLeaders} tl where tl.org_id = m.org_id and tl.user_id = m.user_id) as led
      from ${memberships} m join ${users} u on u.id = m.user_id
      where m.org_id = ${orgId} and m.status = 'active'
      order by u.name, m.user_id`,
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role, teamId: r.team_id, ledTeamIds: r.led ?? [] }));
}

export async function insertRound(db: DbOrTx, orgId: string, values: { cycleId: string; createdBy: string }) {
  const [round] = await db
    .insert(calibrationRounds)
    .values({ orgId, ...values })
    .returning();
  return round!;
}

export async function insertAssignments(
  db: DbOrTx,
  orgId: string,
  roundId: string,
  rows: readonly { repUserId: string; teamId: string; secondRaterUserId: string }[],
) {
  if (rows.length > 0) await db.insert(calibrationAssignments).values(rows.map((r) => ({ orgId, roundId, ...r })));
}

export async function findRound(db: DbOrTx, orgId: string, roundId: string) {
  const [round] = await db
    .select({
      id: calibrationRounds.id,
      cycleId: calibrationRounds.cycleId,
      cycleName: cycles.name,
      createdAt: calibrationRounds.createdAt,
      finishedAt: calibrationRounds.finishedAt,
    })
    .from(calibrationRounds)
    .innerJoin(cycles, and(eq(cycles.orgId, calibrationRounds.orgId), eq(cycles.id, calibrationRounds.cycleId)))
    .where(and(eq(calibrationRounds.orgId, orgId), eq(calibrationRounds.id, roundId)));
  return round;
}

/** Marks the round finished; false when it already was (or does not exist). */
export async function finishRound(db: DbOrTx, orgId: string, roundId: string): Promise<boolean> {
  const rows = await db
    .update(calibrationRounds)
    .set({ finishedAt: sql`now()` })
    .where(and(eq(calibrationRounds.orgId, orgId), eq(calibrationRounds.id, roundId), isNull(calibrationRounds.finishedAt)))
    .returning({ id: calibrationRounds.id });
  return rows.length > 0;
}

export async function findAssignment(db: DbOrTx, orgId: string, roundId: string, repUserId: string) {
  const [row] = await db
    .select({ repUserId: calibrationAssignments.repUserId, secondRaterUserId: calibrationAssignments.secondRaterUserId, repName: users.name })
    .from(calibrationAssignments)
    .innerJoin(users, eq(users.id, calibrationAssignments.repUserId))
    .where(
      and(eq(calibrationAssignments.orgId, orgId), eq(calibrationAssignments.roundId, roundId), eq(calibrationAssignments.repUserId, repUserId)),
    );
  return row;
}

export type RoundSummary = { id: string; cycleName: string; createdAt: Date; finishedAt: Date | null; reps: number; ownReps: number };

/** Every round, newest first, with its cycle and sampled reps; `raterUserId` keeps those where that person rates. */
export async function listRounds(db: DbOrTx, orgId: string, raterUserId?: string): Promise<RoundSummary[]> {
  const rows = await executeRows<{
    id: string;
    cycle_name: string;
    created_at: string | Date;
    finished_at: string | Date | null;
    reps: number;
    own_reps: number;
  }>(
    db,
    sql`select r.id, c.name as cycle_name, r.created_at, r.finished_at, count(a.rep_user_id)::int as reps,
        (count(a.rep_user_id) filter (where a.second_rater_user_id = ${raterUserId ?? null}::uuid))::int as own_reps
      from ${calibrationRounds} r
      join ${cycles} c on c.org_id = r.org_id and c.id = r.cycle_id
      left join ${calibrationAssignments} a on a.org_id = r.org_id and a.round_id = r.id
      where r.org_id = ${orgId}
      group by r.id, c.name, r.created_at, r.finished_at
      ${raterUserId ? sql`having count(a.rep_user_id) filter (where a.second_rater_user_id = ${raterUserId}::uuid) > 0` : sql``}
      order by r.created_at desc, r.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    cycleName: r.cycle_name,
    createdAt: new Date(r.created_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
    reps: Number(r.reps),
    ownReps: Number(r.own_reps),
  }));
}

export type AssignmentRow = {
  repUserId: string;
  repName: string;
  teamId: string;
  teamName: string;
  secondRaterUserId: string;
  secondRaterName: string;
  /** Behaviours (active) the second rater has rated, the first rater has rated, and both. */
  secondCount: number;
  firstCount: number;
  bothCount: number;
};

/** The round's sampled reps with their progress; `raterUserId` keeps one second rater's. */
export async function listAssignments(db: DbOrTx, orgId: string, roundId: string, cycleId: string, raterUserId?: string): Promise<AssignmentRow[]> {
  const rows = await executeRows<{
    rep_user_id: string;
    rep_name: string;
    team_id: string;
    team_name: string;
    second_rater_user_id: string;
    second_rater_name: string;
    second_count: number;
    first_count: number;
    both_count: number;
  }>(
    db,
    sql`select a.rep_user_id, ru.name as rep_name, a.team_id, t.name as team_name, a.second_rater_user_id, su.name as second_rater_name,
        (count(*) filter (where sr.score is not null))::int as second_count,
        (count(*) filter (where r.score is not null))::int as first_count,
        (count(*) filter (where sr.score is not null and r.score is not null))::int as both_count
      from ${calibrationAssignments} a
      join ${users} ru on ru.id = a.rep_user_id
      join ${users} su on su.id = a.second_rater_user_id
      join ${teams} t on t.org_id = a.org_id and t.id = a.team_id
      left join ${behaviours} b on b.org_id = a.org_id and b.archived_at is null
      left join ${secondRatings} sr on sr.org_id = a.org_id and sr.round_id = a.round_id and sr.rep_user_id = a.rep_user_id and sr.behaviour_id = b.id
      left join ${ratings} r on r.org_id = a.org_id and r.cycle_id = ${cycleId} and r.rep_user_id = a.rep_user_id and r.behaviour_id = b.id
      where a.org_id = ${orgId} and a.round_id = ${roundId} ${raterUserId ? sql`and a.second_rater_user_id = ${raterUserId}` : sql``}
      group by a.rep_user_id, ru.name, a.team_id, t.name, a.second_rater_user_id, su.name
      order by t.name, ru.name, a.rep_user_id`,
  );
  return rows.map((r) => ({
    repUserId: r.rep_user_id,
    repName: r.rep_name,
    teamId: r.team_id,
    teamName: r.team_name,
    secondRaterUserId: r.second_rater_user_id,
    secondRaterName: r.second_rater_name,
    secondCount: Number(r.second_count),
    firstCount: Number(r.first_count),
    bothCount: Number(r.both_count),
  }));
}

export type PairRow = {
  repUserId: string;
  behaviourId: string;
  /** Who last saved the first (leader) rating, and who gives the second. */
  firstRaterUserId: string | null;
  firstRaterName: string | null;
  secondRaterUserId: string;
  first: number | null;
  firstComment: string | null;
  second: number | null;
  secondComment: string | null;
};

/**
 * Each sampled rep's second rating and first (leader) rating per behaviour, where either exists; `raterUserId` keeps
 * one second rater's reps. The caller reveals the first rating only where both are in (bothIn).
 */
export async function listRatingPairs(db: DbOrTx, orgId: string, roundId: string, cycleId: string, raterUserId?: string): Promise<PairRow[]> {
  const rows = await executeRows<{
    rep_user_id: string;
    behaviour_id: string;
    first_rater: string | null;
    first_rater_name: string | null;
    second_rater: string;
    first: number | null;
    first_comment: string | null;
    second: number | null;
    second_comment: string | null;
  }>(
    db,
    sql`select a.rep_user_id, b.id as behaviour_id, r.updated_by as first_rater, fu.name as first_rater_name, a.second_rater_user_id as second_rater, r.score as first, r.comment as first_comment, sr.score as second, sr.comment as second_comment
      from ${calibrationAssignments} a
      join ${behaviours} b on b.org_id = a.org_id and b.archived_at is null
      left join ${secondRatings} sr on sr.org_id = a.org_id and sr.round_id = a.round_id and sr.rep_user_id = a.rep_user_id and sr.behaviour_id = b.id
      left join ${ratings} r on r.org_id = a.org_id and r.cycle_id = ${cycleId} and r.rep_user_id = a.rep_user_id and r.behaviour_id = b.id and r.score is not null
      left join ${users} fu on fu.id = r.updated_by
      where a.org_id = ${orgId} and a.round_id = ${roundId} and (sr.score is not null or r.score is not null)
        ${raterUserId ? sql`and a.second_rater_user_id = ${raterUserId}` : sql``}
      order by a.rep_user_id, b.position, b.id`,
  );
  return rows.map((r) => ({
    repUserId: r.rep_user_id,
    behaviourId: r.behaviour_id,
    firstRaterUserId: r.first_rater,
    firstRaterName: r.first_rater_name,
    secondRaterUserId: r.second_rater,
    first: r.first === null ? null : Number(r.first),
    firstComment: r.first_comment,
    second: r.second === null ? null : Number(r.second),
    secondComment: r.second_comment,
  }));
}

/** Saves the second rater's scores of one rep: each behaviour's score and note, replacing what was there. */
export async function upsertSecondRatings(
  db: DbOrTx,
  orgId: string,
  roundId: string,
  repUserId: string,
  rows: readonly { behaviourId: string; score: number; comment: string | null }[],
) {
  if (rows.length === 0) return;
  await db
    .insert(secondRatings)
    .values(rows.map((r) => ({ orgId, roundId, repUserId, ...r })))
    .onConflictDoUpdate({
      target: [secondRatings.orgId, secondRatings.roundId, secondRatings.repUserId, secondRatings.behaviourId],
      set: { score: sql`excluded.score`, comment: sql`excluded.comment`, updatedAt: sql`now()` },
    });
}
