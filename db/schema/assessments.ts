import { sql } from "drizzle-orm";
import { check, foreignKey, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { behaviours, cycles } from "./framework";
import { memberships, orgIdColumn } from "./organisations";
import { createdAtColumn } from "./columns";

/**
 * A rep's self-assessment for one cycle. No row: not started; submittedAt null: draft; sharedAt null:
 * submitted; else shared. Reopening clears both, which hides the leader's ratings from the rep again.
 */
export const assessments = pgTable(
  "assessments",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    submittedAt: timestamp({ withTimezone: true }),
    sharedAt: timestamp({ withTimezone: true }),
    sharedBy: uuid(),
    createdAt: createdAtColumn(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.sharedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  ],
);

/** The rep's own rating of one behaviour in one cycle, edited only by the rep. History: never cascaded. */
export const selfRatings = pgTable(
  "self_ratings",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    behaviourId: uuid().notNull(),
    score: smallint(),
    comment: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId, t.behaviourId] }),
    foreignKey({ columns: [t.orgId, t.cycleId, t.repUserId], foreignColumns: [assessments.orgId, assessments.cycleId, assessments.repUserId] }),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }),
    check("self_ratings_score_range", sql`${t.score} between 1 and 5`),
  ],
);
