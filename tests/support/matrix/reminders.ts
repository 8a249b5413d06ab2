import type { MatrixCases } from "./types";

export const remindersCases: MatrixCases = {
  "cycle.remind": { input: (f) => ({ teamId: f.teamId }) },
  "/o/[slug]/self-assessments": { input: () => ({}) },
};
