import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { CoachingLabel, Thresholds } from "@/lib/coaching/rules";

/**
 * The rules that queries apply in SQL, each written here once and used by every query that applies it. Each is
 * the twin of a TypeScript function that decides the same thing for the pages; `tests/integration/sql-rules.test.ts`
 * evaluates both over every input and fails when they differ.
 */

/**
 * coachSeesSelf (lib/assessments/visibility.ts) in SQL: whether the coach may see a rep's self ratings in a cycle.
 * `submittedAt` is the submitted_at of the rep's assessment in that cycle, null when there is none.
 */
export function coachSeesSelfSql(blindMode: boolean, submittedAt: SQLWrapper): SQL {
  return blindMode ? sql`(${submittedAt} is not null)` : sql`true`;
}

/** The organisation's label thresholds as SQL expressions (columns of `organisations`, as a rule). */
export type ThresholdsSql = { [K in keyof Thresholds]: SQLWrapper };

/**
 * labelOf (lib/coaching/rules.ts) in SQL: the label of a (self, leader) pair of scores, null when either is missing
 * (a hidden or absent self rating has no label, as in queueItem). `offset` is taken off the gap as labelOf's is. The
 * rule itself is the database function `coaching_label` (migration 0019), which the team tallies' triggers use too.
 */
export function labelSql(self: SQLWrapper, leader: SQLWrapper, t: ThresholdsSql, offset: SQLWrapper = sql`0`): SQL<CoachingLabel | null> {
  return sql<CoachingLabel | null>`coaching_label(${self}, ${leader}, ${offset}, ${t.blindSpotGap}, ${t.hiddenStrengthGap}, ${t.agreedWeaknessMax}, ${t.agreedStrengthMin})`;
}
