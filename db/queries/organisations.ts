import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { memberships, organisations, orgRevisions, teamLeaders } from "../schema";
import type { MemberRole, MemberStatus } from "../schema/enums";

/**
 * The organisation named by a URL slug (with its data revision: see orgRevisions) and the person's membership of
 * it, in one query.
 * Undefined when the slug is unknown or the person is not a member: callers answer both with 404. Read on every
 * request of a member, so prepared (see db/client.ts).
 */
export async function findMemberContext(db: DbOrTx, slug: string, userId: string) {
  const [row] = await db
    .select({
      orgId: organisations.id,
      slug: organisations.slug,
      orgName: organisations.name,
      timeZone: organisations.timeZone,
      blindMode: organisations.blindMode,
      // The sum of the organisation's revision slots (see orgRevisions).
      revision: sql<number>`coalesce((select sum(r.revision) from ${orgRevisions} r where r.org_id = ${organisations.id}), 0)`.mapWith(Number),
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
    .limit(1)
    .prepare("find_member_context")
    .execute();
  return row;
}

/** The organisations a person can switch to (active memberships only); the header's, so prepared (db/client.ts). */
export async function listOrganisationsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ slug: organisations.slug, name: organisations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(organisations.name))
    .prepare("list_organisations_of_user")
    .execute();
}

/** An organisation by its URL slug (token pages: the link names the organisation). */
export async function findOrganisationBySlug(db: DbOrTx, slug: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return org;
}

export async function insertOrganisation(db: DbOrTx, values: { slug: string; name: string; timeZone: string }) {
  const [org] = await db.insert(organisations).values(values).returning();
  return org!;
}

/** Inserts the organisation unless its slug is taken (also by a sign-up racing this one); undefined when it is. */
export async function insertOrganisationIfSlugFree(db: DbOrTx, values: { slug: string; name: string; timeZone: string }) {
  const [org] = await db.insert(organisations).values(values).onConflictDoNothing({ target: organisations.slug }).returning();
  return org;
}

export async function insertMembership(db: DbOrTx, orgId: string, values: { userId: string; role: MemberRole; teamId?: string | null }) {
  await db.insert(memberships).values({ orgId, ...values });
}

export async function getOrganisation(db: DbOrTx, orgId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return org!;
}

export async function updateOrganisation(db: DbOrTx, orgId: string, values: { name: string; timeZone: string; blindMode: boolean }) {
  await db.update(organisations).set(values).where(eq(organisations.id, orgId));
}

export async function setMembershipStatus(db: DbOrTx, orgId: string, userId: string, status: MemberStatus) {
  await db
    .update(memberships)
    .set({ status, deactivatedAt: status === "deactivated" ? new Date() : null })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

/**
 * Every membership of the person, active or not, with the organisation's name and blind mode (the own_memberships
 * policy): what an account entry needs before it enters each organisation.
 */
export async function listAllMembershipsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      orgId: memberships.orgId,
      orgName: organisations.name,
      slug: organisations.slug,
      blindMode: organisations.blindMode,
      role: memberships.role,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name), asc(memberships.orgId));
}
