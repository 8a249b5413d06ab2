import type { MatrixCases } from "./types";

export const benchCases: MatrixCases = {
  "bench.ping": { input: () => ({}) },
  "/o/[slug]/bench": { input: () => ({}) },
};
