import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { behaviours, cycles } from "./framework";
import { memberships, orgIdColumn, teams } from "./organisations";
import { createdAtColumn } from "./columns";

/**
 * A calibration round: in one cycle, a second leader (or an admin) rates a sample of each team's reps blind, so the
 * two ratings of the same rep can be compared. Second ratings live apart from `ratings`: nothing a rep sees, and no
 * grid, average or queue, reads them.
 */
export const calibrationRounds = pgTable(
  "calibration_rounds",
  {
    orgId: orgIdColumn(),
    id: uuid().notNull().defaultRandom(),
    cycleId: uuid().notNull(),
    createdBy: uuid().notNull(),
    createdAt: createdAtColumn(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
    index("calibration_rounds_org_cycle_idx").on(t.orgId, t.cycleId),
  ],
);

/** A sampled rep of a round, the team they were sampled from, and who rates them the second time. */
export const calibrationAssignments = pgTable(
  "calibration_assignments",
  {
    orgId: orgIdColumn(),
    roundId: uuid().notNull(),
    repUserId: uuid().notNull(),
    teamId: uuid().notNull(),
    secondRaterUserId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.roundId, t.repUserId] }),
    foreignKey({ columns: [t.orgId, t.roundId], foreignColumns: [calibrationRounds.orgId, calibrationRounds.id] }),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.secondRaterUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
    check("calibration_assignments_not_self", sql`${t.repUserId} <> ${t.secondRaterUserId}`),
    index("calibration_assignments_org_rater_idx").on(t.orgId, t.secondRaterUserId),
  ],
);

/** The second rater's score (and note) of a sampled rep on one behaviour. */
export const secondRatings = pgTable(
  "second_ratings",
  {
    orgId: orgIdColumn(),
    roundId: uuid().notNull(),
    repUserId: uuid().notNull(),
    behaviourId: uuid().notNull(),
    score: smallint().notNull(),
    comment: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.roundId, t.repUserId, t.behaviourId] }),
    foreignKey({
      columns: [t.orgId, t.roundId, t.repUserId],
      foreignColumns: [calibrationAssignments.orgId, calibrationAssignments.roundId, calibrationAssignments.repUserId],
    }),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }),
    check("second_ratings_score_range", sql`${t.score} between 1 and 5`),
  ],
);
