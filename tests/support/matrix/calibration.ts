import type { Db } from "@/db/client";
import { insertAssignments } from "@/db/queries/calibration-rounds";
import { calibrationRounds } from "@/db/schema";
import type { MatrixCases, MatrixFixture } from "./types";

/**
 * What the matrix's calls on calibration rounds need: a round in the open cycle that samples `rep` and `otherRep`
 * (team A), rated a second time by `otherLeader` (who leads team B). Fixed ids, valid in every fixture organisation
 * because tenant keys start with org_id.
 */
const ROUND_ID = "ca11b000-0000-4000-8000-000000000001";

async function prepareCalibrationRound(db: Db, f: MatrixFixture): Promise<void> {
  await db.insert(calibrationRounds).values({ orgId: f.orgId, id: ROUND_ID, cycleId: f.cycles.open, createdBy: f.users.admin });
  await insertAssignments(db, f.orgId, ROUND_ID, [
    { repUserId: f.users.rep, teamId: f.teamId, secondRaterUserId: f.users.otherLeader },
    { repUserId: f.users.otherRep, teamId: f.teamId, secondRaterUserId: f.users.otherLeader },
  ]);
}

export const calibrationCases: MatrixCases = {
  "/o/[slug]/calibration": { input: () => ({}) },
  "/o/[slug]/calibration/export": { input: () => ({}) },
  "/o/[slug]/calibration/rounds/new": { input: () => ({}) },
  "/o/[slug]/calibration/rounds/[roundId]": { input: () => ({ roundId: ROUND_ID }), prepare: prepareCalibrationRound },
  "calibration.startRound": {
    input: (f) => ({ cycleId: f.cycles.open, reps: [f.users.rep, f.users.otherRep], raters: [`${f.teamId}:${f.users.otherLeader}`] }),
  },
  "calibration.rateSecond": {
    input: (f) => ({
      roundId: ROUND_ID,
      repUserId: f.users.rep,
      [`score.${f.behaviourIds[0]}`]: "3",
      [`comment.${f.behaviourIds[0]}`]: "Listens well",
    }),
    prepare: prepareCalibrationRound,
  },
  "calibration.finishRound": { input: () => ({ roundId: ROUND_ID }), prepare: prepareCalibrationRound },
};
