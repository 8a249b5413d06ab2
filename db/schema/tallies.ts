import { foreignKey, integer, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { behaviours, cycles } from "./framework";
import { memberships, orgIdColumn, teams } from "./organisations";

const count = () => integer().notNull().default(0);

/**
 * The leader ratings of a team's active reps in one cycle, summed per behaviour, with how many of their (self,
 * leader) pairs fall under each coaching label, for both gap bases. What the dashboards' heatmap and the coaching
 * roll-ups read instead of every rating of the organisation (docs/performance.md).
 *
 * Derived, never written by the app: in the transaction that changes a rep's ratings, self ratings, assessment or
 * membership, a trigger recomputes that rep's rep_tallies rows and adds the difference to their team's rows; a change
 * of the organisation's thresholds, blind mode or active behaviours rebuilds both (migration 0019). Sums cover every
 * behaviour; label counts only the active ones, as the roll-ups do. Reps without a team have no rows: their figures
 * are computed when read (`team_tally_rows`).
 */
export const teamTallies = pgTable(
  "team_tallies",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    teamId: uuid().notNull(),
    behaviourId: uuid().notNull(),
    scoreSum: count(),
    scoreCount: count(),
    rawBlindSpots: count(),
    rawHiddenStrengths: count(),
    rawAgreedWeaknesses: count(),
    rawAgreedStrengths: count(),
    rawAligned: count(),
    relativeBlindSpots: count(),
    relativeHiddenStrengths: count(),
    relativeAgreedWeaknesses: count(),
    relativeAgreedStrengths: count(),
    relativeAligned: count(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.teamId, t.behaviourId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }).onDelete("cascade"),
  ],
);

/**
 * One row per present leader score of an active rep with a team: the score, the team it counts in and its labels
 * under both gap bases (null where the coach sees no self score, or the behaviour is archived). What team_tallies
 * sums, kept so that a save changes the team's rows by that rep's difference instead of adding up the whole team.
 */
export const repTallies = pgTable(
  "rep_tallies",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    behaviourId: uuid().notNull(),
    teamId: uuid().notNull(),
    score: smallint().notNull(),
    rawLabel: text(),
    relativeLabel: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId, t.behaviourId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.behaviourId], foreignColumns: [behaviours.orgId, behaviours.id] }).onDelete("cascade"),
  ],
);

/**
 * Per rep and cycle, what the queue ranks reps by and participation counts: their lowest leader score on an active
 * behaviour, and how many behaviours they have a leader score on (active ones, and all). One row per rep with a
 * present leader score in the cycle, whatever their membership; pages join the reps they list. Kept by the same
 * triggers as rep_tallies (`rep_cycle_tally_rows`, migration 0020), so a page ranks 20,000 rows instead of every score.
 */
export const repCycleTallies = pgTable(
  "rep_cycle_tallies",
  {
    orgId: orgIdColumn(),
    cycleId: uuid().notNull(),
    repUserId: uuid().notNull(),
    lowestActive: smallint(),
    ratedActive: count(),
    rated: count(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.cycleId, t.repUserId] }),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [cycles.orgId, cycles.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.repUserId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  ],
);
