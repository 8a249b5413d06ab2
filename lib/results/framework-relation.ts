import "server-only";
import type { DbOrTx } from "@/db/client";
import { listMainMeasurePairs } from "@/db/queries/results-analysis";
import { MIN_REPS, relationOf, type Relation } from "./analysis";

/**
 * Each behaviour's relation to the organisation's main measure, for the framework page: Spearman's rho between the
 * leader's score and the result across reps in the latest cycle where at least MIN_REPS reps have both (else the
 * latest where any has: its figures then say "not enough data"; lib/results/analysis.ts). One
 * statement. Null when there is no main measure or no cycle with its results; a behaviour without enough reps has a
 * "not_enough" relation (and so does one absent from the map).
 */
export async function mainMeasureRelations(db: DbOrTx, orgId: string) {
  const rows = await listMainMeasurePairs(db, orgId, MIN_REPS);
  const first = rows[0];
  if (!first) return null;
  const byBehaviour = new Map<string, { repUserId: string; score: number; value: number }[]>();
  for (const r of rows) {
    const list = byBehaviour.get(r.behaviourId) ?? [];
    list.push({ repUserId: r.repUserId, score: r.leader, value: r.value });
    byBehaviour.set(r.behaviourId, list);
  }
  const relations: Record<string, Relation> = {};
  for (const [behaviourId, pairs] of byBehaviour) relations[behaviourId] = relationOf(pairs, first.higherIsBetter);
  return {
    measure: { id: first.measureId, name: first.measureName, higherIsBetter: first.higherIsBetter },
    cycle: { id: first.cycleId, name: first.cycleName },
    relations,
  };
}
