import type { MatrixCases } from "./types";

export const cyclesCases: MatrixCases = {
  "cycle.create": { input: () => ({ name: `Q4 ${crypto.randomUUID().slice(0, 6)}` }) },
  // The fixture already has an open cycle, so the valid call is the one that closes it in the same step.
  "cycle.open": { input: (f) => ({ cycleId: f.cycles.draft, closeCurrent: true }) },
  "cycle.close": { input: (f) => ({ cycleId: f.cycles.open }) },
  "/o/[slug]/cycles": { input: () => ({}) },
};
