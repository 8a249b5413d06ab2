import { spearman, spearmanInterval } from "@/lib/statistics/correlation";

/**
 * "What predicts results": for each behaviour and measure, Spearman's rank correlation between a score (the leader's,
 * or the rep's own where the coach may see it) and the result, across reps. Pure: the queries bring the rows.
 *
 * - One cycle: one observation per rep with both a score and a result in that cycle.
 * - Pooled: the chosen cycle and up to three rated cycles before it, one observation per (rep, cycle) pair, ranked
 *   together. A rep counts once per cycle, so pooled observations are not independent and the interval is, if
 *   anything, too narrow; the page says so.
 * - A figure needs at least MIN_REPS different reps. An interval that includes zero is "no clear relation yet".
 * - For a measure where lower is better, rho keeps its sign (a negative rho means higher scores go with lower
 *   values); only the words say "better" or "worse" accordingly.
 */

export const MIN_REPS = 10;
/** The chosen cycle and the rated cycles before it, pooled. */
export const POOLED_CYCLES = 4;

type Verdict = "better" | "worse" | "unclear";

export type Relation =
  | { kind: "not_enough"; reps: number }
  /** Enough reps, but the scores or the results never vary: no order to compare. */
  | { kind: "no_variation"; reps: number; n: number }
  | { kind: "figure"; reps: number; n: number; rho: number; low: number; high: number; verdict: Verdict };

export type Pair = { repUserId: string; score: number; value: number };

/** The relation of a set of (score, result) pairs, for a measure where higher (or lower) is better. */
export function relationOf(pairs: readonly Pair[], higherIsBetter: boolean): Relation {
  const reps = new Set(pairs.map((p) => p.repUserId)).size;
  if (reps < MIN_REPS) return { kind: "not_enough", reps };
  const n = pairs.length;
  const rho = spearman(
    pairs.map((p) => p.score),
    pairs.map((p) => p.value),
  );
  if (rho === null) return { kind: "no_variation", reps, n };
  // |rho| = 1 has no Fisher interval (z is infinite); every pair agrees, so the interval is the point itself.
  const interval = spearmanInterval(rho, n) ?? { low: rho, high: rho };
  return { kind: "figure", reps, n, rho, ...interval, verdict: verdictOf(rho, interval, higherIsBetter) };
}

/** Whether higher scores go with better results: the sign of rho read through the measure's direction. */
function verdictOf(rho: number, interval: { low: number; high: number }, higherIsBetter: boolean): Verdict {
  if (interval.low <= 0 && interval.high >= 0) return "unclear";
  return rho > 0 === higherIsBetter ? "better" : "worse";
}

/** How strong a relation is, for sorting: |rho|, nothing below any figure. */
function strength(relation: Relation): number {
  return relation.kind === "figure" ? Math.abs(relation.rho) : -1;
}

export type ScoreRow = { cycleId: string; repUserId: string; behaviourId: string; leader: number | null; self: number | null };
export type ResultRow = { cycleId: string; repUserId: string; measureId: string; value: number };
export type MeasureInfo = { id: string; name: string; higherIsBetter: boolean };
export type BehaviourInfo = { id: string; name: string };

type BehaviourRelations = {
  behaviourId: string;
  name: string;
  leader: { cycle: Relation; pooled: Relation };
  /** Null when self ratings are not part of the page (none visible in these cycles). */
  self: { cycle: Relation; pooled: Relation } | null;
};

export type MeasureRelations = { measure: MeasureInfo; behaviours: BehaviourRelations[] };

/**
 * Every behaviour's relation to every measure, in the chosen cycle and pooled over `pooledCycleIds` (which include
 * it). Behaviours sorted by strength: the chosen cycle's |rho|, then the pooled one's.
 */
export function analyseRelations(input: {
  behaviours: readonly BehaviourInfo[];
  measures: readonly MeasureInfo[];
  scores: readonly ScoreRow[];
  results: readonly ResultRow[];
  cycleId: string;
  pooledCycleIds: readonly string[];
}): MeasureRelations[] {
  const pooled = new Set(input.pooledCycleIds);
  const valueOf = new Map(input.results.filter((r) => pooled.has(r.cycleId)).map((r) => [`${r.measureId}:${r.cycleId}:${r.repUserId}`, r.value]));
  const scoresOf = new Map<string, ScoreRow[]>();
  for (const s of input.scores) {
    if (!pooled.has(s.cycleId)) continue;
    const list = scoresOf.get(s.behaviourId) ?? [];
    list.push(s);
    scoresOf.set(s.behaviourId, list);
  }
  const anySelf = input.scores.some((s) => s.self !== null && pooled.has(s.cycleId));

  return input.measures.map((measure) => {
    const pairs = (rows: readonly ScoreRow[], side: "leader" | "self", onlyCycle: boolean): Pair[] =>
      rows.flatMap((s) => {
        const score = s[side];
        const value = valueOf.get(`${measure.id}:${s.cycleId}:${s.repUserId}`);
        if (score === null || value === undefined || (onlyCycle && s.cycleId !== input.cycleId)) return [];
        return [{ repUserId: s.repUserId, score, value }];
      });
    const both = (rows: readonly ScoreRow[], side: "leader" | "self") => ({
      cycle: relationOf(pairs(rows, side, true), measure.higherIsBetter),
      pooled: relationOf(pairs(rows, side, false), measure.higherIsBetter),
    });
    const behaviours = input.behaviours.map((b) => {
      const rows = scoresOf.get(b.id) ?? [];
      return { behaviourId: b.id, name: b.name, leader: both(rows, "leader"), self: anySelf ? both(rows, "self") : null };
    });
    const order = (b: BehaviourRelations) => [strength(b.leader.cycle), strength(b.leader.pooled)] as const;
    behaviours.sort((a, b) => {
      const [ac, ap] = order(a);
      const [bc, bp] = order(b);
      return bc - ac || bp - ap;
    });
    return { measure, behaviours };
  });
}

const fixed = (x: number) => x.toFixed(2).replace("-", "−");

/** The headline of a relation in words: which way it goes, or why there is no figure. */
export function relationHeadline(relation: Relation): string {
  switch (relation.kind) {
    case "not_enough":
      return `Not enough reps yet (${relation.reps} of ${MIN_REPS})`;
    case "no_variation":
      return "No figure: the scores or the results never vary";
    case "figure":
      return relation.verdict === "unclear"
        ? "No clear relation yet"
        : relation.verdict === "better"
          ? "Goes with better results"
          : "Goes with worse results";
  }
}

/** The figures behind a headline: rho, its 95% interval and how many reps (and observations) it rests on. */
export function relationDetail(relation: Relation): string | null {
  if (relation.kind !== "figure") return null;
  const over = relation.n === relation.reps ? `${relation.reps} reps` : `${relation.n} observations of ${relation.reps} reps`;
  return `ρ ${fixed(relation.rho)}, 95% CI ${fixed(relation.low)} to ${fixed(relation.high)}, ${over}`;
}

type RelationTone = "better" | "worse" | "unclear" | "none";

/**
 * A relation to one measure in a few words, for the framework page: "Quota attainment (Q3 2026): goes with better
 * results" and its figures, or "not enough data". An absent relation (the behaviour has no rated reps with results
 * in that cycle) is "not enough data" too.
 */
export function relationWords(relation: Relation | undefined, measureName: string, cycleName: string) {
  const shown = relation ?? { kind: "not_enough" as const, reps: 0 };
  const tone: RelationTone = shown.kind === "figure" ? shown.verdict : "none";
  const said =
    shown.kind === "figure"
      ? relationHeadline(shown).toLowerCase()
      : shown.kind === "not_enough"
        ? `not enough data (${shown.reps} of ${MIN_REPS} reps)`
        : "not enough data (the scores or the results never vary)";
  return { text: `${measureName} (${cycleName}): ${said}`, detail: relationDetail(shown), tone };
}
