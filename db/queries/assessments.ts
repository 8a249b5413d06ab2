import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { assessments, ratings, selfRatings } from "../schema";

export async function findAssessment(db: DbOrTx, orgId: string, cycleId: string, repUserId: string) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, repUserId)));
  return row;
}

/** Starts the rep's draft if there is none yet. */
export async function ensureAssessment(db: DbOrTx, orgId: string, cycleId: string, repUserId: string) {
  await db.insert(assessments).values({ orgId, cycleId, repUserId }).onConflictDoNothing();
}

export async function setAssessmentState(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  repUserId: string,
  values: { submittedAt?: Date | null; sharedAt?: Date | null; sharedBy?: string | null },
) {
  await db
    .update(assessments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(assessments.orgId, orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, repUserId)));
}

export async function upsertSelfRating(
  db: DbOrTx,
  orgId: string,
  cell: { cycleId: string; repUserId: string; behaviourId: string },
  values: { score: number | null; comment: string | null },
) {
  await db
    .insert(selfRatings)
    .values({ orgId, ...cell, ...values })
    .onConflictDoUpdate({
      target: [selfRatings.orgId, selfRatings.cycleId, selfRatings.repUserId, selfRatings.behaviourId],
      set: { ...values, updatedAt: new Date() },
    });
}

/** One rep's self ratings in one cycle. */
export async function listSelfRatings(db: DbOrTx, orgId: string, cycleId: string, repUserId: string) {
  return db
    .select({ behaviourId: selfRatings.behaviourId, score: selfRatings.score, comment: selfRatings.comment })
    .from(selfRatings)
    .where(and(eq(selfRatings.orgId, orgId), eq(selfRatings.cycleId, cycleId), eq(selfRatings.repUserId, repUserId)));
}

/** One rep's leader ratings and comments in one cycle. Callers must apply blind mode before showing them. */
export async function listLeaderRatingsOfRep(db: DbOrTx, orgId: string, cycleId: string, repUserId: string) {
  return db
    .select({ behaviourId: ratings.behaviourId, score: ratings.score, comment: ratings.comment })
    .from(ratings)
    .where(and(eq(ratings.orgId, orgId), eq(ratings.cycleId, cycleId), eq(ratings.repUserId, repUserId)));
}

/** Sets the leader's comment on a rating, creating the (unscored) rating row if needed. */
export async function setLeaderComment(
  db: DbOrTx,
  orgId: string,
  cell: { cycleId: string; repUserId: string; behaviourId: string },
  comment: string | null,
  updatedBy: string,
) {
  await db
    .insert(ratings)
    .values({ orgId, ...cell, comment, updatedBy })
    .onConflictDoUpdate({
      target: [ratings.orgId, ratings.cycleId, ratings.repUserId, ratings.behaviourId],
      set: { comment, updatedBy, updatedAt: new Date(), version: sql`${ratings.version} + 1` },
    });
}

/** The behaviours the rep has scored in the cycle (for the submit check). */
export async function listSelfRatingsScored(db: DbOrTx, orgId: string, cycleId: string, repUserId: string) {
  const rows = await db
    .select({ behaviourId: selfRatings.behaviourId })
    .from(selfRatings)
    .where(
      and(
        eq(selfRatings.orgId, orgId),
        eq(selfRatings.cycleId, cycleId),
        eq(selfRatings.repUserId, repUserId),
        sql`${selfRatings.score} is not null`,
      ),
    );
  return new Set(rows.map((r) => r.behaviourId));
}

/** Everything of one rep across all cycles, for the baseline history: three queries, whatever the history. */
export async function listRepHistory(db: DbOrTx, orgId: string, repUserId: string) {
  const [leader, self, states] = await Promise.all([
    db
      .select({ cycleId: ratings.cycleId, behaviourId: ratings.behaviourId, score: ratings.score, comment: ratings.comment })
      .from(ratings)
      .where(and(eq(ratings.orgId, orgId), eq(ratings.repUserId, repUserId))),
    db
      .select({ cycleId: selfRatings.cycleId, behaviourId: selfRatings.behaviourId, score: selfRatings.score, comment: selfRatings.comment })
      .from(selfRatings)
      .where(and(eq(selfRatings.orgId, orgId), eq(selfRatings.repUserId, repUserId))),
    db
      .select()
      .from(assessments)
      .where(and(eq(assessments.orgId, orgId), eq(assessments.repUserId, repUserId))),
  ]);
  return { leader, self, states };
}
