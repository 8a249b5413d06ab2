/**
 * Calibration rounds (pure): which reps a round samples, who may rate them a second time, when the two ratings of a
 * rep may be shown side by side, and the agreement between them. The figures come from one query's pairs
 * (db/queries/calibration-rounds.ts); the statistics are in lib/statistics/agreement.ts.
 */
import { krippendorffAlpha, pairAgreement } from "@/lib/statistics/agreement";
import type { PairRow } from "@/db/queries/calibration-rounds";
import { LENIENCY_GAP, LENIENCY_MIN_RATINGS } from "./rules";

/** A round samples at least this many reps of a team (all of them when the team has fewer). */
export const MIN_SAMPLE_PER_TEAM = 3;
/** Agreement figures need this many reps rated twice (per behaviour, or overall). */
export const MIN_REPS_FOR_AGREEMENT = 10;
/** Krippendorff's lowest level for tentative conclusions: a behaviour below it is flagged. */
export const ALPHA_TENTATIVE = 0.667;

/** How many reps per team: a number ("4") or a share of the team ("30%"). */
export type SampleSize = { kind: "count"; count: number } | { kind: "share"; percent: number };

export const DEFAULT_SAMPLE_SIZE: SampleSize = { kind: "count", count: MIN_SAMPLE_PER_TEAM };

/** "4" or "30%" as a sample size; null when it is neither (a whole number from 1, a share from 1% to 100%). */
export function parseSampleSize(text: string): SampleSize | null {
  const share = /^\s*(\d{1,3})\s*%\s*$/.exec(text);
  if (share) {
    const percent = Number(share[1]);
    return percent >= 1 && percent <= 100 ? { kind: "share", percent } : null;
  }
  const count = /^\s*(\d{1,4})\s*$/.exec(text);
  if (count && Number(count[1]) >= 1) return { kind: "count", count: Number(count[1]) };
  return null;
}

export function formatSampleSize(size: SampleSize): string {
  return size.kind === "share" ? `${size.percent}%` : String(size.count);
}

/** How many of a team's reps to sample: the size asked for, never fewer than 3 (unless the team has fewer), never more than the team. */
export function sampleCount(teamReps: number, size: SampleSize): number {
  const asked = size.kind === "count" ? size.count : Math.ceil((teamReps * size.percent) / 100);
  return Math.min(teamReps, Math.max(asked, MIN_SAMPLE_PER_TEAM));
}

/** A number in [0, 1) from the server's cryptographic generator; tests pass their own. */
export type Random = () => number;
export const cryptoRandom: Random = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

/** `count` of the items, drawn uniformly without replacement (a partial Fisher-Yates shuffle). */
export function drawSample<T>(items: readonly T[], count: number, random: Random = cryptoRandom): T[] {
  const pool = [...items];
  const k = Math.min(count, pool.length);
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

export type Person = { userId: string; name: string; role: "admin" | "leader" | "rep"; ledTeamIds: readonly string[] };

/** Who may rate a team's reps a second time: another leader or an admin, never a leader of the team (nor a rep). */
export function eligibleSecondRaters<P extends Person>(teamId: string, people: readonly P[]): P[] {
  return people.filter((p) => (p.role === "admin" || p.role === "leader") && !p.ledTeamIds.includes(teamId));
}

/** The proposed second rater: a leader of another team when there is one (they know the scale), else an admin. */
function proposeSecondRater<P extends Person>(teamId: string, people: readonly P[], random: Random = cryptoRandom): P | null {
  const eligible = eligibleSecondRaters(teamId, people);
  const leaders = eligible.filter((p) => p.role === "leader");
  return drawSample(leaders.length > 0 ? leaders : eligible, 1, random)[0] ?? null;
}

export type TeamProposal = { teamId: string; repUserIds: string[]; secondRaterUserId: string | null };

/** The proposal of a new round: per team, a random sample of its reps and a second rater. */
export function proposeRound(
  teams: readonly { teamId: string; repUserIds: readonly string[] }[],
  people: readonly Person[],
  size: SampleSize,
  random: Random = cryptoRandom,
): TeamProposal[] {
  return teams.map((team) => ({
    teamId: team.teamId,
    repUserIds: drawSample(team.repUserIds, sampleCount(team.repUserIds.length, size), random),
    secondRaterUserId: proposeSecondRater(team.teamId, people, random)?.userId ?? null,
  }));
}

/**
 * Why a second rater may not rate a rep of a team, or null when they may. The same rule as eligibleSecondRaters,
 * for the action that checks what the admin sent.
 */
export function secondRaterRefusal(rater: Person | undefined, teamId: string, repUserId: string): string | null {
  if (!rater || (rater.role !== "admin" && rater.role !== "leader")) return "Choose a leader or an admin as the second rater.";
  if (rater.userId === repUserId) return "A rep cannot rate themself a second time.";
  if (rater.ledTeamIds.includes(teamId)) return "Choose someone who does not lead the team: the reps' own leader gave the first rating.";
  return null;
}

/**
 * The blind rule: neither rating of a rep on a behaviour is shown beside the other until both are in. Until then the
 * second rater sees only their own score, and nobody sees the pair.
 */
export function bothIn(first: number | null, second: number | null): boolean {
  return first !== null && second !== null;
}

/** A sampled rep's first (leader) and second rating of one behaviour, as the round's query returns them. */
export type RatingPair = PairRow;

export type Agreement = {
  /** Reps rated twice. */
  reps: number;
  /** Null below MIN_REPS_FOR_AGREEMENT reps rated twice. */
  exact: number | null;
  withinOne: number | null;
  alpha: number | null;
  /** Alpha below ALPHA_TENTATIVE: the 1/3/5 anchors may be read differently. */
  flagged: boolean;
};

function agreementOf(pairs: readonly RatingPair[]): Agreement {
  const both = pairs.filter((p) => bothIn(p.first, p.second)) as (RatingPair & { first: number; second: number })[];
  const reps = new Set(both.map((p) => p.repUserId)).size;
  if (reps < MIN_REPS_FOR_AGREEMENT) return { reps, exact: null, withinOne: null, alpha: null, flagged: false };
  const shares = pairAgreement(both.map((p) => [p.first, p.second] as const))!;
  const alpha = krippendorffAlpha(
    both.map((p) => [p.first, p.second]),
    "ordinal",
  );
  return { reps, exact: shares.exact, withinOne: shares.withinOne, alpha, flagged: alpha !== null && alpha < ALPHA_TENTATIVE };
}

/** Agreement per behaviour (in the order given) and overall, over the reps rated twice. */
export function roundAgreement(pairs: readonly RatingPair[], behaviours: readonly { id: string; name: string }[]) {
  const byBehaviour = new Map<string, RatingPair[]>();
  for (const pair of pairs) byBehaviour.set(pair.behaviourId, [...(byBehaviour.get(pair.behaviourId) ?? []), pair]);
  return {
    overall: agreementOf(pairs),
    behaviours: behaviours
      .filter((b) => byBehaviour.has(b.id))
      .map((b) => {
        const own = byBehaviour.get(b.id)!;
        const figures = agreementOf(own);
        // Both raters' comments side by side, only for a flagged behaviour and only where both ratings are in.
        const comments = figures.flagged
          ? own
              .filter((p) => bothIn(p.first, p.second) && (p.firstComment || p.secondComment))
              .map((p) => ({
                repUserId: p.repUserId,
                first: p.first!,
                second: p.second!,
                firstComment: p.firstComment,
                secondComment: p.secondComment,
              }))
          : [];
        return { behaviourId: b.id, name: b.name, ...figures, comments };
      }),
  };
}

export type RaterOffset = {
  userId: string;
  /** Ratings of a rep on a behaviour this person gave (first or second) where the other rating is in too. */
  count: number;
  /** The mean of (their score - the other rater's score of the same rep on the same behaviour). */
  offset: number;
  /** Marked as with "How leaders rate": an offset of LENIENCY_GAP or more over LENIENCY_MIN_RATINGS ratings. */
  tendency: "higher" | "lower" | null;
};

/**
 * Who rates higher on the same reps: for each person in the round, first rater or second, how far their scores sit
 * from the other rating of the same rep and behaviour. Unlike the comparison of leaders' means, both scores here are
 * of the same person's work, so a real difference between teams cannot explain it. Highest first.
 */
export function raterOffsets(pairs: readonly RatingPair[]): RaterOffset[] {
  const totals = new Map<string, { count: number; sum: number }>();
  const add = (userId: string, difference: number) => {
    const total = totals.get(userId) ?? { count: 0, sum: 0 };
    totals.set(userId, { count: total.count + 1, sum: total.sum + difference });
  };
  for (const p of pairs) {
    if (!bothIn(p.first, p.second) || p.firstRaterUserId === null) continue;
    add(p.firstRaterUserId, p.first! - p.second!);
    add(p.secondRaterUserId, p.second! - p.first!);
  }
  return [...totals]
    .map(([userId, { count, sum }]) => {
      const offset = sum / count;
      const marked = count >= LENIENCY_MIN_RATINGS && Math.abs(offset) >= LENIENCY_GAP;
      return { userId, count, offset, tendency: marked ? (offset > 0 ? ("higher" as const) : ("lower" as const)) : null };
    })
    .sort((a, b) => b.offset - a.offset);
}
