import "server-only";
import { z } from "zod";
import { findInviteByTokenHash, listInvites } from "@/db/queries/invites";
import { findMembership } from "@/db/queries/members";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { tokenLoader } from "@/lib/chain/token";
import { can, teamScope } from "@/lib/permissions";
import { inviteRefusal } from "./refusals";
import { inviteStatus } from "./status";

/** The invites page: links this member may see and create (admins: all teams; leaders: the teams they lead). */
export const loadInvitesPage = memberLoader(
  {
    route: "/o/[slug]/invites",
    permission: "people.view",
    input: z.object({}),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }) => {
    const scope = teamScope(member);
    const [invites, teams] = await Promise.all([listInvites(db, org.id, scope), listActiveTeams(db, org.id)]);
    const now = new Date();
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      canInviteStaff: can(member, "invites.inviteStaff"),
      teams: teams.filter((team) => can(member, "invites.manage", { teamId: team.id })),
      invites: invites.map((invite) => ({ ...invite, status: inviteStatus(invite, now) })),
    };
  },
);

/**
 * The join page: the organisation and role a link offers, and whether the person looking can accept it.
 * Shows nothing else of the organisation.
 */
export const loadJoinPage = tokenLoader(
  {
    route: "/o/[slug]/join/[token]",
    input: z.object({}),
    lookup: findInviteByTokenHash,
    expect: { token: "invite", session: "none" },
  },
  async ({ db, org, record: invite, user }) => {
    const membership = user ? await findMembership(db, org.id, user.id) : undefined;
    return {
      orgName: org.name,
      role: invite.role,
      teamName: invite.teamName,
      boundEmail: invite.email,
      viewer: user ? { name: user.name, email: user.email } : null,
      refusal: inviteRefusal(invite, { email: user?.email ?? null, membership: membership?.status ?? null }, org.name),
    };
  },
);
