import type { MatrixCases } from "./types";

/**
 * The matrix's people file: a new rep for the fixture's "Team A" (tests/support/fixtures.ts), which `leader` and
 * `coLeader` lead and `otherLeader` does not, with an address fresh on every call.
 */
const matrixImportFile = () => `name;email;role;team\r\nNia Newcomer;nia.${crypto.randomUUID().slice(0, 8)}@example.test;rep;Team A\r\n`;

export const peopleImportCases: MatrixCases = {
  "people.previewImport": { input: () => ({ content: matrixImportFile() }) },
  "people.import": { input: () => ({ content: matrixImportFile(), sendEmail: "on", expiresInHours: "168" }) },
  "/o/[slug]/members/import": { input: () => ({}) },
  "/o/[slug]/members/export": { input: () => ({}) },
};
