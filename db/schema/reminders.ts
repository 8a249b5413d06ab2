import { date, foreignKey, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { cycles } from "./framework";
import { memberships, orgIdColumn } from "./organisations";

/**
 * When each rep was last reminded to submit their self-assessment for a cycle, and by whom. One row per rep and
 * cycle: the remind action claims it with one `insert … on conflict do update … where` older than 24 hours, so a
 * rep gets at most one reminder a day however many leaders, admins or instances click.
 */
export const selfAssessmentReminders = pgTable(
  "self_assessment_reminders",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    lastRemindedAt: timestamp({ withTimezone: true }).notNull(),
    remindedBy: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.remindedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  ],
);

/**
 * The weekly digest's once-per-leader-per-week key: the runner inserts the row (on conflict nothing) in the same
 * transaction that queues the mail, so two instances running the schedule at once send one digest. `week` is the
 * Monday of the week in the organisation's time zone. A row is kept when there was nothing to send too, so the
 * week is not looked at again.
 */
export const leaderDigests = pgTable(
  "leader_digests",
  {
    orgId: orgIdColumn(),
    leaderUserId: uuid().notNull(),
    week: date({ mode: "string" }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.leaderUserId, t.week] }),
    foreignKey({ columns: [t.orgId, t.leaderUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  ],
);
