import "server-only";
import { and, asc, count, countDistinct, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { memberships, teamLeaders, teams, users } from "../schema";

export async function findTeam(db: DbOrTx, orgId: string, teamId: string) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
  return team;
}

/** Active teams for pickers (invite form, member moves). */
export async function listActiveTeams(db: DbOrTx, orgId: string) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), isNull(teams.archivedAt)))
    .orderBy(asc(teams.name));
}

/**
 * Teams with their leaders and number of active reps, in one query. `teamIds` undefined means all teams.
 * The leaders subquery uses its own aliases: Drizzle leaves columns unqualified in single-table selects,
 * so interpolated columns are only safe here because the outer query has a join.
 */
export async function listTeams(db: DbOrTx, orgId: string, options: { teamIds?: readonly string[]; includeArchived?: boolean } = {}) {
  const { teamIds, includeArchived = false } = options;
  if (teamIds && teamIds.length === 0) return [];
  const reps = alias(memberships, "reps");
  return db
    .select({
      id: teams.id,
      name: teams.name,
      archivedAt: teams.archivedAt,
      leaders: sql<{ id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from ${teamLeaders} tl join ${users} u on u.id = tl.user_id
        where tl.org_id = ${teams.orgId} and tl.team_id = ${teams.id}
      ), '[]'::json)`,
      repCount: countDistinct(reps.userId),
    })
    .from(teams)
    .leftJoin(reps, and(eq(reps.orgId, teams.orgId), eq(reps.teamId, teams.id), eq(reps.role, "rep"), eq(reps.status, "active")))
    .where(and(eq(teams.orgId, orgId), includeArchived ? undefined : isNull(teams.archivedAt), teamIds ? inArray(teams.id, [...teamIds]) : undefined))
    .groupBy(teams.orgId, teams.id)
    .orderBy(sql`${teams.archivedAt} is not null`, asc(teams.name));
}

export async function insertTeam(db: DbOrTx, orgId: string, name: string) {
  const [team] = await db.insert(teams).values({ orgId, name }).returning();
  return team!;
}

export async function teamNameTaken(db: DbOrTx, orgId: string, name: string, exceptTeamId?: string) {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), sql`lower(${teams.name}) = lower(${name})`, exceptTeamId ? sql`${teams.id} <> ${exceptTeamId}` : undefined));
  return Boolean(row);
}

export async function updateTeamName(db: DbOrTx, orgId: string, teamId: string, name: string) {
  await db
    .update(teams)
    .set({ name })
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
}

export async function setTeamArchived(db: DbOrTx, orgId: string, teamId: string, archived: boolean) {
  await db
    .update(teams)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
}

export async function countActiveReps(db: DbOrTx, orgId: string, teamId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.teamId, teamId), eq(memberships.role, "rep"), eq(memberships.status, "active")));
  return row!.n;
}

export async function insertTeamLeader(db: DbOrTx, orgId: string, teamId: string, userId: string) {
  await db.insert(teamLeaders).values({ orgId, teamId, userId }).onConflictDoNothing();
}

export async function deleteTeamLeader(db: DbOrTx, orgId: string, teamId: string, userId: string) {
  const removed = await db
    .delete(teamLeaders)
    .where(and(eq(teamLeaders.orgId, orgId), eq(teamLeaders.teamId, teamId), eq(teamLeaders.userId, userId)))
    .returning({ userId: teamLeaders.userId });
  return removed.length > 0;
}

/** Every team, archived ones too, with what an import matches them by: id, name and whether archived. */
export async function listTeamNames(db: DbOrTx, orgId: string) {
  return db
    .select({ id: teams.id, name: teams.name, archived: sql<boolean>`${teams.archivedAt} is not null` })
    .from(teams)
    .where(eq(teams.orgId, orgId));
}

/**
 * Creates these teams in one statement and returns them with their ids. A name taken in the meantime (case
 * aside) is left out of the answer: the caller decides what that means.
 */
export async function insertTeams(db: DbOrTx, orgId: string, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .insert(teams)
    .values(names.map((name) => ({ orgId, name })))
    .onConflictDoNothing()
    .returning({ id: teams.id, name: teams.name });
}
