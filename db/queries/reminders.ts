import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { assessments, mailPreferences, memberships, selfAssessmentReminders, teams, users } from "../schema";

/** How long a rep is left alone after a reminder. */
export const REMINDER_INTERVAL_HOURS = 24;

/** The reps of a scope (`teamIds` undefined: the whole organisation), as every query here reads them. */
function activeRepsOf(orgId: string, teamIds: readonly string[] | undefined) {
  return and(
    eq(memberships.orgId, orgId),
    eq(memberships.role, "rep"),
    eq(memberships.status, "active"),
    teamIds ? inArray(memberships.teamId, [...teamIds]) : undefined,
  );
}

/**
 * The self-assessments of the scope for a cycle, each active rep with where they stand and when they were last
 * reminded: the reminders page, in one query.
 */
export async function listSelfAssessmentProgress(db: DbOrTx, orgId: string, cycleId: string, teamIds: readonly string[] | undefined) {
  if (teamIds && teamIds.length === 0) return [];
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      teamId: memberships.teamId,
      teamName: teams.name,
      started: sql<boolean>`${assessments.repUserId} is not null`,
      submittedAt: assessments.submittedAt,
      lastRemindedAt: selfAssessmentReminders.lastRemindedAt,
      /** Null when reminders reach them; else why not (the mail queue's rule, as in the claim below). */
      notMailable: sql<"unverified" | "turned_off" | null>`case when ${users.emailVerifiedAt} is null then 'unverified'
        when not coalesce(${mailPreferences.reminders}, true) then 'turned_off' end`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(mailPreferences, and(eq(mailPreferences.orgId, memberships.orgId), eq(mailPreferences.userId, memberships.userId)))
    .leftJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .leftJoin(
      assessments,
      and(eq(assessments.orgId, memberships.orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, memberships.userId)),
    )
    .leftJoin(
      selfAssessmentReminders,
      and(
        eq(selfAssessmentReminders.orgId, memberships.orgId),
        eq(selfAssessmentReminders.cycleId, cycleId),
        eq(selfAssessmentReminders.repUserId, memberships.userId),
      ),
    )
    .where(activeRepsOf(orgId, teamIds))
    .orderBy(sql`${assessments.submittedAt} is not null`, asc(users.name), asc(memberships.userId));
}

/**
 * Claims a reminder for every active rep of the scope who has not submitted the cycle's self-assessment, can
 * receive it and was not reminded in the last 24 hours, in one statement, and returns those reps with their name
 * and email: the ones to mail. Concurrent calls cannot both claim a rep (the row's conflict serialises them, and
 * the second sees the first's time). "Can receive it" is the mail queue's rule for optional mails (lib/mail/queue.ts:
 * a verified address, reminders not turned off), read here too so that a rep who gets no mail is not marked reminded.
 */
export async function claimSelfAssessmentReminders(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  teamIds: readonly string[] | undefined,
  remindedBy: string,
  now: Date,
): Promise<{ userId: string; name: string; email: string }[]> {
  if (teamIds && teamIds.length === 0) return [];
  const pending = db
    .select({
      orgId: memberships.orgId,
      cycleId: sql`${cycleId}::uuid`.as("cycle_id"),
      repUserId: memberships.userId,
      lastRemindedAt: sql`${now.toISOString()}::timestamptz`.as("last_reminded_at"),
      remindedBy: sql`${remindedBy}::uuid`.as("reminded_by"),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(mailPreferences, and(eq(mailPreferences.orgId, memberships.orgId), eq(mailPreferences.userId, memberships.userId)))
    .leftJoin(
      assessments,
      and(eq(assessments.orgId, memberships.orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, memberships.userId)),
    )
    .where(
      and(
        activeRepsOf(orgId, teamIds),
        isNull(assessments.submittedAt),
        isNotNull(users.emailVerifiedAt),
        sql`coalesce(${mailPreferences.reminders}, true)`,
      ),
    );
  const claimed = db.$with("claimed").as(
    db
      .insert(selfAssessmentReminders)
      .select(pending)
      .onConflictDoUpdate({
        target: [selfAssessmentReminders.orgId, selfAssessmentReminders.cycleId, selfAssessmentReminders.repUserId],
        set: { lastRemindedAt: sql`excluded.last_reminded_at`, remindedBy: sql`excluded.reminded_by` },
        setWhere: sql`${selfAssessmentReminders.lastRemindedAt} <= excluded.last_reminded_at - make_interval(hours => ${REMINDER_INTERVAL_HOURS})`,
      })
      .returning({ repUserId: selfAssessmentReminders.repUserId }),
  );
  return db
    .with(claimed)
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(claimed)
    .innerJoin(users, eq(users.id, claimed.repUserId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Every active rep of the organisation, with the address a cycle's opening mail goes to. */
export async function listActiveRepsToMail(db: DbOrTx, orgId: string) {
  return db
    .select({ userId: memberships.userId, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(activeRepsOf(orgId, undefined))
    .orderBy(asc(memberships.userId));
}
