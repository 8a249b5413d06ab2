import "server-only";
import { listBehaviours } from "@/db/queries/behaviours";
import { findRound, listAssignments, listRatingPairs, listRoundPeople } from "@/db/queries/calibration-rounds";
import { findCurrentCycle } from "@/db/queries/cycles";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { roundIdSchema, roundProposalSchema } from "@/lib/schemas/calibration";
import {
  ALPHA_TENTATIVE,
  bothIn,
  cryptoRandom,
  DEFAULT_SAMPLE_SIZE,
  eligibleSecondRaters,
  formatSampleSize,
  MIN_REPS_FOR_AGREEMENT,
  MIN_SAMPLE_PER_TEAM,
  parseSampleSize,
  proposeRound,
  raterOffsets,
  roundAgreement,
  type Random,
} from "./rounds";
import { LENIENCY_GAP, LENIENCY_MIN_RATINGS } from "./rules";

/**
 * The new round's proposal: per active team with reps, a random sample (crypto-random on the server) and a second
 * rater, with everyone the admin may choose instead. Four statements.
 */
async function proposeNewRound(ctx: Parameters<Parameters<typeof memberLoader>[1]>[0], sizeText: string | undefined, random: Random = cryptoRandom) {
  const { db, org } = ctx;
  const [cycle, teams, people] = await Promise.all([findCurrentCycle(db, org.id), listActiveTeams(db, org.id), listRoundPeople(db, org.id)]);
  const size = (sizeText && parseSampleSize(sizeText)) || DEFAULT_SAMPLE_SIZE;
  const staffed = teams.map((t) => ({ ...t, reps: people.filter((p) => p.role === "rep" && p.teamId === t.id) })).filter((t) => t.reps.length > 0);
  const proposal = new Map(
    proposeRound(
      staffed.map((t) => ({ teamId: t.id, repUserIds: t.reps.map((r) => r.userId) })),
      people,
      size,
      random,
    ).map((p) => [p.teamId, p]),
  );
  return {
    slug: org.slug,
    cycle: cycle?.status === "open" ? { id: cycle.id, name: cycle.name } : null,
    size: formatSampleSize(size),
    sizeRejected: Boolean(sizeText && !parseSampleSize(sizeText)),
    minPerTeam: MIN_SAMPLE_PER_TEAM,
    teams: staffed.map((t) => {
      const picked = new Set(proposal.get(t.id)?.repUserIds ?? []);
      return {
        id: t.id,
        name: t.name,
        reps: t.reps.map((r) => ({ userId: r.userId, name: r.name, proposed: picked.has(r.userId) })),
        raters: eligibleSecondRaters(t.id, people).map((p) => ({ userId: p.userId, name: p.name, role: p.role })),
        proposedRaterUserId: proposal.get(t.id)?.secondRaterUserId ?? null,
      };
    }),
  };
}

export const loadNewRound = memberLoader(
  {
    route: "/o/[slug]/calibration/rounds/new",
    permission: "calibration.manageRounds",
    input: roundProposalSchema,
    expect: { allow: ["admin"] },
  },
  (ctx, { size }) => proposeNewRound(ctx, size),
);

/**
 * One round. Admins see every sampled rep's progress and, from the pairs where both ratings are in, the agreement;
 * a second rater sees only the reps they rate, with their own scores, and a first rating only beside their own
 * score of the same behaviour. Leaders who rate no one in the round are refused. Five statements.
 */
export const loadRound = memberLoader(
  {
    route: "/o/[slug]/calibration/rounds/[roundId]",
    permission: "calibration.view",
    input: roundIdSchema,
    expect: { allow: ["admin", "otherLeader"] },
  },
  async ({ db, org, member }, { roundId }) => {
    const round = await findRound(db, org.id, roundId);
    if (!round) throw new Refusal("not_found");
    const admin = member.role === "admin";
    const ownOnly = admin ? undefined : member.userId;
    const [assignments, behaviours, pairs] = await Promise.all([
      listAssignments(db, org.id, roundId, round.cycleId, ownOnly),
      listBehaviours(db, org.id),
      listRatingPairs(db, org.id, roundId, round.cycleId, ownOnly),
    ]);
    if (!admin && assignments.length === 0) throw new Refusal("forbidden");
    const behaviourList = behaviours.map((b) => ({ id: b.id, name: b.name, level1: b.level1, level3: b.level3, level5: b.level5 }));
    const pairOf = new Map(pairs.map((p) => [`${p.repUserId}:${p.behaviourId}`, p]));
    const repName = new Map(assignments.map((a) => [a.repUserId, a.repName]));

    const toRate = assignments
      .filter((a) => a.secondRaterUserId === member.userId)
      .map((a) => ({
        repUserId: a.repUserId,
        repName: a.repName,
        teamName: a.teamName,
        rated: a.secondCount,
        scores: behaviourList.map((b) => {
          const pair = pairOf.get(`${a.repUserId}:${b.id}`);
          const second = pair?.second ?? null;
          const shown = bothIn(pair?.first ?? null, second);
          return {
            behaviourId: b.id,
            score: second,
            comment: pair?.secondComment ?? null,
            first: shown ? pair!.first : null,
            firstComment: shown ? pair!.firstComment : null,
          };
        }),
      }));

    const agreement = admin ? roundAgreement(pairs, behaviourList) : null;
    const raterName = new Map<string, string>([
      ...assignments.map((a) => [a.secondRaterUserId, a.secondRaterName] as const),
      ...pairs.flatMap((p) => (p.firstRaterUserId && p.firstRaterName ? [[p.firstRaterUserId, p.firstRaterName] as const] : [])),
    ]);
    return {
      slug: org.slug,
      round: { id: round.id, cycleName: round.cycleName, createdAt: round.createdAt, finishedAt: round.finishedAt },
      admin,
      timeZone: org.timeZone,
      behaviours: behaviourList,
      toRate,
      progress: admin
        ? assignments.map((a) => ({
            repUserId: a.repUserId,
            repName: a.repName,
            teamName: a.teamName,
            secondRaterName: a.secondRaterName,
            secondCount: a.secondCount,
            firstCount: a.firstCount,
            bothCount: a.bothCount,
          }))
        : [],
      agreement: agreement && {
        overall: agreement.overall,
        behaviours: agreement.behaviours.map((b) => ({
          ...b,
          comments: b.comments
            .map((c) => ({ ...c, repName: repName.get(c.repUserId) ?? "A rep" }))
            .sort((x, y) => x.repName.localeCompare(y.repName)),
        })),
      },
      raters: admin ? raterOffsets(pairs).map((r) => ({ ...r, name: raterName.get(r.userId) ?? "Former member" })) : [],
      rule: { minReps: MIN_REPS_FOR_AGREEMENT, alpha: ALPHA_TENTATIVE, leniencyGap: LENIENCY_GAP, leniencyMinRatings: LENIENCY_MIN_RATINGS },
      behaviourCount: behaviourList.length,
    };
  },
);

export type NewRoundPage = Awaited<ReturnType<typeof loadNewRound>>;
export type RoundPage = Awaited<ReturnType<typeof loadRound>>;
