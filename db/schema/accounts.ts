import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn } from "./columns";
import { AUTH_EVENT_KINDS } from "./enums";

/** Global: a person's account. Belongs to no organisation; memberships tie it to organisations. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased; the unique index on lower(email) guards the rule regardless. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    /** Carried in the JWT; bumping it ends every session of this person. */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** When the person followed a link Coachgrid mailed to this address; null while unverified (or after a change). */
    emailVerifiedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
    /**
     * When the person deleted their account (lib/accounts/delete-account.ts). The row stays, because ratings, notes
     * and audit entries of their organisations point at it, but its name is "A former member", its email a
     * placeholder that reaches no one, and its password hash unusable.
     */
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_uq").on(sql`lower(${t.email})`)],
);

export const authEventKind = pgEnum("auth_event_kind", AUTH_EVENT_KINDS);

/** Global: sign-ins, failed sign-ins and account changes belong to no organisation. */
export const authEvents = pgTable(
  "auth_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id),
    email: text().notNull(),
    kind: authEventKind().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("auth_events_email_idx").on(sql`lower(${t.email})`, t.createdAt)],
);

/**
 * Global: sessions ended on the server before their token expires (signed out). A token carries its session id;
 * a token whose id is listed here gets no session. A row is needed only while a token of that session could
 * still be presented (its 30-day lifetime), so rows older than that are pruned.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    /** The session id carried in the token. */
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    endedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Finds rows old enough to prune without reading the whole table.
  (t) => [index("ended_sessions_ended_at_idx").on(t.endedAt)],
);

/**
 * Global: throttling state (failed sign-ins per account, per address behind a trusted proxy, check-in
 * submissions). In the database, so every app instance sees the same counts.
 */
export const throttles = pgTable(
  "throttles",
  {
    /** What is counted, e.g. "sign-in:account:{email}" or "check-in:address:{ip}". */
    key: text().primaryKey(),
    count: integer().notNull().default(0),
    windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Finds stale keys to prune without reading the whole table.
  (t) => [index("throttles_updated_at_idx").on(t.updatedAt)],
);
