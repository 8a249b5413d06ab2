/**
 * Honest gaps: how a rep rates themself overall against their leader, and whether the two agree on what is
 * strong and weak. Much of a raw gap is often the raters rather than the rep (self ratings run higher than
 * supervisors' across the board), so the queue can label the gap relative to the rep's overall tendency.
 * Pure: the queue and the pages pass the (self, leader) pairs the viewer may see.
 */
import { spearman } from "@/lib/statistics/correlation";
import type { Thresholds } from "./rules";

/** Below this many behaviours rated on both sides, a tendency says nothing: none is shown or used (team_tally_rows, migration 0019, says 3 too). */
const TENDENCY_MIN_BEHAVIOURS = 3;
/** Spearman's rho is shown from this many behaviours rated on both sides. */
const AGREEMENT_MIN_BEHAVIOURS = 5;
/** rho from which the two "agree on what is strong and weak"; below AGREEMENT_WEAK_BELOW they "disagree". */
const AGREEMENT_STRONG_FROM = 0.5;
const AGREEMENT_WEAK_BELOW = 0.2;

type Pair = { self: number; leader: number };

/** The rep's overall tendency: the mean of self minus leader over the behaviours rated on both sides. */
export type Tendency = { mean: number; count: number };

export function selfTendency(pairs: readonly Pair[]): Tendency | null {
  if (pairs.length < TENDENCY_MIN_BEHAVIOURS) return null;
  return { mean: pairs.reduce((sum, p) => sum + p.self - p.leader, 0) / pairs.length, count: pairs.length };
}

/** "Talk about the scale first": the tendency itself passes the blind-spot or hidden-strength threshold. */
export function scaleDirection(tendency: Tendency | null, t: Thresholds): "higher" | "lower" | null {
  if (!tendency) return null;
  if (tendency.mean >= t.blindSpotGap) return "higher";
  if (tendency.mean <= -t.hiddenStrengthGap) return "lower";
  return null;
}

export type StrengthAgreement = { rho: number; count: number; verdict: "agree" | "partly" | "disagree" };

/** Whether rep and leader rank the behaviours alike (Spearman's rho, ties by average rank); none below 5 pairs. */
export function strengthAgreement(pairs: readonly Pair[]): StrengthAgreement | null {
  if (pairs.length < AGREEMENT_MIN_BEHAVIOURS) return null;
  const rho = spearman(
    pairs.map((p) => p.self),
    pairs.map((p) => p.leader),
  );
  if (rho === null) return null;
  const verdict = rho >= AGREEMENT_STRONG_FROM ? "agree" : rho < AGREEMENT_WEAK_BELOW ? "disagree" : "partly";
  return { rho, count: pairs.length, verdict };
}

const oneDecimal = (n: number) => (Math.round(Math.abs(n) * 10) / 10).toFixed(1);
const behaviours = (n: number) => `${n} ${n === 1 ? "behaviour" : "behaviours"}`;

/** Who reads: the leader who rated ("you" is the leader), the rep ("you" is the rep), or a printed report (no "you"). */
export type Voice = "coach" | "rep" | "report";

/** The tendency in words, with the count behind it. A tendency under 0.05 in size reads as none. */
export function tendencySentence(t: Tendency, voice: Voice = "coach"): string {
  const size = oneDecimal(t.mean);
  const over = `over ${behaviours(t.count)} rated by both`;
  const direction = t.mean > 0 ? "higher" : "lower";
  if (size === "0.0") {
    return {
      coach: `Rates themself about as you do overall (${over}).`,
      rep: `You rate yourself about as your leader does overall (${over}).`,
      report: `Self and leader scores match on average (${over}).`,
    }[voice];
  }
  return {
    coach: `Rates themself ${size} ${direction} than you overall (${over}).`,
    rep: `You rate yourself ${size} ${direction} than your leader overall (${over}).`,
    report: `Self scores are ${size} ${direction} than the leader's on average (${over}).`,
  }[voice];
}

const VERDICT: Record<StrengthAgreement["verdict"], string> = { agree: "agree", partly: "partly agree", disagree: "disagree" };

/** The agreement in words, with Spearman's rho and the count behind it. */
export function agreementSentence(a: StrengthAgreement, voice: Voice = "coach"): string {
  const who = { coach: "You", rep: "You and your leader", report: "Self and leader" }[voice];
  return `${who} ${VERDICT[a.verdict]} on what is strong and weak (rank correlation ${a.rho.toFixed(2)} over ${behaviours(a.count)}).`;
}

/** Both sentences for a page, from the (self, leader) pairs its viewer sees; null where there are too few pairs. */
export function honestGaps(pairs: readonly Pair[], voice: Voice): { tendency: string | null; agreement: string | null } {
  const tendency = selfTendency(pairs);
  const agreement = strengthAgreement(pairs);
  return { tendency: tendency && tendencySentence(tendency, voice), agreement: agreement && agreementSentence(agreement, voice) };
}

/** The queue's own item for a tendency past a threshold: the scale comes before any behaviour. */
export function scaleItem(direction: "higher" | "lower", t: Tendency): { title: string; explanation: string } {
  const size = oneDecimal(t.mean);
  return direction === "higher"
    ? {
        title: "Talk about the scale first",
        explanation: `They rate themself ${size} points higher than you on average: agree on what a 3 and a 5 look like before discussing any one behaviour.`,
      }
    : {
        title: "Talk about the scale first",
        explanation: `They rate themself ${size} points lower than you on average: tell them how you read the scale, and what they already do well.`,
      };
}
