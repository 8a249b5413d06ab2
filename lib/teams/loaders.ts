import "server-only";
import { z } from "zod";
import { listMembers } from "@/db/queries/members";
import { listTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { can, teamScope } from "@/lib/permissions";

/** The teams page: admins manage every team (archived ones too); leaders see the teams they lead. */
export const loadTeamsPage = memberLoader(
  {
    route: "/o/[slug]/teams",
    permission: "people.view",
    input: z.object({}),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }) => {
    const canManage = can(member, "people.manage");
    const [teams, people] = await Promise.all([
      listTeams(db, org.id, { teamIds: teamScope(member), includeArchived: canManage }),
      // Who can be made a leader or moved into a team: only an admin needs them.
      canManage ? listMembers(db, org.id, { status: "active" }) : Promise.resolve([]),
    ]);
    return {
      slug: org.slug,
      canManage,
      teams,
      leaders: people.filter((p) => p.role === "leader").map(({ userId, name }) => ({ userId, name })),
      reps: people.filter((p) => p.role === "rep").map(({ userId, name, teamId }) => ({ userId, name, teamId })),
    };
  },
);
