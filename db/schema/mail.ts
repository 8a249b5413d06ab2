import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAtColumn } from "./columns";
import { MAIL_STATUSES } from "./enums";
import { memberships, orgIdColumn } from "./organisations";

/**
 * The transactional outbox (lib/mail). A mail is inserted in the transaction of the change that causes it and sent
 * after commit by the worker. Two tables with the same columns: `mail_outbox` holds an organisation's mails (tenant
 * data, org_id first, shown in the admins' "Email delivery" panel); `account_mail_outbox` holds mails that belong to
 * no organisation (a password reset asked for on the sign-in page, an address verification). Inserting into either
 * notifies the workers (`pg_notify('coachgrid_mail')`, delivered at commit; migration 0008).
 */
export const mailStatus = pgEnum("mail_status", MAIL_STATUSES);

const outboxColumns = () => ({
  id: uuid().notNull().defaultRandom(),
  /** A key of lib/mail/kinds. */
  kind: text().notNull(),
  toEmail: text().notNull(),
  /** The person it is for, when it is for an account (unsubscribe links and preferences need them). */
  toUserId: uuid().references(() => users.id),
  subject: text().notNull(),
  /** What the template renders from, links' tokens included: erased (null) once the mail is sent or has failed. */
  props: jsonb(),
  status: mailStatus().notNull().default("queued"),
  /** Sending attempts started so far. */
  attempts: integer().notNull().default(0),
  /** queued: not before this; sending: the claim's lease, after which a crashed worker's mail is taken again. */
  nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** The last failure, as the mail server put it (never a link: the server's answer or the connection error). */
  lastError: text(),
  createdAt: createdAtColumn(),
  sentAt: timestamp({ withTimezone: true }),
});

const pending = sql`status in ('queued', 'sending')`;

/** Tenant: an organisation's mails. Bookkeeping: moves no data revision, left out of the export. */
export const mailOutbox = pgTable("mail_outbox", { orgId: orgIdColumn(), ...outboxColumns() }, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index("mail_outbox_org_time_idx").on(t.orgId, t.createdAt),
  // Only the mails still to send: small, so the workers' scan across organisations stays cheap.
  index("mail_outbox_pending_idx").on(t.orgId, t.nextAttemptAt).where(pending),
]);

/** Global: mails of no organisation. Kept small: rows are deleted some days after they are sent or fail. */
export const accountMailOutbox = pgTable("account_mail_outbox", { ...outboxColumns(), id: uuid().primaryKey().defaultRandom() }, (t) => [
  index("account_mail_outbox_pending_idx").on(t.nextAttemptAt).where(pending),
  index("account_mail_outbox_created_idx").on(t.createdAt),
]);

/** Tenant: what a member of an organisation wants to receive. No row: everything on. */
export const mailPreferences = pgTable(
  "mail_preferences",
  {
    orgId: orgIdColumn(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    reminders: boolean().notNull().default(true),
    resultsShared: boolean().notNull().default(true),
    weeklyDigest: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }),
  ],
);

/** Global: password reset links. Only the token's SHA-256 is kept; a link works once, for 60 minutes. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/**
 * Global: links that confirm a new email address (account page). Only the token's SHA-256 is kept; a link works once,
 * for 24 hours, and only while it is the person's latest request.
 */
export const emailChangeTokens = pgTable(
  "email_change_tokens",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** The address the link was mailed to, which becomes the account's address once the link is followed. */
    newEmail: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("email_change_tokens_user_idx").on(t.userId)],
);
