import { prepareCoaching } from "./coaching";
import type { MatrixCases } from "./types";

export const reportsCases: MatrixCases = {
  "/o/[slug]/reps/[repId]/report": { input: (f) => ({ repId: f.users.rep }), prepare: prepareCoaching },
};
