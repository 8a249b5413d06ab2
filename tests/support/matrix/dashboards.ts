import type { MatrixCases } from "./types";

export const dashboardsCases: MatrixCases = {
  "/o/[slug]": { input: () => ({}) },
};
