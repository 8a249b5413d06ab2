import "server-only";
import type { DbOrTx } from "@/db/client";
import { findCycle } from "@/db/queries/cycles";
import { findMembersByEmail, listMeasures, listResultsOfReps } from "@/db/queries/results";
import { Refusal } from "@/lib/chain/outcome";
import { planResults, type IncomingResult, type ResultsPlan } from "./plan";

/**
 * The plan for a batch of results (an upload's rows, an API call's list) in this organisation's cycle, read in three
 * statements however many rows: the people the rows name, the measures, and the cycle's present values of those people.
 */
export async function planFor(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  incoming: readonly IncomingResult[],
  options: { teamIds: readonly string[] | undefined; commaIsDecimal?: boolean },
): Promise<ResultsPlan> {
  const emails = [...new Set(incoming.map((r) => r.email.trim().toLowerCase()).filter((e) => e && e.length <= 254))];
  const [people, measures] = await Promise.all([findMembersByEmail(db, orgId, emails), listMeasures(db, orgId, { includeArchived: true })]);
  const existing = await listResultsOfReps(
    db,
    orgId,
    cycleId,
    people.filter((p) => p.role === "rep").map((p) => p.userId),
  );
  return planResults(incoming, { people, measures, existing, teamIds: options.teamIds, commaIsDecimal: options.commaIsDecimal });
}

/** The cycle values are written for: any cycle of the organisation but a draft. */
export async function writableCycle(db: DbOrTx, orgId: string, cycleId: string) {
  const cycle = await findCycle(db, orgId, cycleId);
  if (!cycle) throw new Refusal("not_found", "There is no such cycle in this organisation.");
  if (cycle.status === "draft")
    throw new Refusal("invalid", `${cycle.name} has not opened yet: results go into an open or closed cycle.`, {
      cycleId: "Choose an open or closed cycle.",
    });
  return cycle;
}

/** "3 new, 2 changed, 5 unchanged". */
export function countsSentence(counts: ResultsPlan["counts"]): string {
  return `${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged`;
}
