import "server-only";
import { z } from "zod";
import { listMembers } from "@/db/queries/members";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { env } from "@/lib/env";
import { can, teamScope } from "@/lib/permissions";
import { dateInZone } from "@/lib/dates";
import { toCsv } from "@/lib/csv";
import { peopleRows } from "./export";

/** The import page: what this member may import, and whether invitations can be mailed from this server. */
export const loadImportPage = memberLoader(
  {
    route: "/o/[slug]/members/import",
    permission: "people.import",
    input: z.object({}),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }) => {
    const teams = await listActiveTeams(db, org.id);
    return {
      slug: org.slug,
      isAdmin: can(member, "people.manage"),
      ledTeams: teams.filter((t) => member.ledTeamIds.includes(t.id)).map((t) => t.name),
      /** SMTP is set up: invitations reach people (without it they land in the server's local mailbox). */
      mailConfigured: Boolean(env().SMTP_URL),
    };
  },
);

/**
 * GET /o/{slug}/members/export: the people as a CSV in the import's format (admins everyone; leaders the people of
 * the teams they lead), in one statement.
 */
export const loadPeopleExport = memberLoader(
  {
    route: "/o/[slug]/members/export",
    permission: "people.view",
    input: z.object({}),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }) => {
    const people = await listMembers(db, org.id, { teamIds: teamScope(member) });
    return { fileName: `${org.slug}-people-${dateInZone(new Date(), org.timeZone)}.csv`, csv: toCsv(peopleRows(people, org.timeZone)) };
  },
);
