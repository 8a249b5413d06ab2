import "server-only";
import { and, eq, inArray, isNull, ne, not, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  accountMailOutbox,
  assessments,
  auditEvents,
  coachingPlans,
  authEvents,
  emailChangeTokens,
  endedSessions,
  mailOutbox,
  mailPreferences,
  memberships,
  oneOnOneNotes,
  passwordResetTokens,
  selfRatings,
  teamLeaders,
  throttles,
  users,
} from "../schema";
import { coachSeesSelfSql } from "./rules";

/**
 * What deleting an account erases (lib/accounts/delete-account.ts). The person's row stays, because the
 * organisations' ratings, notes and audit entries point at it, but with nothing left that names or reaches them.
 */

/** The name a deleted account has from then on, wherever its author is shown. */
export const FORMER_MEMBER_NAME = "A former member";

// In one organisation (the caller has entered it: these are tenant tables).

/** Ends the membership for good: deactivated (if it was not), leading no team, no mail settings. */
export async function endMembership(db: DbOrTx, orgId: string, userId: string) {
  await db
    .update(memberships)
    .set({ status: "deactivated", deactivatedAt: sql`coalesce(${memberships.deactivatedAt}, now())` })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  await db.delete(teamLeaders).where(and(eq(teamLeaders.orgId, orgId), eq(teamLeaders.userId, userId)));
  await db.delete(mailPreferences).where(and(eq(mailPreferences.orgId, orgId), eq(mailPreferences.userId, userId)));
}

/**
 * Deletes the person's self ratings that no coach may see yet (`coachSeesSelf`: a draft while blind mode is on), in
 * one statement through the rule's SQL twin; a submitted self-assessment's ratings stay.
 */
export async function deleteSelfRatingsNoCoachSees(db: DbOrTx, orgId: string, userId: string, blindMode: boolean) {
  const unseen = db
    .select({ cycleId: assessments.cycleId })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.repUserId, userId), not(coachSeesSelfSql(blindMode, assessments.submittedAt))));
  await db.delete(selfRatings).where(and(eq(selfRatings.orgId, orgId), eq(selfRatings.repUserId, userId), inArray(selfRatings.cycleId, unseen)));
}

/** Empties the text of the person's private 1:1 notes, which nobody else could ever read; the 1:1s stay recorded. */
export async function erasePrivateNoteTexts(db: DbOrTx, orgId: string, authorUserId: string) {
  await db
    .update(oneOnOneNotes)
    .set({ body: "" })
    .where(
      and(eq(oneOnOneNotes.orgId, orgId), eq(oneOnOneNotes.authorUserId, authorUserId), eq(oneOnOneNotes.shared, false), ne(oneOnOneNotes.body, "")),
    );
}

/**
 * The audit log keeps its entries, but not the person's name or address. On the entries about them (they acted,
 * the target is them, their self-assessment or rating, or a note or plan about them), a label that is their name or
 * starts with it ("Avery Lin · Q1 2027") and a snapshot value that is exactly their name become "A former member";
 * on every entry, a snapshot value that is exactly their address does (an invite bound to it). Values are matched as
 * whole JSON strings, so no other text changes. One statement.
 */
export async function eraseNameFromAuditLog(db: DbOrTx, orgId: string, person: { id: string; name: string; email: string }) {
  const former = FORMER_MEMBER_NAME;
  const json = (value: string) => JSON.stringify(value);
  const prefix = `${person.name} · `;
  const about = sql`(${auditEvents.actorUserId} = ${person.id}
    or position(${person.id} in coalesce(${auditEvents.targetId}, '')) > 0
    or ${auditEvents.targetId} in (select n.id::text from ${oneOnOneNotes} n where n.org_id = ${orgId} and n.rep_user_id = ${person.id})
    or ${auditEvents.targetId} in (select p.id::text from ${coachingPlans} p where p.org_id = ${orgId} and p.rep_user_id = ${person.id}))`;
  const scrub = (column: typeof auditEvents.before | typeof auditEvents.after) =>
    sql`case when ${about}
      then replace(replace(${column}::text, ${json(person.name)}, ${json(former)}), ${json(person.email)}, ${json(former)})::jsonb
      else replace(${column}::text, ${json(person.email)}, ${json(former)})::jsonb end`;
  const mentionsEmail = (column: typeof auditEvents.before | typeof auditEvents.after) =>
    sql`position(${json(person.email)} in coalesce(${column}::text, '')) > 0`;
  await db
    .update(auditEvents)
    .set({
      targetLabel: sql`case
        when not ${about} then ${auditEvents.targetLabel}
        when ${auditEvents.targetLabel} = ${person.name} then ${former}
        when left(${auditEvents.targetLabel}, ${prefix.length}) = ${prefix} then ${former} || substr(${auditEvents.targetLabel}, ${person.name.length + 1})
        else ${auditEvents.targetLabel} end`,
      before: scrub(auditEvents.before),
      after: scrub(auditEvents.after),
    })
    .where(and(eq(auditEvents.orgId, orgId), or(about, mentionsEmail(auditEvents.before), mentionsEmail(auditEvents.after))));
}

/** The organisation's mails to the person lose the address and their content; those still waiting are not sent. */
export async function eraseOrganisationMailsTo(db: DbOrTx, orgId: string, person: { id: string; email: string }) {
  await db
    .update(mailOutbox)
    .set({
      toEmail: FORMER_MEMBER_NAME,
      props: null,
      status: sql`case when ${mailOutbox.status} = 'queued' then 'failed'::mail_status else ${mailOutbox.status} end`,
      lastError: sql`case when ${mailOutbox.status} = 'queued' then 'Not sent: the account was deleted.' else ${mailOutbox.lastError} end`,
    })
    .where(and(eq(mailOutbox.orgId, orgId), or(eq(mailOutbox.toUserId, person.id), sql`lower(${mailOutbox.toEmail}) = lower(${person.email})`)));
}

// Global: the account itself.

/**
 * Erases the account's row: the name becomes "A former member", the email a placeholder that reaches no one (the
 * address is free for a new account), the password hash one that no password matches, and the session version
 * moves on, which ends every session. Undefined when the account was already deleted.
 */
export async function eraseUser(db: DbOrTx, userId: string) {
  const [row] = await db
    .update(users)
    .set({
      name: FORMER_MEMBER_NAME,
      email: sql`'deleted-' || ${users.id}::text || '@deleted.invalid'`,
      passwordHash: "!deleted",
      sessionVersion: sql`${users.sessionVersion} + 1`,
      emailVerifiedAt: null,
      lastSignInAt: null,
      deletedAt: sql`now()`,
    })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  return row;
}

/**
 * The account's traces in the global tables: its links (reset, address change), its ended sessions, its sign-in
 * history, its account mails, and the throttle counts the caller names (keyed by its id or address).
 */
export async function eraseAccountTraces(db: DbOrTx, userId: string, email: string, throttleKeys: readonly string[]) {
  const address = email.toLowerCase();
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
  await db.delete(emailChangeTokens).where(eq(emailChangeTokens.userId, userId));
  await db.delete(endedSessions).where(eq(endedSessions.userId, userId));
  await db.delete(authEvents).where(or(eq(authEvents.userId, userId), sql`lower(${authEvents.email}) = ${address}`));
  await db.delete(accountMailOutbox).where(or(eq(accountMailOutbox.toUserId, userId), sql`lower(${accountMailOutbox.toEmail}) = ${address}`));
  if (throttleKeys.length > 0) await db.delete(throttles).where(inArray(throttles.key, [...throttleKeys]));
}
