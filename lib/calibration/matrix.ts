import type { Db } from "@/db/client";
import { insertAssignments } from "@/db/queries/calibration-rounds";
import { calibrationRounds } from "@/db/schema";
import type { MatrixFixture } from "@/lib/chain/registry";

/**
 * What the permission matrix's calls on calibration rounds need: a round in the open cycle that samples `rep` and
 * `otherRep` (team A), rated a second time by `otherLeader` (who leads team B). Fixed ids, valid in every fixture
 * organisation because tenant keys start with org_id.
 */
export const CALIBRATION_MATRIX_IDS = { round: "ca11b000-0000-4000-8000-000000000001" } as const;

export async function prepareCalibrationRound(db: Db, f: MatrixFixture): Promise<void> {
  await db.insert(calibrationRounds).values({ orgId: f.orgId, id: CALIBRATION_MATRIX_IDS.round, cycleId: f.cycles.open, createdBy: f.users.admin });
  await insertAssignments(db, f.orgId, CALIBRATION_MATRIX_IDS.round, [
    { repUserId: f.users.rep, teamId: f.teamId, secondRaterUserId: f.users.otherLeader },
    { repUserId: f.users.otherRep, teamId: f.teamId, secondRaterUserId: f.users.otherLeader },
  ]);
}
