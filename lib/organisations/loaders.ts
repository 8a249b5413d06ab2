import { z } from "zod";
import { getOrganisation, listOrganisationsOfUser, listTeamSummaries } from "@/db/queries/organisations";
import { memberLoader } from "@/lib/chain/member";
import { can } from "@/lib/permissions";

const noInput = z.object({});
const everyone = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] as const;

/** The signed-in shell of an organisation: who I am here, where else I can go, what I may open. */
export const loadOrganisationShell = memberLoader(
  {
    kind: "layout",
    route: "/o/[slug]",
    permission: "org.view",
    input: noInput,
    expect: { allow: everyone, input: () => ({}) },
  },
  async ({ db, org, member, user }) => ({
    org: { slug: org.slug, name: org.name },
    user: { name: user.name, email: user.email },
    role: member.role,
    organisations: await listOrganisationsOfUser(db, user.id),
    canManage: can(member, "org.manage"),
  }),
);

/** The organisation's overview: the teams this member may see. */
export const loadOrganisationHome = memberLoader(
  {
    route: "/o/[slug]",
    permission: "org.view",
    input: noInput,
    expect: { allow: everyone, input: () => ({}) },
  },
  async ({ db, org, member }) => {
    const visibleTeams =
      member.role === "admin" ? undefined : member.role === "leader" ? member.ledTeamIds : member.teamId ? [member.teamId] : [];
    return {
      orgName: org.name,
      role: member.role,
      teams: await listTeamSummaries(db, org.id, visibleTeams),
    };
  },
);

export const loadOrganisationSettings = memberLoader(
  {
    route: "/o/[slug]/settings",
    permission: "org.manage",
    input: noInput,
    expect: { allow: ["admin"], input: () => ({}) },
  },
  async ({ db, org }) => {
    const row = await getOrganisation(db, org.id);
    return { name: row.name, timeZone: row.timeZone, slug: row.slug };
  },
);
