import type { MatrixCases } from "./types";

export const organisationsCases: MatrixCases = {
  "organisation.updateSettings": { input: () => ({ name: "Matrix Org Renamed", timeZone: "America/Chicago", blindMode: true }) },
  "layout /o/[slug]": { input: () => ({}) },
  "/o/[slug]/settings": { input: () => ({}) },
};
