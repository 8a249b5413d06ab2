import type { MatrixCases } from "./types";

export const exportCases: MatrixCases = {
  "/o/[slug]/export": { input: () => ({}) },
};
