import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { behaviours, memberships, ratings, teams, users } from "../schema";

/**
 * The grid's reads. Everything the page shows comes from a fixed number of queries, whatever the number of
 * reps: behaviours, reps, cells, and the averages (computed here in SQL, never in JavaScript).
 * Averages are round(avg(score), 1) over the ratings present; an unrated cell is not a zero.
 */

/** The behaviour columns: active ones for an open cycle, the ones rated in it for a closed cycle. */
export async function listGridBehaviours(db: DbOrTx, orgId: string, cycleId: string, closed: boolean) {
  return db
    .select({ id: behaviours.id, name: behaviours.name, description: behaviours.description, archived: sql<boolean>`${behaviours.archivedAt} is not null` })
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

/** The active reps of the given teams (all teams when undefined), with their team. */
export async function listGridReps(db: DbOrTx, orgId: string, teamIds?: readonly string[]) {
  if (teamIds && teamIds.length === 0) return [];
  return db
    .select({ userId: memberships.userId, name: users.name, teamId: teams.id, teamName: teams.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "rep"),
        eq(memberships.status, "active"),
        teamIds ? inArray(memberships.teamId, [...teamIds]) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.userId));
}

/** Rows of reps for the scope: all active reps of these teams (all teams when undefined). */
function repScope(orgId: string, teamIds?: readonly string[]) {
  return sql`select m.user_id from ${memberships} m where m.org_id = ${orgId} and m.role = 'rep' and m.status = 'active'
    ${teamIds ? sql`and m.team_id in ${[...teamIds]}` : sql``}`;
}

/** Every present score of the scope's reps in the cycle, with its version. */
export async function listGridCells(db: DbOrTx, orgId: string, cycleId: string, teamIds?: readonly string[]) {
  if (teamIds && teamIds.length === 0) return [];
  return db
    .select({ repUserId: ratings.repUserId, behaviourId: ratings.behaviourId, score: ratings.score, version: ratings.version })
    .from(ratings)
    .where(and(eq(ratings.orgId, orgId), eq(ratings.cycleId, cycleId), sql`${ratings.repUserId} in (${repScope(orgId, teamIds)})`));
}

export type Average = { average: number | null; count: number };
export type GridAverages = {
  byRep: Record<string, Average>;
  byBehaviour: Record<string, Average>;
  overall: Average;
};

/**
 * Row, column and overall averages for the scope in one query (grouping sets), over the given behaviours.
 * Pass `teamIds` undefined for the whole organisation.
 */
export async function gridAverages(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  behaviourIds: readonly string[],
  teamIds?: readonly string[],
): Promise<GridAverages> {
  const empty: GridAverages = { byRep: {}, byBehaviour: {}, overall: { average: null, count: 0 } };
  if (behaviourIds.length === 0 || (teamIds && teamIds.length === 0)) return empty;
  const rows = await db
    .select({
      repUserId: ratings.repUserId,
      behaviourId: ratings.behaviourId,
      repGrouped: sql<number>`grouping(${ratings.repUserId})`,
      behaviourGrouped: sql<number>`grouping(${ratings.behaviourId})`,
      average: sql<string | null>`round(avg(${ratings.score}), 1)`,
      count: sql<number>`count(${ratings.score})::int`,
    })
    .from(ratings)
    .where(
      and(
        eq(ratings.orgId, orgId),
        eq(ratings.cycleId, cycleId),
        inArray(ratings.behaviourId, [...behaviourIds]),
        sql`${ratings.repUserId} in (${repScope(orgId, teamIds)})`,
      ),
    )
    .groupBy(sql`grouping sets ((${ratings.repUserId}), (${ratings.behaviourId}), ())`);

  const result = empty;
  for (const row of rows) {
    const value: Average = { average: row.average === null ? null : Number(row.average), count: Number(row.count) };
    if (Number(row.repGrouped) === 0) result.byRep[row.repUserId] = value;
    else if (Number(row.behaviourGrouped) === 0) result.byBehaviour[row.behaviourId] = value;
    else result.overall = value;
  }
  return result;
}

export async function findRating(db: DbOrTx, orgId: string, cycleId: string, repUserId: string, behaviourId: string) {
  const [row] = await db
    .select({ score: ratings.score, version: ratings.version })
    .from(ratings)
    .where(and(eq(ratings.orgId, orgId), eq(ratings.cycleId, cycleId), eq(ratings.repUserId, repUserId), eq(ratings.behaviourId, behaviourId)));
  return row;
}

/**
 * Saves one cell if it still has the version the editor saw (0: never saved). Returns the new version, or
 * undefined when someone else saved it first: the caller reports the conflict with the current value.
 */
export async function saveRating(
  db: DbOrTx,
  orgId: string,
  cell: { cycleId: string; repUserId: string; behaviourId: string },
  score: number | null,
  expectedVersion: number,
  updatedBy: string,
) {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(ratings)
      .values({ orgId, ...cell, score, version: 1, updatedBy })
      .onConflictDoNothing()
      .returning({ version: ratings.version });
    return row?.version;
  }
  const [row] = await db
    .update(ratings)
    .set({ score, version: sql`${ratings.version} + 1`, updatedBy, updatedAt: new Date() })
    .where(
      and(
        eq(ratings.orgId, orgId),
        eq(ratings.cycleId, cell.cycleId),
        eq(ratings.repUserId, cell.repUserId),
        eq(ratings.behaviourId, cell.behaviourId),
        eq(ratings.version, expectedVersion),
      ),
    )
    .returning({ version: ratings.version });
  return row?.version;
}
