import "server-only";
import { z } from "zod";
import { listRepHistory } from "@/db/queries/assessments";
import { listBehaviours } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { findMembership } from "@/db/queries/members";
import { memberLoader, type MemberContext } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { repTarget } from "@/lib/members/rep-target";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/permissions";
import { honestGaps, type Voice } from "@/lib/coaching/tendency";
import { baselineViewSchema } from "@/lib/schemas/assessments";
import { shownCycle } from "@/lib/cycles/order";
import { readOwnCurrentCycle } from "./own-cycle";
import { assessmentStatus, canShare, coachSeesSelf, repSeesLeader } from "./visibility";

/**
 * The rep's self-assessment for the current cycle: each behaviour with its anchors and the rep's answer. The
 * leader's ratings are loaded only when blind mode lets the rep see them: otherwise they are never queried,
 * so they cannot reach the page.
 */
export const loadSelfAssessment = memberLoader(
  {
    route: "/o/[slug]/self-assessment",
    permission: "self.assess",
    input: z.object({}),
    expect: { allow: ["rep", "otherRep"] },
  },
  async ({ db, org, user }) => {
    const baselineHref = `/o/${org.slug}/reps/${user.id}`;
    const own = await readOwnCurrentCycle(db, org, user.id);
    if (!own)
      return { slug: org.slug, baselineHref, cycle: null, status: "not_started" as const, submittedOn: null, leaderVisible: false, behaviours: [] };
    const { cycle, assessment, leaderVisible } = own;
    return {
      slug: org.slug,
      baselineHref,
      cycle: { id: cycle.id, name: cycle.name },
      status: assessmentStatus(assessment),
      submittedOn: assessment?.submittedAt ? formatDateTime(assessment.submittedAt, org.timeZone) : null,
      leaderVisible,
      behaviours: own.behaviours.map(({ behaviour: b, self, leader }) => ({
        id: b.id,
        name: b.name,
        description: b.description,
        anchors: { 1: b.level1, 3: b.level3, 5: b.level5 },
        self,
        ...(leader && { leader }),
      })),
    };
  },
);

/**
 * The baseline of one rep: self vs leader per behaviour for a cycle, the gaps, and the history across cycles.
 * Each side is included only where the viewer may see it (blind mode, per cycle); a gap only where both are.
 */
export const loadBaseline = memberLoader(
  {
    route: "/o/[slug]/reps/[repId]",
    permission: "rep.viewResults",
    input: baselineViewSchema,
    target: (input, { db, org }) => repTarget(db, org.id, input.repId),
    expect: { allow: ["admin", "leader", "coLeader", "rep"] },
  },
  (ctx, input) => readBaseline(ctx, input),
);

/**
 * The baseline's reading, shared with the rep report (lib/reports/loaders.ts): callers have checked
 * `rep.viewResults` for this rep. Six queries, whatever the history. The cycle shown is the chosen one, else the
 * open one, else the one that opened last.
 */
export async function readBaseline(
  { db, org, member }: MemberContext,
  { repId, cycle: chosen }: z.output<typeof baselineViewSchema>,
  /** Who the sentences speak to: by default the viewer (the rep or their coach); a printed report speaks to no one. */
  voice?: Voice,
) {
  const [rep, cycles, behaviours, history] = await Promise.all([
    findMembership(db, org.id, repId),
    listCycles(db, org.id),
    listBehaviours(db, org.id, { includeArchived: true }),
    listRepHistory(db, org.id, repId),
  ]);
  if (!rep || rep.role !== "rep") throw new Refusal("not_found");
  const viewerIsRep = member.userId === repId;
  const stateOf = new Map(history.states.map((s) => [s.cycleId, s]));
  const sides = (cycleId: string) => {
    const state = stateOf.get(cycleId);
    return {
      self: viewerIsRep || coachSeesSelf(org.blindMode, state),
      leader: !viewerIsRep || repSeesLeader(org.blindMode, state),
    };
  };
  const pick = (
    rows: { cycleId: string; behaviourId: string; score: number | null; comment: string | null }[],
    cycleId: string,
    behaviourId: string,
  ) => rows.find((r) => r.cycleId === cycleId && r.behaviourId === behaviourId);

  const { rated, cycle, missing } = shownCycle(cycles, chosen);
  if (missing) throw new Refusal("not_found");

  const view = (cycleId: string) => {
    const visible = sides(cycleId);
    return behaviours
      .map((b) => {
        const leader = visible.leader ? pick(history.leader, cycleId, b.id) : undefined;
        const self = visible.self ? pick(history.self, cycleId, b.id) : undefined;
        const leaderScore = leader?.score ?? null;
        const selfScore = self?.score ?? null;
        return {
          behaviourId: b.id,
          name: b.name,
          archived: b.archivedAt !== null,
          leader: visible.leader ? { score: leaderScore, comment: leader?.comment ?? null } : undefined,
          self: visible.self ? { score: selfScore, comment: self?.comment ?? null } : undefined,
          gap: leaderScore !== null && selfScore !== null ? selfScore - leaderScore : null,
        };
      })
      .filter((row) => !row.archived || row.leader?.score != null || row.self?.score != null);
  };

  const pairsOf = (rows: ReturnType<typeof view>) =>
    rows.flatMap((r) => (r.self?.score != null && r.leader?.score != null ? [{ self: r.self.score, leader: r.leader.score }] : []));
  const state = cycle ? stateOf.get(cycle.id) : undefined;
  const coach = !viewerIsRep && can(member, "rep.coach", { repTeamId: rep.teamId });
  return {
    slug: org.slug,
    rep: { userId: rep.userId, name: rep.name, teamId: rep.teamId },
    viewerIsRep,
    blindMode: org.blindMode,
    cycles: rated.map(({ id, name, status }) => ({ id, name, status })),
    cycle: cycle && {
      id: cycle.id,
      name: cycle.name,
      status: cycle.status,
      assessment: assessmentStatus(state),
      visible: sides(cycle.id),
      /** Whether the rep sees this cycle's leader ratings (what a coach's printed copy must point out). */
      sharedWithRep: repSeesLeader(org.blindMode, state),
      rows: view(cycle.id),
      /** The rep's overall tendency and agreement on strengths, from the pairs both sides of which the viewer sees. */
      honestGaps: honestGaps(pairsOf(view(cycle.id)), voice ?? (viewerIsRep ? "rep" : "coach")),
      canShare: coach && canShare(state, cycle.status),
      canReopen: coach && cycle.status === "open" && Boolean(state?.submittedAt),
      canComment: coach && cycle.status === "open",
    },
    history: rated
      .slice()
      .reverse()
      .map((c) => ({
        cycleId: c.id,
        name: c.name,
        visible: sides(c.id),
        sharedWithRep: repSeesLeader(org.blindMode, stateOf.get(c.id)),
        rows: view(c.id),
      })),
  };
}
