import type { Db } from "@/db/client";
import { insertNote, insertPlan, insertPlanActions } from "@/db/queries/coaching";
import type { MatrixCases, MatrixFixture } from "./types";

/**
 * What the matrix's calls on coaching need in a fresh fixture: an active plan for `rep` with one action, and a
 * private 1:1 note about `rep` written by `leader`. Ids are fixed: tenant keys start with org_id, so the same ids are
 * valid (and distinct rows) in every fixture organisation.
 */
const COACHING_MATRIX_IDS = {
  plan: "c0ac4000-0000-4000-8000-000000000001",
  action: "c0ac4000-0000-4000-8000-000000000011",
  note: "c0ac4000-0000-4000-8000-000000000021",
} as const;

export async function prepareCoaching(db: Db, f: MatrixFixture): Promise<void> {
  await insertPlan(db, f.orgId, {
    id: COACHING_MATRIX_IDS.plan,
    repUserId: f.users.rep,
    behaviourId: f.behaviourIds[0],
    cycleId: f.cycles.open,
    targetScore: 4,
    dueOn: "2027-03-31",
    createdBy: f.users.leader,
  });
  await insertPlanActions(db, f.orgId, COACHING_MATRIX_IDS.plan, ["Shadow a discovery call"], [COACHING_MATRIX_IDS.action]);
  await insertNote(db, f.orgId, f.users.rep, f.users.leader, {
    id: COACHING_MATRIX_IDS.note,
    heldOn: "2026-01-10",
    body: "Private: worried about the pipeline.",
    shared: false,
    behaviourIds: [f.behaviourIds[0]],
  });
}

const { plan: planId, action: actionId, note: noteId } = COACHING_MATRIX_IDS;

export const coachingCases: MatrixCases = {
  "coaching.updateSettings": {
    input: () => ({
      blindSpotGap: "2",
      hiddenStrengthGap: "3",
      agreedWeaknessMax: "2",
      agreedStrengthMin: "4",
      oneOnOneCadenceDays: "21",
      gapBasis: "relative",
    }),
  },
  "coaching.createPlan": {
    input: (f) => ({
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[1],
      targetScore: "4",
      dueOn: "2027-02-28",
      actions: "Role-play the opening\n\nShadow Dana on two calls",
    }),
  },
  "coaching.updatePlan": { input: () => ({ planId, targetScore: "5", dueOn: "", status: "done" }), prepare: prepareCoaching },
  "coaching.addPlanAction": { input: () => ({ planId, description: "Ask for a referral" }), prepare: prepareCoaching },
  "coaching.removePlanAction": { input: () => ({ planId, actionId }), prepare: prepareCoaching },
  "coaching.setPlanActionDone": { input: () => ({ planId, actionId, done: true }), prepare: prepareCoaching },
  "coaching.createNote": {
    input: (f) => ({
      repUserId: f.users.rep,
      heldOn: "2026-01-05",
      body: "Talked through the pipeline.",
      shared: "on",
      behaviourIds: [f.behaviourIds[0], f.behaviourIds[2]],
    }),
  },
  "coaching.updateNote": {
    input: (f) => ({ noteId, heldOn: "2026-01-10", body: "Now shared: the pipeline plan.", shared: "on", behaviourIds: f.behaviourIds[1] }),
    prepare: prepareCoaching,
  },
  "coaching.deleteNote": { input: () => ({ noteId }), prepare: prepareCoaching },
  "/o/[slug]/coaching": { input: () => ({}), prepare: prepareCoaching },
  "/o/[slug]/reps/[repId]/coaching": { input: (f) => ({ repId: f.users.rep }), prepare: prepareCoaching },
};
