import type { MatrixCases } from "./types";

export const teamsCases: MatrixCases = {
  "team.create": { input: () => ({ name: `Team ${crypto.randomUUID().slice(0, 6)}` }) },
  "team.rename": { input: (f) => ({ teamId: f.otherTeamId, name: "Team Bravo" }) },
  "team.archive": { input: (f) => ({ teamId: f.otherTeamId }) },
  "team.restore": { input: (f) => ({ teamId: f.archivedTeamId }) },
  "team.addLeader": { input: (f) => ({ teamId: f.otherTeamId, userId: f.users.leader }) },
  "team.removeLeader": { input: (f) => ({ teamId: f.teamId, userId: f.users.coLeader }) },
  "/o/[slug]/teams": { input: () => ({}) },
};
