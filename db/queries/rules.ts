import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * The rules that queries apply in SQL, each written here once and used by every query that applies it. Each is
 * the twin of a TypeScript function that decides the same thing for the pages; `tests/integration/sql-rules.test.ts`
 * evaluates both over every input and fails when they differ. labelOf's twin is the database function `coaching_label`
 * (migration 0019), which the tallies' triggers apply; the same test evaluates it.
 */

/**
 * coachSeesSelf (lib/assessments/visibility.ts) in SQL: whether the coach may see a rep's self ratings in a cycle.
 * `submittedAt` is the submitted_at of the rep's assessment in that cycle, null when there is none.
 */
export function coachSeesSelfSql(blindMode: boolean, submittedAt: SQLWrapper): SQL {
  return blindMode ? sql`(${submittedAt} is not null)` : sql`true`;
}
