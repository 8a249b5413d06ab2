import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { leaderDigests, memberships, organisations, teamLeaders, teams, users } from "../schema";

/** Every organisation with what the digest schedule needs: the one cross-organisation read of the scheduler. */
export async function listOrganisationsForDigest(db: DbOrTx) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      timeZone: organisations.timeZone,
      blindMode: organisations.blindMode,
    })
    .from(organisations)
    .orderBy(asc(organisations.id));
}

/**
 * The active leaders of the organisation who lead at least one active team and have no digest row for the week
 * yet, with those teams: the digests still to consider.
 */
export async function listLeadersAwaitingDigest(db: DbOrTx, orgId: string, week: string) {
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      teamIds: sql<string[]>`array_agg(${teamLeaders.teamId} order by ${teamLeaders.teamId})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teamLeaders, and(eq(teamLeaders.orgId, memberships.orgId), eq(teamLeaders.userId, memberships.userId)))
    .innerJoin(teams, and(eq(teams.orgId, teamLeaders.orgId), eq(teams.id, teamLeaders.teamId), isNull(teams.archivedAt)))
    .leftJoin(
      leaderDigests,
      and(eq(leaderDigests.orgId, memberships.orgId), eq(leaderDigests.leaderUserId, memberships.userId), eq(leaderDigests.week, week)),
    )
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "leader"), eq(memberships.status, "active"), isNull(leaderDigests.leaderUserId)))
    .groupBy(memberships.userId, users.name, users.email)
    .orderBy(asc(memberships.userId));
}

/**
 * Takes the leader's digest for the week: true for the one caller that inserted the key. A concurrent caller's
 * insert waits for the first transaction and then finds the row, so only one digest is ever queued.
 */
export async function claimLeaderDigest(db: DbOrTx, orgId: string, leaderUserId: string, week: string) {
  const rows = await db.insert(leaderDigests).values({ orgId, leaderUserId, week }).onConflictDoNothing().returning({ week: leaderDigests.week });
  return rows.length === 1;
}

/** Marks the claimed digest as sent (a claim with nothing to say stays unsent). */
export async function markLeaderDigestSent(db: DbOrTx, orgId: string, leaderUserId: string, week: string, at: Date) {
  await db
    .update(leaderDigests)
    .set({ sentAt: at })
    .where(and(eq(leaderDigests.orgId, orgId), eq(leaderDigests.leaderUserId, leaderUserId), eq(leaderDigests.week, week)));
}
