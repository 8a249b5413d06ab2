import { describe, expect, it } from "vitest";
import { analyseRelations, relationDetail, relationHeadline, relationOf, relationWords, type Pair } from "@/lib/results/analysis";
import { coachingEffect, MIN_PLANS, planOutcomes, rollUp, type EffectPlan, type LeaderScore, type PlanOutcome } from "@/lib/results/coaching-effect";

/** Ten reps; scores and values in the same order, with ties in the scores. */
const pairs = (values: number[], scores = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]): Pair[] =>
  scores.map((score, i) => ({ repUserId: `r${i}`, score, value: values[i]! }));

describe("a behaviour's relation to a measure", () => {
  it("needs ten different reps, however many observations", () => {
    expect(relationOf(pairs([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, 9), true)).toEqual({ kind: "not_enough", reps: 9 });
    // Nine reps seen twice (two cycles pooled) are still nine reps.
    const twice = [...pairs([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, 9), ...pairs([9, 8, 7, 6, 5, 4, 3, 2, 1]).slice(0, 9)];
    expect(relationOf(twice, true)).toEqual({ kind: "not_enough", reps: 9 });
  });

  it("reads a positive rho as better results, or as worse ones where lower is better, keeping its sign", () => {
    const up = relationOf(pairs([10, 12, 11, 15, 20, 18, 25, 24, 30, 31]), true);
    expect(up.kind).toBe("figure");
    if (up.kind !== "figure") return;
    // Ranks of the scores with ties: 1.5, 1.5, 3.5, 3.5, ... ; of the values: 1, 3, 2, 4, 6, 5, 8, 7, 9, 10.
    // Pearson of those ranks by hand: dx = -4, -4, -2, -2, 0, 0, 2, 2, 4, 4; dy = -4.5, -2.5, -3.5, -1.5, 0.5, -0.5, 2.5,
    // 1.5, 3.5, 4.5; Σdxdy = 28 + 10 + 8 + 32 = 78, Σdx² = 80, Σdy² = 82.5, so rho = 78 / sqrt(80 × 82.5) = 0.96011.
    expect(up.rho).toBeCloseTo(78 / Math.sqrt(80 * 82.5), 10);
    expect(up.verdict).toBe("better");
    const lowerIsBetter = relationOf(pairs([10, 12, 11, 15, 20, 18, 25, 24, 30, 31]), false);
    expect(lowerIsBetter).toMatchObject({ rho: up.rho, verdict: "worse" });
    expect(relationHeadline(lowerIsBetter)).toBe("Goes with worse results");
    const down = relationOf(pairs([31, 30, 24, 25, 18, 20, 15, 11, 12, 10]), false);
    expect(down).toMatchObject({ verdict: "better" });
    if (down.kind === "figure") expect(down.rho).toBeLessThan(0);
  });

  it("calls an interval that includes zero no clear relation yet, and says its figures", () => {
    const flat = relationOf(pairs([5, 1, 4, 2, 3, 3, 2, 4, 1, 5]), true);
    expect(relationHeadline(flat)).toBe("No clear relation yet");
    expect(relationDetail(flat)).toMatch(/^ρ −?0\.\d\d, 95% CI −0\.\d\d to 0\.\d\d, 10 reps$/);
    expect(relationOf(pairs([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), true)).toEqual({
      kind: "no_variation",
      reps: 10,
      n: 10,
    });
    expect(relationWords(undefined, "Quota", "Q3").text).toBe("Quota (Q3): not enough data (0 of 10 reps)");
  });

  it("pools the cycles as (rep, cycle) observations and sorts behaviours by strength", () => {
    const reps = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const scores = ["c1", "c2"].flatMap((cycleId) =>
      reps.flatMap((repUserId, i) => [
        { cycleId, repUserId, behaviourId: "weak", leader: (i % 5) + 1, self: null },
        { cycleId, repUserId, behaviourId: "strong", leader: i < 5 ? 1 : 5, self: null },
      ]),
    );
    const results = ["c1", "c2"].flatMap((cycleId) => reps.map((repUserId, i) => ({ cycleId, repUserId, measureId: "m", value: i })));
    const [m] = analyseRelations({
      behaviours: [
        { id: "weak", name: "Weak" },
        { id: "strong", name: "Strong" },
      ],
      measures: [{ id: "m", name: "M", higherIsBetter: true }],
      scores,
      results,
      cycleId: "c1",
      pooledCycleIds: ["c1", "c2"],
    });
    expect(m!.behaviours.map((b) => b.name)).toEqual(["Strong", "Weak"]);
    expect(m!.behaviours[0]!.leader.cycle).toMatchObject({ n: 10, reps: 10 });
    expect(m!.behaviours[0]!.leader.pooled).toMatchObject({ n: 20, reps: 10 });
    expect(m!.behaviours[0]!.self).toBeNull();
  });
});

describe("did coaching move the behaviour", () => {
  const plan = (id: string, repUserId: string, cycleId: string, scoreThen: number | null = null, createdBy = "lee"): EffectPlan => ({
    id,
    repUserId,
    behaviourId: "A",
    cycleId,
    scoreThen,
    createdBy,
    creatorName: createdBy === "lee" ? "Lee" : "Olu",
  });
  const s = (cycleId: string, repUserId: string, behaviourId: string, score: number): LeaderScore => ({ cycleId, repUserId, behaviourId, score });
  // Behaviour A in c1 -> c2: p1 2 -> 4, p2 3 -> 4, p4 2 -> 5 (all three with plans); q1 2 -> 2, q2 2 -> 3, q3 3 -> (none).
  // p1's other behaviours: B 3 -> 3, C 1 -> 2; p2's: B 4 -> 4, C 2 -> (none).
  const scores = [
    s("c1", "p1", "A", 2),
    s("c2", "p1", "A", 4),
    s("c1", "p2", "A", 3),
    s("c2", "p2", "A", 4),
    s("c1", "p4", "A", 2),
    s("c2", "p4", "A", 5),
    s("c1", "q1", "A", 2),
    s("c2", "q1", "A", 2),
    s("c1", "q2", "A", 2),
    s("c2", "q2", "A", 3),
    s("c1", "q3", "A", 3),
    s("c1", "p1", "B", 3),
    s("c2", "p1", "B", 3),
    s("c1", "p1", "C", 1),
    s("c2", "p1", "C", 2),
    s("c1", "p2", "B", 4),
    s("c2", "p2", "B", 4),
    s("c1", "p2", "C", 2),
  ];

  it("compares each plan with matched reps (same behaviour and start, no plan) and with the rep's other behaviours (hand-computed)", () => {
    const plans = [plan("1", "p1", "c1", 2), plan("2", "p2", "c1"), plan("4", "p4", "c1", 2), plan("5", "p1", "c2", 4)];
    const outcomes = planOutcomes(plans, scores, ["c0", "c1", "c2"]);
    // Plan 5 started in the last cycle: nothing after it yet.
    expect(outcomes.map((o) => o.plan.id)).toEqual(["1", "2", "4"]);
    const [p1, p2, p4] = outcomes;
    // p1: 2 -> 4. Matched: q1 (0) and q2 (+1); p4 started at 2 too but has a plan, p2 started at 3. Own: B 0, C +1.
    expect(p1).toMatchObject({ nextCycleId: "c2", start: 2, change: 2, matched: [0, 1], own: [0, 1] });
    // p2 (no score then: the cycle's 3): 3 -> 4. Matched: only q3, who has no later score. Own: B 0 (C has no later score).
    expect(p2).toMatchObject({ start: 3, change: 1, matched: [], own: [0] });
    expect(p4).toMatchObject({ change: 3, matched: [0, 1] });
  });

  it("skips cycles without a score to the next one that has it", () => {
    const later = [s("c1", "p1", "A", 2), s("c3", "p1", "A", 3)];
    expect(planOutcomes([plan("1", "p1", "c1")], later, ["c1", "c2", "c3"])[0]).toMatchObject({ nextCycleId: "c3", change: 1 });
  });

  it("rolls up with plan, without, difference and counts, and shows no figure below five plans", () => {
    const outcome = (change: number, matched: number[], createdBy = "lee"): PlanOutcome => ({
      plan: plan(String(Math.random()), "p", "c1", null, createdBy),
      nextCycleId: "c2",
      start: 2,
      change,
      matched,
      own: [],
    });
    const four = [outcome(2, [0, 1]), outcome(1, [1]), outcome(3, [0]), outcome(1, []), outcome(0, [1, 1])];
    const labels = new Map([["A", "Asking"]]);
    const [hidden] = rollUp(four, () => "A", labels);
    // Five plans, four with a matched rep: below the cut-off.
    expect(hidden).toMatchObject({ label: "Asking", plans: 5, matched: { plans: 4, shown: false }, own: { plans: 0, shown: false } });
    expect(MIN_PLANS).toBe(5);
    const [shown] = rollUp([...four, outcome(2, [0])], () => "A", labels);
    // With plan: (2 + 1 + 3 + 0 + 2) / 5 = 1.6; matched: (0.5 + 1 + 0 + 1 + 0) / 5 = 0.5; difference 1.1.
    expect(shown!.matched).toMatchObject({ plans: 5, shown: true });
    if (!shown!.matched.shown) return;
    expect(shown!.matched.withPlan).toBeCloseTo(1.6, 10);
    expect(shown!.matched.without).toBeCloseTo(0.5, 10);
    expect(shown!.matched.difference).toBeCloseTo(1.1, 10);
  });

  it("groups per behaviour and per leader, and counts the plans still waiting", () => {
    const plans = [plan("1", "p1", "c1", 2, "lee"), plan("2", "p2", "c1", null, "olu"), plan("5", "p1", "c2", 4)];
    const effect = coachingEffect(plans, scores, ["c1", "c2"], [{ id: "A", name: "Asking" }]);
    expect(effect.plans).toBe(2);
    expect(effect.waiting).toBe(1);
    expect(effect.byBehaviour.map((g) => [g.label, g.plans])).toEqual([["Asking", 2]]);
    expect(effect.byLeader.map((g) => [g.label, g.plans])).toEqual([
      ["Lee", 1],
      ["Olu", 1],
    ]);
  });
});
