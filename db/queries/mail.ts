import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { accountMailOutbox, mailOutbox, mailPreferences, memberships, organisations, users } from "../schema";
import { executeRows } from "./execute";

/** A row to queue: the organisation's outbox when orgId is set, else the account outbox. */
export type OutboxInsert = { kind: string; toEmail: string; toUserId: string | null; subject: string; props: Record<string, unknown> };

export async function insertOutboxMails(db: DbOrTx, orgId: string | null, rows: readonly OutboxInsert[]): Promise<void> {
  if (rows.length === 0) return;
  if (orgId) await db.insert(mailOutbox).values(rows.map((r) => ({ ...r, orgId })));
  else await db.insert(accountMailOutbox).values([...rows]);
}

export type RecipientStanding = {
  userId: string;
  email: string;
  verified: boolean;
  reminders: boolean;
  resultsShared: boolean;
  weeklyDigest: boolean;
};

/** For optional mails: whether each person's address is verified, and their preferences in the organisation. */
export async function recipientStandings(db: DbOrTx, orgId: string, userIds: readonly string[]): Promise<RecipientStanding[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: users.id,
      email: users.email,
      verified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      reminders: sql<boolean>`coalesce(${mailPreferences.reminders}, true)`,
      resultsShared: sql<boolean>`coalesce(${mailPreferences.resultsShared}, true)`,
      weeklyDigest: sql<boolean>`coalesce(${mailPreferences.weeklyDigest}, true)`,
    })
    .from(users)
    .leftJoin(mailPreferences, and(eq(mailPreferences.orgId, orgId), eq(mailPreferences.userId, users.id)))
    .where(inArray(users.id, [...new Set(userIds)]));
}

// ---- The worker's side. Both outboxes have the same columns; `scope` says which one.

export type OutboxScope = "org" | "account";
export type ClaimedMail = {
  scope: OutboxScope;
  orgId: string | null;
  id: string;
  kind: string;
  toEmail: string;
  toUserId: string | null;
  subject: string;
  props: Record<string, unknown> | null;
  attempts: number;
};

const table = (scope: OutboxScope) => (scope === "org" ? sql`mail_outbox` : sql`account_mail_outbox`);
const key = (scope: OutboxScope) => (scope === "org" ? sql`org_id, id` : sql`id`);
const matches = (mail: Pick<ClaimedMail, "scope" | "orgId" | "id">): SQL =>
  mail.scope === "org" ? sql`org_id = ${mail.orgId} and id = ${mail.id}` : sql`id = ${mail.id}`;

/**
 * Takes up to `limit` mails that are due, across organisations, and marks them sending for `leaseSeconds`:
 * one statement, committed before anything is sent. `skip locked` lets several workers claim at once without
 * waiting for each other or taking the same mail; a mail whose lease ran out (its worker died) is due again.
 */
export async function claimDueMails(db: DbOrTx, scope: OutboxScope, limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
  const rows = await executeRows<{
    org_id?: string;
    id: string;
    kind: string;
    to_email: string;
    to_user_id: string | null;
    subject: string;
    props: Record<string, unknown> | string | null;
    attempts: number;
  }>(
    db,
    sql`update ${table(scope)} set status = 'sending', attempts = attempts + 1,
          next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
        where (${key(scope)}) in (
          select ${key(scope)} from ${table(scope)}
          where status in ('queued', 'sending') and next_attempt_at <= now()
          order by next_attempt_at limit ${limit}
          for update skip locked)
        returning ${scope === "org" ? sql`org_id,` : sql``} id, kind, to_email, to_user_id, subject, props, attempts`,
  );
  return rows.map((r) => ({
    scope,
    orgId: r.org_id ?? null,
    id: r.id,
    kind: r.kind,
    toEmail: r.to_email,
    toUserId: r.to_user_id,
    subject: r.subject,
    props: typeof r.props === "string" ? (JSON.parse(r.props) as Record<string, unknown>) : r.props,
    attempts: Number(r.attempts),
  }));
}

/** Sent: the props (and the links' tokens in them) are erased. */
export async function markMailSent(db: DbOrTx, mail: ClaimedMail): Promise<void> {
  await db.execute(sql`update ${table(mail.scope)} set status = 'sent', sent_at = now(), props = null, last_error = null where ${matches(mail)}`);
}

/** A temporary failure: queued again, due after `retryInSeconds`. */
export async function markMailRetry(db: DbOrTx, mail: ClaimedMail, error: string, retryInSeconds: number): Promise<void> {
  await db.execute(
    sql`update ${table(mail.scope)} set status = 'queued', last_error = ${error},
          next_attempt_at = now() + make_interval(secs => ${retryInSeconds}) where ${matches(mail)}`,
  );
}

/** Given up: the props are erased, the error kept for the panel. */
export async function markMailFailed(db: DbOrTx, mail: ClaimedMail, error: string): Promise<void> {
  await db.execute(sql`update ${table(mail.scope)} set status = 'failed', props = null, last_error = ${error} where ${matches(mail)}`);
}

/** The soonest time a queued mail is due, across both outboxes (the worker sleeps until then at most). */
export async function nextMailDueAt(db: DbOrTx): Promise<Date | null> {
  const [row] = await executeRows<{ due: string | Date | null }>(
    db,
    sql`select least(
          (select min(next_attempt_at) from mail_outbox where status in ('queued', 'sending')),
          (select min(next_attempt_at) from account_mail_outbox where status in ('queued', 'sending'))) as due`,
  );
  return row?.due ? new Date(row.due) : null;
}

/** Deletes account mails sent or failed more than `days` ago (that table is global and must stay small). */
export async function pruneAccountMails(db: DbOrTx, days: number): Promise<void> {
  await db.execute(sql`delete from account_mail_outbox where status in ('sent', 'failed') and created_at < now() - make_interval(days => ${days})`);
}

/** The organisation's latest mails for the admins' panel: never the props (which hold links and tokens). */
export async function latestOrgMails(db: DbOrTx, orgId: string, limit: number) {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toEmail: mailOutbox.toEmail,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.orgId, orgId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

export type MailPreferenceValues = { reminders: boolean; resultsShared: boolean; weeklyDigest: boolean };

/**
 * Sets some of a member's preferences in the organisation (one statement; nothing when they are not a member).
 * Returns what they were before, or undefined when the person is not a member.
 */
export async function setMailPreferences(db: DbOrTx, orgId: string, userId: string, values: Partial<MailPreferenceValues>) {
  const column = { reminders: "reminders", resultsShared: "results_shared", weeklyDigest: "weekly_digest" } as const;
  const entries = Object.entries(values).filter(([, v]) => typeof v === "boolean") as [keyof MailPreferenceValues, boolean][];
  const insertValue = (key: keyof MailPreferenceValues) => {
    const given = entries.find(([k]) => k === key);
    return given ? sql`${given[1]}` : sql`true`;
  };
  const updates = entries.map(([key]) => sql`${sql.raw(column[key])} = excluded.${sql.raw(column[key])}`);
  const [row] = await executeRows<{ reminders: boolean; results_shared: boolean; weekly_digest: boolean }>(
    db,
    sql`with before as (
          select reminders, results_shared, weekly_digest from mail_preferences where org_id = ${orgId} and user_id = ${userId}
        ), written as (
          insert into mail_preferences (org_id, user_id, reminders, results_shared, weekly_digest)
          select org_id, user_id, ${insertValue("reminders")}, ${insertValue("resultsShared")}, ${insertValue("weeklyDigest")}
          from memberships where org_id = ${orgId} and user_id = ${userId}
          on conflict (org_id, user_id) do update set ${sql.join([...updates, sql`updated_at = now()`], sql`, `)}
          returning org_id
        )
        select coalesce(b.reminders, true) as reminders, coalesce(b.results_shared, true) as results_shared,
               coalesce(b.weekly_digest, true) as weekly_digest
        from written left join before b on true`,
  );
  return row ? { reminders: row.reminders, resultsShared: row.results_shared, weeklyDigest: row.weekly_digest } : undefined;
}

/** The person's preferences in each organisation where they are an active member (the account page). */
export async function mailPreferencesOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      orgId: memberships.orgId,
      orgName: organisations.name,
      reminders: sql<boolean>`coalesce(${mailPreferences.reminders}, true)`,
      resultsShared: sql<boolean>`coalesce(${mailPreferences.resultsShared}, true)`,
      weeklyDigest: sql<boolean>`coalesce(${mailPreferences.weeklyDigest}, true)`,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(mailPreferences, and(eq(mailPreferences.orgId, memberships.orgId), eq(mailPreferences.userId, memberships.userId)))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(organisations.name);
}
