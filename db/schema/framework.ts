import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships, orgIdColumn } from "./organisations";
import { createdAtColumn } from "./columns";
import { CYCLE_STATUSES } from "./enums";

/** The organisation's success profile: the behaviours reps are rated on, in order, with 1/3/5 anchors. */
export const behaviours = pgTable(
  "behaviours",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    description: text().notNull(),
    level1: text().notNull(),
    level3: text().notNull(),
    level5: text().notNull(),
    position: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("behaviours_org_name_uq").on(t.orgId, sql`lower(${t.name})`),
    index("behaviours_org_position_idx").on(t.orgId, t.position),
  ],
);

export const cycleStatus = pgEnum("cycle_status", CYCLE_STATUSES);

/** One round of ratings ("Q1 2027"). At most one is open; closed cycles are read-only history. */
export const cycles = pgTable(
  "cycles",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    status: cycleStatus().notNull().default("draft"),
    openedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("cycles_org_name_uq").on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex("cycles_org_one_open_uq")
      .on(t.orgId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * The leader's rating of one rep on one behaviour in one cycle. History: never deleted by cascade; clearing a
 * cell sets the score to null. `version` grows with every save, so two editors never silently overwrite.
 */
export const ratings = pgTable(
  "ratings",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    behaviourId: uuid().notNull(),
    score: smallint(),
    /** The leader's note on this rating, shown to the rep once results are shared. */
    comment: text(),
    version: integer().notNull().default(1),
    updatedBy: uuid().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId, t.behaviourId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }),
    foreignKey({ columns: [t.orgId, t.updatedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("ratings_score_range", sql`${t.score} between 1 and 5`),
    index("ratings_org_cycle_behaviour_idx").on(t.orgId, t.cycleId, t.behaviourId),
  ],
);
