import "server-only";
import type { z } from "zod";
import { listBehaviours } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { listActiveMeasures, listCycleResults, listCycleScores, listLeaderScoresIn, listPlansWithCycle } from "@/db/queries/results-analysis";
import { memberLoader, type MemberContext } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { shownCycle } from "@/lib/cycles/order";
import { teamScope } from "@/lib/permissions";
import { resultsAnalysisViewSchema } from "@/lib/schemas/results-analysis";
import { analyseRelations, MIN_REPS, POOLED_CYCLES } from "./analysis";
import { coachingEffect, MIN_PLANS } from "./coaching-effect";

/**
 * "What predicts results": which behaviours go with the organisation's measures, and whether coaching plans moved
 * the behaviour. Admins see the whole organisation; a leader the reps of the teams they lead (their scores, results
 * and plans, and only those reps as the plans' comparisons). Seven statements whatever the number of reps: cycles,
 * behaviours, measures; scores and results of the pooled cycles, plans; then the leader scores the plans need.
 */
async function readAnalysis({ db, org, member }: MemberContext, { cycle: chosen }: z.output<typeof resultsAnalysisViewSchema>) {
  const teamIds = teamScope(member);
  const [cycles, behaviours, measures] = await Promise.all([listCycles(db, org.id), listBehaviours(db, org.id), listActiveMeasures(db, org.id)]);
  const { rated, cycle, missing } = shownCycle(cycles, chosen);
  if (missing) throw new Refusal("not_found");
  // `rated` runs newest first: the chosen cycle and the ones before it.
  const pooledCycles = cycle ? rated.slice(rated.indexOf(cycle), rated.indexOf(cycle) + POOLED_CYCLES) : [];
  const pooledIds = pooledCycles.map((c) => c.id);
  const [scores, results, plans] = await Promise.all([
    listCycleScores(db, org.id, pooledIds, org.blindMode, teamIds),
    listCycleResults(db, org.id, pooledIds, teamIds),
    listPlansWithCycle(db, org.id, teamIds),
  ]);
  const oldestFirst = rated.map((c) => c.id).reverse();
  // The plans' cycles and every rated cycle after the earliest of them: where their "before" and "after" are.
  const earliest = Math.min(...plans.map((p) => oldestFirst.indexOf(p.cycleId)).filter((i) => i >= 0));
  const planCycles = Number.isFinite(earliest) ? oldestFirst.slice(earliest) : [];
  const planScores = await listLeaderScoresIn(db, org.id, planCycles, teamIds);

  return {
    slug: org.slug,
    scope: member.role === "admin" ? ("organisation" as const) : ("teams" as const),
    blindMode: org.blindMode,
    cycles: rated.map(({ id, name, status }) => ({ id, name, status })),
    cycle: cycle && { id: cycle.id, name: cycle.name },
    pooledCycleNames: pooledCycles.map((c) => c.name),
    measures: measures.map(({ id, name, higherIsBetter, isMain }) => ({ id, name, higherIsBetter, isMain })),
    relations: cycle ? analyseRelations({ behaviours, measures, scores, results, cycleId: cycle.id, pooledCycleIds: pooledIds }) : [],
    effect: coachingEffect(plans, planScores, oldestFirst, behaviours),
    rules: { minReps: MIN_REPS, pooledCycles: POOLED_CYCLES, minPlans: MIN_PLANS },
  };
}

export const loadResultsAnalysis = memberLoader(
  {
    route: "/o/[slug]/results/analysis",
    permission: "results.analyse",
    input: resultsAnalysisViewSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  readAnalysis,
);

export type ResultsAnalysisPage = Awaited<ReturnType<typeof loadResultsAnalysis>>;
