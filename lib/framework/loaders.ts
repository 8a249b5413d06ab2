import "server-only";
import { z } from "zod";
import { findFrameworkConfirmedAt, listBehaviours } from "@/db/queries/behaviours";
import { memberLoader } from "@/lib/chain/member";
import { can } from "@/lib/permissions";
import { relationWords } from "@/lib/results/analysis";
import { mainMeasureRelations } from "@/lib/results/framework-relation";
import { behaviourCountAdvice } from "./rules";

const everyone = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] as const;

/**
 * The framework page: everyone reads the active behaviours in order with their anchors. Admins also get the
 * archived ones, the advice on how many to keep and, until they confirm the list, the call to confirm it;
 * nobody else is sent any of that. Admins also get each behaviour's relation to the organisation's main measure in the
 * latest cycle with results (lib/results/framework-relation.ts, one more statement).
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
    const [rows, confirmedAt, relations] = await Promise.all([
      listBehaviours(db, org.id, { includeArchived: canManage }),
      canManage ? findFrameworkConfirmedAt(db, org.id) : Promise.resolve(null),
      canManage ? mainMeasureRelations(db, org.id) : Promise.resolve(null),
    ]);
    const behaviours = rows.map(({ id, name, description, level1, level3, level5, archivedAt }) => ({
      id,
      name,
      description,
      level1,
      level3,
      level5,
      archived: archivedAt !== null,
      relation: relations ? relationWords(relations.relations[id], relations.measure.name, relations.cycle.name) : null,
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
      /** Admins: the main measure and cycle behind each behaviour's `relation` (null: none, or no cycle with results). */
      mainMeasure: relations && { name: relations.measure.name, cycle: relations.cycle.name },
    };
  },
);
