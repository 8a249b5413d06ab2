/**
 * "Did coaching move the behaviour?": for each coaching plan that started in a cycle, the rep's change on the plan's
 * behaviour from that cycle to the next cycle in which the leader scored it, set against two comparisons over the
 * same two cycles:
 * - matched: reps with the same starting score on the same behaviour and no plan on it in that cycle, so regression
 *   to the mean (a low score tends to rise anyway) is on both sides;
 * - own: the same rep's other behaviours, those without a plan in that cycle.
 * Rolled up per behaviour and per leader (the plan's maker). A comparison needs MIN_PLANS plans with something to
 * compare against; below that it shows no figure. Pure: the queries bring the plans and the leader scores.
 *
 * The starting score is the plan's "score then" (the leader's score when the plan was made), else the cycle's score.
 */

export const MIN_PLANS = 5;

export type EffectPlan = {
  id: string;
  repUserId: string;
  behaviourId: string;
  cycleId: string;
  scoreThen: number | null;
  createdBy: string;
  creatorName: string;
};
export type LeaderScore = { cycleId: string; repUserId: string; behaviourId: string; score: number };

export type PlanOutcome = {
  plan: EffectPlan;
  nextCycleId: string;
  start: number;
  change: number;
  /** The changes of matched reps without a plan (same behaviour, same start, same two cycles). */
  matched: number[];
  /** The changes of the same rep's behaviours without a plan over the same two cycles. */
  own: number[];
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Each plan's outcome, for plans whose rep has a leader score on the behaviour in a cycle after the plan's.
 * `cycleOrder`: the rated cycles, oldest first.
 */
export function planOutcomes(plans: readonly EffectPlan[], scores: readonly LeaderScore[], cycleOrder: readonly string[]): PlanOutcome[] {
  const position = new Map(cycleOrder.map((id, i) => [id, i]));
  const scoreOf = new Map(scores.map((s) => [`${s.cycleId}:${s.repUserId}:${s.behaviourId}`, s.score]));
  const planned = new Set(plans.map((p) => `${p.cycleId}:${p.repUserId}:${p.behaviourId}`));
  const inCycle = new Map<string, LeaderScore[]>();
  for (const s of scores) {
    const list = inCycle.get(s.cycleId) ?? [];
    list.push(s);
    inCycle.set(s.cycleId, list);
  }
  const score = (cycleId: string, repUserId: string, behaviourId: string) => scoreOf.get(`${cycleId}:${repUserId}:${behaviourId}`);

  return plans.flatMap((plan) => {
    const from = position.get(plan.cycleId);
    if (from === undefined) return [];
    const start = plan.scoreThen ?? score(plan.cycleId, plan.repUserId, plan.behaviourId);
    if (start === undefined) return [];
    const nextCycleId = cycleOrder.slice(from + 1).find((c) => score(c, plan.repUserId, plan.behaviourId) !== undefined);
    if (!nextCycleId) return [];
    const change = score(nextCycleId, plan.repUserId, plan.behaviourId)! - start;
    const changeOf = (s: LeaderScore) => {
      const after = score(nextCycleId, s.repUserId, s.behaviourId);
      return after === undefined ? [] : [after - s.score];
    };
    const base = inCycle.get(plan.cycleId) ?? [];
    const noPlan = (s: LeaderScore) => !planned.has(`${plan.cycleId}:${s.repUserId}:${s.behaviourId}`);
    const matched = base
      .filter((s) => s.behaviourId === plan.behaviourId && s.repUserId !== plan.repUserId && s.score === start && noPlan(s))
      .flatMap(changeOf);
    const own = base.filter((s) => s.repUserId === plan.repUserId && s.behaviourId !== plan.behaviourId && noPlan(s)).flatMap(changeOf);
    return [{ plan, nextCycleId, start, change, matched, own }];
  });
}

export type Comparison =
  /** Fewer than MIN_PLANS plans had something to compare against. */
  { plans: number; shown: false } | { plans: number; shown: true; withPlan: number; without: number; difference: number };

export type EffectGroup = {
  key: string;
  label: string;
  /** Plans with a later score, whatever they are compared against. */
  plans: number;
  matched: Comparison;
  own: Comparison;
};

function compare(outcomes: readonly PlanOutcome[], side: "matched" | "own"): Comparison {
  const usable = outcomes.filter((o) => o[side].length > 0);
  if (usable.length < MIN_PLANS) return { plans: usable.length, shown: false };
  const withPlan = mean(usable.map((o) => o.change));
  const without = mean(usable.map((o) => mean(o[side])));
  return { plans: usable.length, shown: true, withPlan, without, difference: withPlan - without };
}

/** The outcomes grouped by a key (behaviour, or the plan's maker), in the order of `labels`. */
export function rollUp(outcomes: readonly PlanOutcome[], keyOf: (o: PlanOutcome) => string, labels: ReadonlyMap<string, string>): EffectGroup[] {
  const groups = new Map<string, PlanOutcome[]>();
  for (const o of outcomes) {
    const key = keyOf(o);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...labels]
    .filter(([key]) => groups.has(key))
    .map(([key, label]) => {
      const list = groups.get(key)!;
      return { key, label, plans: list.length, matched: compare(list, "matched"), own: compare(list, "own") };
    });
}

/** The whole section: per behaviour (framework order) and per leader (by name). */
export function coachingEffect(
  plans: readonly EffectPlan[],
  scores: readonly LeaderScore[],
  cycleOrder: readonly string[],
  behaviours: readonly { id: string; name: string }[],
) {
  const outcomes = planOutcomes(plans, scores, cycleOrder);
  const leaders = new Map([...new Map(plans.map((p) => [p.createdBy, p.creatorName]))].sort((a, b) => a[1].localeCompare(b[1])));
  return {
    plans: outcomes.length,
    /** Plans that started in a cycle but have no later score yet. */
    waiting: plans.length - outcomes.length,
    byBehaviour: rollUp(outcomes, (o) => o.plan.behaviourId, new Map(behaviours.map((b) => [b.id, b.name]))),
    byLeader: rollUp(outcomes, (o) => o.plan.createdBy, leaders),
  };
}
