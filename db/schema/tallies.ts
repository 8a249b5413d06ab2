import { foreignKey, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { behaviours, cycles } from "./framework";
import { orgIdColumn, teams } from "./organisations";

const count = () => integer().notNull().default(0);

/**
 * The leader ratings of a team's active reps in one cycle, summed per behaviour, with how many of their (self,
 * leader) pairs fall under each coaching label, for both gap bases. What the dashboards' heatmap and the coaching
 * roll-ups read instead of every rating of the organisation (docs/performance.md).
 *
 * Derived, never written by the app: triggers recompute a team's rows in the transaction that changes its ratings,
 * self ratings, assessments or reps, and the organisation's rows when its thresholds, blind mode or active
 * behaviours change (migration 0019, `refresh_team_tallies`). Sums cover every behaviour; label counts only the
 * active ones, as the roll-ups do. Reps without a team have no rows: their figures are computed when read.
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
