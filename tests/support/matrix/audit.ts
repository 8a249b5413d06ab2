import type { MatrixCases } from "./types";

export const auditCases: MatrixCases = {
  "/o/[slug]/audit": { input: () => ({}) },
};
