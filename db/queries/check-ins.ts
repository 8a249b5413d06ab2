import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { checkIns, departments, relationships, users } from "../schema";

export type CheckInAnswer = { trust: number; salesFrustratesUs: string | null; wouldHelp: string | null; respondentName: string | null };

export async function insertCheckIn(
  db: DbOrTx,
  orgId: string,
  values: { relationshipId: string; tokenHash: string; createdBy: string; expiresAt: Date; id?: string; createdAt?: Date },
) {
  const [row] = await db
    .insert(checkIns)
    .values({ orgId, ...values })
    .returning();
  return row!;
}

/**
 * A check-in link found by the hash of its token inside one organisation, with what its page and its answer
 * need: the leader who keeps the relationship, and the relationship's label for the audit log.
 */
export async function findCheckInByTokenHash(db: DbOrTx, orgId: string, tokenHash: string) {
  const [row] = await db
    .select({
      id: checkIns.id,
      relationshipId: checkIns.relationshipId,
      expiresAt: checkIns.expiresAt,
      revokedAt: checkIns.revokedAt,
      answeredAt: checkIns.answeredAt,
      leaderName: users.name,
      counterpartName: relationships.counterpartName,
      departmentName: departments.name,
    })
    .from(checkIns)
    .innerJoin(relationships, and(eq(relationships.orgId, checkIns.orgId), eq(relationships.id, checkIns.relationshipId)))
    .innerJoin(departments, and(eq(departments.orgId, relationships.orgId), eq(departments.id, relationships.departmentId)))
    .innerJoin(users, eq(users.id, relationships.ownerUserId))
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.tokenHash, tokenHash)))
    .limit(1);
  return row;
}

export async function findCheckIn(db: DbOrTx, orgId: string, relationshipId: string, checkInId: string) {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.relationshipId, relationshipId), eq(checkIns.id, checkInId)));
  return row;
}

/** A relationship's check-in links, newest first, with their answers. Never the token hash. */
export async function listCheckIns(db: DbOrTx, orgId: string, relationshipId: string) {
  return db
    .select({
      id: checkIns.id,
      createdAt: checkIns.createdAt,
      expiresAt: checkIns.expiresAt,
      revokedAt: checkIns.revokedAt,
      answeredAt: checkIns.answeredAt,
      trust: checkIns.trust,
      salesFrustratesUs: checkIns.salesFrustratesUs,
      wouldHelp: checkIns.wouldHelp,
      respondentName: checkIns.respondentName,
    })
    .from(checkIns)
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.relationshipId, relationshipId)))
    .orderBy(desc(checkIns.createdAt))
    .limit(200);
}

/** Revokes a link that is still waiting. False when it was already answered or revoked. */
export async function markCheckInRevoked(db: DbOrTx, orgId: string, checkInId: string, revokedBy: string) {
  const [row] = await db
    .update(checkIns)
    .set({ revokedAt: new Date(), revokedBy })
    .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, checkInId), isNull(checkIns.revokedAt), isNull(checkIns.answeredAt)))
    .returning({ id: checkIns.id });
  return Boolean(row);
}

/**
 * Stores the answer if the link is still waiting, in one statement: of concurrent submits on one link exactly
 * one succeeds. False when it is answered, revoked or expired (by the database's clock).
 */
export async function claimCheckInAnswer(db: DbOrTx, orgId: string, checkInId: string, answer: CheckInAnswer) {
  const [row] = await db
    .update(checkIns)
    .set({ answeredAt: sql`now()`, ...answer })
    .where(
      and(
        eq(checkIns.orgId, orgId),
        eq(checkIns.id, checkInId),
        isNull(checkIns.answeredAt),
        isNull(checkIns.revokedAt),
        gt(checkIns.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: checkIns.id, answeredAt: checkIns.answeredAt });
  return row;
}
