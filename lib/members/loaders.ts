import "server-only";
import { listMembers } from "@/db/queries/members";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { can, teamScope } from "@/lib/permissions";
import { memberFilterSchema } from "@/lib/schemas/people";

/** The members page: admins see and manage everyone; leaders see the people of the teams they lead. */
export const loadMembersPage = memberLoader(
  {
    route: "/o/[slug]/members",
    permission: "people.view",
    input: memberFilterSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member, user }, filter) => {
    const scope = teamScope(member);
    const [members, teams] = await Promise.all([
      listMembers(db, org.id, { teamIds: scope, search: filter.q, role: filter.role, status: filter.status, teamId: filter.team }),
      listActiveTeams(db, org.id),
    ]);
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      currentUserId: user.id,
      canManage: can(member, "people.manage"),
      filter,
      members,
      teams: scope ? teams.filter((t) => scope.includes(t.id)) : teams,
    };
  },
);
