import type { MatrixCases } from "./types";

/** "What predicts results" (lib/results/analysis-loaders.ts): a page with an optional cycle. */
export const resultsAnalysisCases: MatrixCases = {
  "/o/[slug]/results/analysis": { input: () => ({}) },
};
