import "server-only";
import { listMembers } from "@/db/queries/members";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { can, teamScope } from "@/lib/permissions";
import { memberFilterSchema } from "@/lib/schemas/people";

/** People per page of the members list: an organisation of 20,000 is not one page. */
const MEMBERS_PAGE_SIZE = 100;

/**
 * The members page: admins see and manage everyone; leaders see the people of the teams they lead. One page of the
 * filtered list at a time, with the size of the whole list.
 */
export const loadMembersPage = memberLoader(
  {
    route: "/o/[slug]/members",
    permission: "people.view",
    input: memberFilterSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member, user }, { page: pageNumber = 1, ...filter }) => {
    const scope = teamScope(member);
    const [members, teams] = await Promise.all([
      listMembers(
        db,
        org.id,
        { teamIds: scope, search: filter.q, role: filter.role, status: filter.status, teamId: filter.team },
        { limit: MEMBERS_PAGE_SIZE, offset: (pageNumber - 1) * MEMBERS_PAGE_SIZE },
      ),
      listActiveTeams(db, org.id),
    ]);
    return {
      page: { number: pageNumber, size: MEMBERS_PAGE_SIZE, total: members[0]?.total ?? 0 },
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
