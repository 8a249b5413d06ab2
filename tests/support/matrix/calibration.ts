import type { MatrixCases } from "./types";

export const calibrationCases: MatrixCases = {
  "/o/[slug]/calibration": { input: () => ({}) },
  "/o/[slug]/calibration/export": { input: () => ({}) },
};
