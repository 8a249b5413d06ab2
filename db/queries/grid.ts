import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { assessments, behaviours, memberships, ratings, selfRatings, teams, users } from "../schema";

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
  if (behaviourIds.length === 0 || (teamIds && teamIds.length === 0)) return collectAverages([]);
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

  return collectAverages(rows);
}

type AverageRow = { repUserId: string; behaviourId: string; repGrouped: number; behaviourGrouped: number; average: string | null; count: number };

function collectAverages(rows: AverageRow[]): GridAverages {
  const result: GridAverages = { byRep: {}, byBehaviour: {}, overall: { average: null, count: 0 } };
  for (const row of rows) {
    const value: Average = { average: row.average === null ? null : Number(row.average), count: Number(row.count) };
    if (Number(row.repGrouped) === 0) result.byRep[row.repUserId] = value;
    else if (Number(row.behaviourGrouped) === 0) result.byBehaviour[row.behaviourId] = value;
    else result.overall = value;
  }
  return result;
}

/** The read-only views of the grid: self ratings, gap (self - leader) and change since the previous cycle. */
export type ReadOnlyView = "self" | "gap" | "change";
export type ViewOptions = {
  /**
   * Blind mode of the organisation. When on, a rep's self ratings count only once the rep has submitted:
   * the same rule as coachSeesSelf (lib/assessments/visibility.ts), applied in SQL so averages never include
   * a hidden score.
   */
  blindMode: boolean;
  /** The change view's baseline cycle; null: there is none and the view is empty. */
  previousCycleId: string | null;
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
    options.blindMode ? isNotNull(assessments.submittedAt) : undefined,
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
      .where(and(eq(selfRatings.orgId, orgId), eq(ratings.orgId, orgId), eq(selfRatings.cycleId, cycleId), isNotNull(selfRatings.score), isNotNull(ratings.score)))
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
export async function listViewCells(db: DbOrTx, orgId: string, cycleId: string, view: ReadOnlyView, options: ViewOptions, teamIds?: readonly string[]) {
  if (teamIds && teamIds.length === 0) return [];
  const v = viewValues(db, orgId, cycleId, view, options);
  const rows = await db
    .select({ repUserId: v.repUserId, behaviourId: v.behaviourId, value: v.value, first: v.first, second: v.second })
    .from(v)
    .where(sql`${v.repUserId} in (${repScope(orgId, teamIds)})`);
  const num = (x: number | string | null) => (x === null ? null : Number(x));
  return rows.map((r) => ({ repUserId: r.repUserId, behaviourId: r.behaviourId, value: Number(r.value), first: num(r.first), second: num(r.second) }));
}

/**
 * Row, column and overall averages of a read-only view, in one query (grouping sets), over the visible values
 * only: round(avg(value), 1). Pass `teamIds` undefined for the whole organisation.
 */
export async function viewAverages(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  view: ReadOnlyView,
  options: ViewOptions,
  behaviourIds: readonly string[],
  teamIds?: readonly string[],
): Promise<GridAverages> {
  if (behaviourIds.length === 0 || (teamIds && teamIds.length === 0)) return collectAverages([]);
  const v = viewValues(db, orgId, cycleId, view, options);
  const rows = await db
    .select({
      repUserId: v.repUserId,
      behaviourId: v.behaviourId,
      repGrouped: sql<number>`grouping(${v.repUserId})`,
      behaviourGrouped: sql<number>`grouping(${v.behaviourId})`,
      average: sql<string | null>`round(avg(${v.value}), 1)`,
      count: sql<number>`count(${v.value})::int`,
    })
    .from(v)
    .where(and(inArray(v.behaviourId, [...behaviourIds]), sql`${v.repUserId} in (${repScope(orgId, teamIds)})`))
    .groupBy(sql`grouping sets ((${v.repUserId}), (${v.behaviourId}), ())`);
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
