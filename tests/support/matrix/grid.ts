import type { MatrixCases } from "./types";

export const gridCases: MatrixCases = {
  "grid.rate": { input: (f) => ({ cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], score: 4, expectedVersion: 0 }) },
  "/o/[slug]/grid": { input: () => ({}) },
  "/o/[slug]/grid/export": { input: () => ({}) },
};
