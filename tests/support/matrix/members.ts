import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import type { MatrixCases } from "./types";

export const membersCases: MatrixCases = {
  "member.changeRole": { input: (f) => ({ userId: f.users.otherRep, role: "leader" }) },
  "member.moveTeam": { input: (f) => ({ userId: f.users.otherRep, teamId: f.otherTeamId }) },
  "member.deactivate": { input: (f) => ({ userId: f.users.otherRep }) },
  "member.reactivate": { input: (f) => ({ userId: f.users.deactivated }) },
  "member.leave": {
    input: () => ({}),
    // A second active admin, so the fixture's admin may leave too.
    prepare: async (db, f) => {
      const other = await insertUser(db, { name: "Second Admin", email: `second.admin.${f.orgId}@example.test`, passwordHash: "!" });
      await insertMembership(db, f.orgId, { userId: other.id, role: "admin" });
    },
  },
  "member.sendPasswordReset": { input: (f) => ({ userId: f.users.otherRep }) },
  "/o/[slug]/members": { input: () => ({ q: "", status: "active" }) },
};
