import "server-only";
import { z } from "zod";
import { findFrameworkConfirmedAt, listBehaviours } from "@/db/queries/behaviours";
import { memberLoader } from "@/lib/chain/member";
import { can } from "@/lib/permissions";
import { behaviourCountAdvice } from "./rules";

const everyone = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] as const;

/**
 * The framework page: everyone reads the active behaviours in order with their anchors. Admins also get the
 * archived ones, the advice on how many to keep and, until they confirm the list, the call to confirm it;
 * nobody else is sent any of that.
 */
export const loadFrameworkPage = memberLoader(
  {
    route: "/o/[slug]/framework",
    permission: "framework.view",
    input: z.object({}),
    expect: { allow: everyone },
  },
  async ({ db, org, member }) => {
    const canManage = can(member, "framework.manage");
    const [rows, confirmedAt] = await Promise.all([
      listBehaviours(db, org.id, { includeArchived: canManage }),
      canManage ? findFrameworkConfirmedAt(db, org.id) : Promise.resolve(null),
    ]);
    const behaviours = rows.map(({ id, name, description, level1, level3, level5, archivedAt }) => ({
      id,
      name,
      description,
      level1,
      level3,
      level5,
      archived: archivedAt !== null,
    }));
    const active = behaviours.filter((b) => !b.archived);
    return {
      slug: org.slug,
      orgName: org.name,
      timeZone: org.timeZone,
      canManage,
      active,
      archived: canManage ? behaviours.filter((b) => b.archived) : [],
      manage: canManage ? { confirmedAt, advice: behaviourCountAdvice(active.length) } : null,
    };
  },
);
