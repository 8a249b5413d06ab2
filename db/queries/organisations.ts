import { and, asc, countDistinct, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { memberships, organisations, teamLeaders, teams, users } from "../schema";

export type Role = (typeof memberships.$inferSelect)["role"];

/**
 * The organisation named by a URL slug and the person's membership of it, in one query.
 * Undefined when the slug is unknown or the person is not a member: callers answer both with 404.
 */
export async function findMemberContext(db: DbOrTx, slug: string, userId: string) {
  const [row] = await db
    .select({
      orgId: organisations.id,
      slug: organisations.slug,
      orgName: organisations.name,
      timeZone: organisations.timeZone,
      role: memberships.role,
      status: memberships.status,
      teamId: memberships.teamId,
      ledTeamIds: sql<string[]>`coalesce((
        select json_agg(${teamLeaders.teamId}) from ${teamLeaders}
        where ${teamLeaders.orgId} = ${memberships.orgId} and ${teamLeaders.userId} = ${memberships.userId}
      ), '[]'::json)`,
    })
    .from(organisations)
    .innerJoin(memberships, and(eq(memberships.orgId, organisations.id), eq(memberships.userId, userId)))
    .where(eq(organisations.slug, slug))
    .limit(1);
  return row;
}

/** The organisations a person can switch to (active memberships only). */
export async function listOrganisationsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ slug: organisations.slug, name: organisations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(organisations.name));
}

export async function slugExists(db: DbOrTx, slug: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  return Boolean(row);
}

export async function insertOrganisation(db: DbOrTx, values: { slug: string; name: string; timeZone: string }) {
  const [org] = await db.insert(organisations).values(values).returning();
  return org!;
}

export async function insertMembership(
  db: DbOrTx,
  orgId: string,
  values: { userId: string; role: Role; teamId?: string | null },
) {
  await db.insert(memberships).values({ orgId, ...values });
}

export async function getOrganisation(db: DbOrTx, orgId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return org!;
}

export async function updateOrganisation(db: DbOrTx, orgId: string, values: { name: string; timeZone: string }) {
  await db.update(organisations).set(values).where(eq(organisations.id, orgId));
}

/**
 * The teams a member may see on the organisation's overview, with leaders and rep counts, in one query.
 * `teamIds` undefined means all teams (admins). (Joins, not correlated subqueries: Drizzle leaves columns
 * unqualified in single-table selects, which would make a subquery compare its own columns.)
 */
export async function listTeamSummaries(db: DbOrTx, orgId: string, teamIds?: readonly string[]) {
  if (teamIds && teamIds.length === 0) return [];
  const reps = alias(memberships, "reps");
  return db
    .select({
      id: teams.id,
      name: teams.name,
      leaders: sql<string[]>`coalesce(json_agg(distinct ${users.name} order by ${users.name}) filter (where ${users.name} is not null), '[]'::json)`,
      repCount: countDistinct(reps.userId),
    })
    .from(teams)
    .leftJoin(teamLeaders, and(eq(teamLeaders.orgId, teams.orgId), eq(teamLeaders.teamId, teams.id)))
    .leftJoin(users, eq(users.id, teamLeaders.userId))
    .leftJoin(
      reps,
      and(eq(reps.orgId, teams.orgId), eq(reps.teamId, teams.id), eq(reps.role, "rep"), eq(reps.status, "active")),
    )
    .where(and(eq(teams.orgId, orgId), isNull(teams.archivedAt), teamIds ? inArray(teams.id, [...teamIds]) : undefined))
    .groupBy(teams.orgId, teams.id)
    .orderBy(asc(teams.name));
}

export async function insertTeam(db: DbOrTx, orgId: string, name: string) {
  const [team] = await db.insert(teams).values({ orgId, name }).returning();
  return team!;
}

export async function insertTeamLeader(db: DbOrTx, orgId: string, teamId: string, userId: string) {
  await db.insert(teamLeaders).values({ orgId, teamId, userId });
}

export async function setMembershipStatus(db: DbOrTx, orgId: string, userId: string, status: "active" | "deactivated") {
  await db
    .update(memberships)
    .set({ status, deactivatedAt: status === "deactivated" ? new Date() : null })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}
