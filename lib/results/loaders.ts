import "server-only";
import { z } from "zod";
import { listCycles } from "@/db/queries/cycles";
import { listApiTokens, listCycleResults, listMeasures, listResultReps } from "@/db/queries/results";
import { memberLoader } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { shownCycle } from "@/lib/cycles/order";
import { can, teamScope } from "@/lib/permissions";

const everyone = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] as const;
/** `?cycle=` from the URL: a cycle id, or nothing for the open one. */
const cycleInput = z.object({ cycle: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()) });

const measureView = (m: Awaited<ReturnType<typeof listMeasures>>[number]) => ({
  id: m.id,
  name: m.name,
  unit: m.unit,
  currencyCode: m.currencyCode,
  higherIsBetter: m.higherIsBetter,
  isMain: m.isMain,
});

/**
 * The results page for a cycle. Admins and leaders get the table of the reps they may see (admins every rep, leaders
 * their teams') by the active measures, each cell editable where they may write it. A rep gets their own values only:
 * nobody else's is ever queried. Four statements beside the chain's.
 */
export const loadResultsPage = memberLoader(
  { route: "/o/[slug]/results", permission: "results.view", input: cycleInput, expect: { allow: everyone } },
  async ({ db, org, member }, input) => {
    const [cycles, measures] = await Promise.all([listCycles(db, org.id), listMeasures(db, org.id)]);
    const { rated, cycle, missing } = shownCycle(cycles, input.cycle);
    if (missing) throw new Refusal("not_found");
    const own = member.role === "rep";
    const scope = own ? { repUserId: member.userId } : { teamIds: teamScope(member) };
    const [reps, values] = cycle ? await Promise.all([listResultReps(db, org.id, scope), listCycleResults(db, org.id, cycle.id, scope)]) : [[], []];
    return {
      slug: org.slug,
      own,
      cycles: rated.map((c) => ({ id: c.id, name: c.name, status: c.status })),
      cycle: cycle ? { id: cycle.id, name: cycle.name, status: cycle.status } : null,
      measures: measures.map(measureView),
      reps: reps.map((r) => ({ userId: r.userId, name: r.name, email: r.email, teamName: r.teamName })),
      values,
      canUpload: can(member, "results.upload"),
      canAnalyse: can(member, "results.analyse"),
      canManage: can(member, "results.manage"),
    };
  },
);

/** The upload page: the cycles a file may go into and the measures it may name. */
export const loadResultsUploadPage = memberLoader(
  {
    route: "/o/[slug]/results/upload",
    permission: "results.upload",
    input: cycleInput,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }, input) => {
    const [cycles, measures] = await Promise.all([listCycles(db, org.id), listMeasures(db, org.id)]);
    const { rated, cycle, missing } = shownCycle(cycles, input.cycle);
    if (missing) throw new Refusal("not_found");
    return {
      slug: org.slug,
      cycles: rated.map((c) => ({ id: c.id, name: c.name, status: c.status })),
      cycleId: cycle?.id ?? null,
      measures: measures.map(measureView),
      isAdmin: member.role === "admin",
      canManage: can(member, "results.manage"),
    };
  },
);

/** Measures (archived ones too) and API tokens: admins. Two statements beside the chain's. */
export const loadResultsSettings = memberLoader(
  { route: "/o/[slug]/results/settings", permission: "results.manage", input: z.object({}), expect: { allow: ["admin"] } },
  async ({ db, org }) => {
    const [measures, tokens] = await Promise.all([listMeasures(db, org.id, { includeArchived: true }), listApiTokens(db, org.id)]);
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      measures: measures.map((m) => ({ ...measureView(m), archived: m.archivedAt !== null })),
      tokens,
    };
  },
);
