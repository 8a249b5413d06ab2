import "server-only";
import { z } from "zod";
import { getOrganisation, listOrganisationsOfUser } from "@/db/queries/organisations";
import { latestOrgMails } from "@/db/queries/mail";
import { listDepartments } from "@/db/queries/relationships";
import { memberLoader } from "@/lib/chain/member";
import { can } from "@/lib/permissions";

const noInput = z.object({});
/** The settings page's Email delivery panel shows this many of the latest mails. */
const EMAIL_DELIVERY_ROWS = 50;
const everyone = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] as const;

/** The signed-in shell of an organisation: who I am here, where else I can go, what I may open. */
export const loadOrganisationShell = memberLoader(
  {
    kind: "layout",
    route: "/o/[slug]",
    permission: "org.view",
    input: noInput,
    expect: { allow: everyone },
  },
  async ({ db, org, member, user }) => ({
    org: { slug: org.slug, name: org.name },
    user: { name: user.name, email: user.email },
    role: member.role,
    organisations: await listOrganisationsOfUser(db, user.id),
    sections: {
      grid: can(member, "grid.view"),
      framework: can(member, "framework.view"),
      cycles: can(member, "cycles.manage"),
      people: can(member, "people.view"),
      settings: can(member, "org.manage"),
      audit: can(member, "org.audit"),
      relationships: can(member, "relationships.keep"),
      coaching: can(member, "coaching.view"),
      results: can(member, "results.view"),
      /** A rep's own coaching page (plans and shared notes). */
      myCoaching: member.role === "rep" ? `/reps/${member.userId}/coaching` : null,
      selfAssessment: can(member, "self.assess"),
    },
  }),
);

export const loadOrganisationSettings = memberLoader(
  {
    route: "/o/[slug]/settings",
    permission: "org.manage",
    input: noInput,
    expect: { allow: ["admin"] },
  },
  async ({ db, org }) => {
    const [row, departments, mails] = await Promise.all([
      getOrganisation(db, org.id),
      listDepartments(db, org.id, { includeArchived: true }),
      latestOrgMails(db, org.id, EMAIL_DELIVERY_ROWS),
    ]);
    const { blindSpotGap, hiddenStrengthGap, agreedWeaknessMax, agreedStrengthMin, oneOnOneCadenceDays, gapBasis } = row;
    const coaching = { blindSpotGap, hiddenStrengthGap, agreedWeaknessMax, agreedStrengthMin, oneOnOneCadenceDays, gapBasis };
    return { name: row.name, timeZone: row.timeZone, blindMode: row.blindMode, slug: row.slug, departments, coaching, mails };
  },
);
