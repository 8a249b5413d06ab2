import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { behaviours, cycles } from "./framework";
import { memberships, orgIdColumn } from "./organisations";
import { createdAtColumn } from "./columns";
import { PLAN_STATUSES } from "./enums";

export const planStatus = pgEnum("plan_status", PLAN_STATUSES);

/**
 * A coaching plan for one rep on one behaviour. `cycleId` is the cycle whose scores the plan started from:
 * "score then" comes from it, "score now" from the latest later cycle with a leader rating. Both follow
 * blind mode for their own cycle when shown to the rep.
 */
export const coachingPlans = pgTable(
  "coaching_plans",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    repUserId: uuid().notNull(),
    behaviourId: uuid().notNull(),
    cycleId: uuid(),
    targetScore: smallint().notNull(),
    /** The leader's score of the focus behaviour in `cycleId` when the plan was made: later edits leave it. */
    scoreThen: smallint(),
    dueOn: date(),
    status: planStatus().notNull().default("active"),
    createdBy: uuid().notNull(),
    createdAt: createdAtColumn(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("coaching_plans_target_range", sql`${t.targetScore} between 1 and 5`),
    check("coaching_plans_score_then_range", sql`${t.scoreThen} between 1 and 5`),
    index("coaching_plans_org_rep_idx").on(t.orgId, t.repUserId),
  ],
);

/** The plan's checklist. The rep ticks actions done; `position` keeps the leader's order. */
export const coachingPlanActions = pgTable(
  "coaching_plan_actions",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    planId: uuid().notNull(),
    description: text().notNull(),
    position: integer().notNull(),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: uuid(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.planId], foreignColumns: [coachingPlans.orgId, coachingPlans.id] }),
    foreignKey({ columns: [t.orgId, t.doneBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    index("coaching_plan_actions_org_plan_idx").on(t.orgId, t.planId),
  ],
);

/**
 * A leader's 1:1 note about a rep. Private to its author unless `shared`: then the rep reads it too.
 * Admins never see private notes on a page; the organisation export carries them, marked private.
 */
export const oneOnOneNotes = pgTable(
  "one_on_one_notes",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    repUserId: uuid().notNull(),
    authorUserId: uuid().notNull(),
    /** The day the 1:1 took place, a calendar day in the organisation's time zone. */
    heldOn: date().notNull(),
    body: text().notNull(),
    shared: boolean().notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.authorUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    index("one_on_one_notes_org_rep_idx").on(t.orgId, t.repUserId, t.heldOn),
  ],
);

/** The behaviours a 1:1 note is tied to (optional, several). */
export const oneOnOneNoteBehaviours = pgTable(
  "one_on_one_note_behaviours",
  {
    orgId: orgIdColumn(),
    noteId: uuid().notNull(),
    behaviourId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.noteId, t.behaviourId] }),
    foreignKey({ columns: [t.orgId, t.noteId], foreignColumns: [oneOnOneNotes.orgId, oneOnOneNotes.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }),
  ],
);
