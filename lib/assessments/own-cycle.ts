import { findAssessment, listLeaderRatingsOfRep, listSelfRatings } from "@/db/queries/assessments";
import { listBehaviours } from "@/db/queries/behaviours";
import { findCurrentCycle } from "@/db/queries/cycles";
import type { DbOrTx } from "@/db/client";
import { repSeesLeader } from "./visibility";

type Side = { score: number | null; comment: string | null };

/**
 * A rep's own view of the current cycle, per active behaviour: their answer and, only when blind mode lets them
 * see it, their leader's. The leader's ratings are otherwise never queried, so they cannot reach a page.
 * Null when no cycle is open.
 */
export async function readOwnCurrentCycle(db: DbOrTx, org: { id: string; blindMode: boolean }, repUserId: string) {
  const cycle = await findCurrentCycle(db, org.id);
  if (!cycle) return null;
  const [behaviours, assessment, own] = await Promise.all([
    listBehaviours(db, org.id),
    findAssessment(db, org.id, cycle.id, repUserId),
    listSelfRatings(db, org.id, cycle.id, repUserId),
  ]);
  const leaderVisible = repSeesLeader(org.blindMode, assessment);
  const leader = leaderVisible ? await listLeaderRatingsOfRep(db, org.id, cycle.id, repUserId) : [];
  const selfBy = new Map(own.map((r) => [r.behaviourId, r]));
  const leaderBy = new Map(leader.map((r) => [r.behaviourId, r]));
  return {
    cycle,
    assessment,
    leaderVisible,
    rated: own.filter((r) => r.score !== null).length,
    behaviours: behaviours.map((b) => ({
      behaviour: b,
      self: { score: selfBy.get(b.id)?.score ?? null, comment: selfBy.get(b.id)?.comment ?? null } satisfies Side,
      leader: leaderVisible ? ({ score: leaderBy.get(b.id)?.score ?? null, comment: leaderBy.get(b.id)?.comment ?? null } satisfies Side) : undefined,
    })),
  };
}
