import { ensureAssessment, setAssessmentState, upsertSelfRating } from "@/db/queries/assessments";
import type { MatrixCases } from "./types";

export const assessmentsCases: MatrixCases = {
  "assessment.saveSelfRating": { input: (f) => ({ cycleId: f.cycles.open, behaviourId: f.behaviourIds[0], score: 3, comment: "Getting there." }) },
  "assessment.submit": {
    input: (f) => ({ cycleId: f.cycles.open }),
    prepare: async (db, f) => {
      for (const repUserId of [f.users.rep, f.users.otherRep]) {
        await ensureAssessment(db, f.orgId, f.cycles.open, repUserId);
        for (const behaviourId of f.behaviourIds)
          await upsertSelfRating(db, f.orgId, { cycleId: f.cycles.open, repUserId, behaviourId }, { score: 3, comment: null });
      }
    },
  },
  "assessment.share": { input: (f) => ({ cycleId: f.cycles.closed, repUserId: f.users.rep }) },
  "assessment.reopen": {
    input: (f) => ({ cycleId: f.cycles.open, repUserId: f.users.rep }),
    prepare: async (db, f) => {
      await ensureAssessment(db, f.orgId, f.cycles.open, f.users.rep);
      await setAssessmentState(db, f.orgId, f.cycles.open, f.users.rep, { submittedAt: new Date() });
    },
  },
  "grid.comment": { input: (f) => ({ cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], comment: "Strong openings." }) },
  "/o/[slug]/self-assessment": { input: () => ({}) },
  "/o/[slug]/reps/[repId]": { input: (f) => ({ repId: f.users.rep }) },
};
