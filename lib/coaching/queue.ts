import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import {
  coachingRollups,
  findCoachingSettings,
  listCoachingReps,
  listCycleAssessments,
  listLeaderScores,
  listQueueHead,
  listVisibleSelfScores,
  type CoachingSettings,
  type RepScope,
  type RollupRow,
  type Rollups,
} from "@/db/queries/coaching";
import { findCurrentCycle } from "@/db/queries/cycles";
import { coachSeesSelf } from "@/lib/assessments/visibility";
import { todayIn } from "@/lib/dates";
import { compareRepNames, oneOnOneState, orderQueue, orderReps, queueItem, type OneOnOneState, type QueueItem, type Thresholds } from "./rules";
import type { GapBasis } from "./gap-basis";
import { scaleDirection, selfTendency, strengthAgreement, type StrengthAgreement, type Tendency } from "./tendency";

/**
 * The coaching queue, as a coach (leader or admin) sees it: for every rep of the scope and behaviour rated in
 * the current cycle, the signed gap and its label where the rep's self rating is visible (blind mode, through
 * coachSeesSelf), the rep's overall tendency and agreement on strengths (labels relative to the tendency when the
 * organisation or the page chooses so), the rep's items in "coach on this next" order, the 1:1 cadence, and reps in coaching order.
 * A fixed number of queries, whatever the number of reps: settings, cycle, behaviours (and, for the whole queue,
 * reps); then a page's head, ordered in SQL, or the whole queue's assessments (and the roll-ups, when asked for);
 * then the leader scores and visible self scores of the reps shown.
 */

type QueueRepRow = Awaited<ReturnType<typeof listCoachingReps>>[number];

export type CoachingOrg = { id: string; timeZone: string; blindMode: boolean };

type QueueRep = {
  userId: string;
  name: string;
  /** Null for a rep without a team. */
  teamId: string | null;
  teamName: string | null;
  oneOnOne: OneOnOneState;
  /** "Coach on this next", in order. */
  items: QueueItem[];
  /** Whether the viewer sees the rep's self ratings this cycle. */
  selfVisible: boolean;
  /** Over the behaviours both sides rated and the viewer sees: the mean self-minus-leader gap (3 or more)... */
  tendency: Tendency | null;
  /** ... whether the two rank the behaviours alike (5 or more)... */
  agreement: StrengthAgreement | null;
  /** ... and whether the tendency alone passes a threshold ("talk about the scale first"). */
  scale: "higher" | "lower" | null;
};

export type CoachingQueue = {
  cycle: { id: string; name: string } | null;
  thresholds: Thresholds;
  /** What the labels were decided on: the organisation's setting unless the page asked for the other. */
  basis: GapBasis;
  cadenceDays: number;
  today: string;
  behaviours: { id: string; name: string }[];
  /** Reps in coaching order (with `limit`, the first of them). */
  reps: QueueRep[];
  /** Every rep of the scope, and those overdue for a 1:1, whether or not `limit` kept them all. */
  totalReps: number;
  overdueCount: number;
  /** Present only when asked for (`rollups`). */
  rollups?: Rollups;
};

function thresholdsOf(settings: CoachingSettings): Thresholds {
  const { blindSpotGap, hiddenStrengthGap, agreedWeaknessMax, agreedStrengthMin } = settings;
  return { blindSpotGap, hiddenStrengthGap, agreedWeaknessMax, agreedStrengthMin };
}

export async function buildCoachingQueue(
  db: DbOrTx,
  org: CoachingOrg,
  scope: RepScope,
  /**
   * `limit`: only the first reps of the queue, with their items (the rest are ordered, not built). `rollups`: the
   * roll-ups too, the team rows only when at most `teamRowsUpTo` teams have them (see coachingRollups).
   */
  options: { rollups?: { teamRowsUpTo?: number }; now?: Date; basis?: GapBasis; limit?: number } = {},
): Promise<CoachingQueue> {
  const paged = options.limit !== undefined;
  const [settings, cycle, behaviourRows, allReps] = await Promise.all([
    findCoachingSettings(db, org.id),
    findCurrentCycle(db, org.id),
    listBehaviours(db, org.id),
    // A page of the queue reads only its head (below), ordered in SQL.
    paged ? Promise.resolve(null) : listCoachingReps(db, org.id, org.timeZone, scope),
  ]);
  const thresholds = thresholdsOf(settings);
  const today = todayIn(org.timeZone, options.now);
  const behaviours = behaviourRows.map(({ id, name }) => ({ id, name }));
  const position = new Map(behaviourRows.map((b, i) => [b.id, i]));
  const oneOnOneOf = (r: { lastNoteOn: string | null; joinedOn: string }) =>
    oneOnOneState({ lastNoteOn: r.lastNoteOn, joinedOn: r.joinedOn, cadenceDays: settings.oneOnOneCadenceDays }, today);

  // The reps to build, with their 1:1 state and their self-assessment states (what blind mode decides on).
  const [head, states, rollups] = await Promise.all([
    paged
      ? listQueueHead(db, org.id, org.timeZone, cycle?.id ?? null, scope, {
          today,
          cadenceDays: settings.oneOnOneCadenceDays,
          limit: options.limit!,
        })
      : Promise.resolve(null),
    cycle && !paged ? listCycleAssessments(db, org.id, cycle.id, scope) : Promise.resolve([]),
    // Roll-ups are per team: the scope's teams, or every team.
    cycle && options.rollups
      ? coachingRollups(db, org.id, cycle.id, { teamIds: scope.teamIds }, options.basis ?? settings.gapBasis, options.rollups)
      : Promise.resolve(undefined),
  ]);
  const withOneOnOne = <T extends QueueRepRow>(reps: readonly T[]) => reps.map((r) => ({ ...r, oneOnOne: oneOnOneOf(r) }));
  const shown = withOneOnOne(
    head
      ? // SQL ordered the head on every key but the name (`place`), with the reps tied with the last one kept.
        [...head.reps].sort((a, b) => a.place - b.place || compareRepNames(a, b)).slice(0, options.limit)
      : allReps!,
  );
  const headStates = head?.reps.map((r) => ({ repUserId: r.userId, submittedAt: r.submittedAt, sharedAt: r.sharedAt }));
  const visible = new Set(selfVisibleRepIds(org.blindMode, shown, headStates ?? states));

  let leader: Awaited<ReturnType<typeof listLeaderScores>> = [];
  let self: Awaited<ReturnType<typeof listVisibleSelfScores>> = [];
  if (cycle) {
    [leader, self] = await Promise.all([
      listLeaderScores(db, org.id, cycle.id, head ? { ...scope, repUserIds: shown.map((r) => r.userId) } : scope),
      listVisibleSelfScores(db, org.id, cycle.id, [...visible]),
    ]);
  }

  const selfOf = new Map(self.map((s) => [`${s.repUserId}:${s.behaviourId}`, { score: Number(s.score), comment: s.comment }]));
  const inputsOf = new Map<string, Parameters<typeof queueItem>[0][]>();
  for (const rating of leader) {
    const at = position.get(rating.behaviourId);
    if (at === undefined) continue;
    const own = selfOf.get(`${rating.repUserId}:${rating.behaviourId}`);
    const list = inputsOf.get(rating.repUserId) ?? [];
    list.push({
      behaviourId: rating.behaviourId,
      name: behaviourRows[at]!.name,
      position: at,
      leader: Number(rating.score),
      self: own?.score ?? null,
      selfComment: own?.comment ?? null,
    });
    inputsOf.set(rating.repUserId, list);
  }
  const basis = options.basis ?? settings.gapBasis;
  const gapsOf = (repUserId: string) => {
    const inputs = inputsOf.get(repUserId) ?? [];
    const pairs = inputs.flatMap((i) => (i.self === null ? [] : [{ self: i.self, leader: i.leader }]));
    const tendency = selfTendency(pairs);
    return {
      tendency,
      agreement: strengthAgreement(pairs),
      scale: scaleDirection(tendency, thresholds),
      items: orderQueue(inputs.map((input) => queueItem(input, thresholds, { tendency: tendency?.mean ?? null, basis }))),
    };
  };

  const reps = orderReps(
    shown.map((r) => ({
      userId: r.userId,
      name: r.name,
      teamId: r.teamId,
      teamName: r.teamName,
      selfVisible: visible.has(r.userId),
      oneOnOne: r.oneOnOne,
      ...gapsOf(r.userId),
    })),
  );
  return {
    cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
    thresholds,
    basis,
    cadenceDays: settings.oneOnOneCadenceDays,
    today,
    behaviours,
    reps,
    totalReps: head ? head.total : reps.length,
    overdueCount: head ? head.overdue : reps.filter((r) => r.oneOnOne.overdue).length,
    ...(rollups && { rollups }),
  };
}

/** The reps of the scope overdue for a 1:1, longest first (two queries: settings and reps). */
export async function listRepsOverdueForOneOnOne(db: DbOrTx, org: CoachingOrg, scope: RepScope, now?: Date) {
  const [settings, reps] = await Promise.all([findCoachingSettings(db, org.id), listCoachingReps(db, org.id, org.timeZone, scope)]);
  const today = todayIn(org.timeZone, now);
  return overdueForOneOnOne(
    reps.map((r) => ({
      userId: r.userId,
      name: r.name,
      teamId: r.teamId,
      teamName: r.teamName,
      oneOnOne: oneOnOneState({ lastNoteOn: r.lastNoteOn, joinedOn: r.joinedOn, cadenceDays: settings.oneOnOneCadenceDays }, today),
    })),
  );
}

/** Of reps with their 1:1 state (a built queue's reps, say), those overdue, longest first. */
export function overdueForOneOnOne<T extends { name: string; oneOnOne: OneOnOneState }>(reps: readonly T[]): T[] {
  return reps.filter((r) => r.oneOnOne.overdue).sort((a, b) => b.oneOnOne.daysSince - a.oneOnOne.daysSince || a.name.localeCompare(b.name));
}

/** The reps whose self ratings the coach sees this cycle (blind mode, through coachSeesSelf). */
function selfVisibleRepIds(
  blindMode: boolean,
  reps: readonly { userId: string }[],
  states: readonly { repUserId: string; submittedAt: Date | null; sharedAt: Date | null }[],
): string[] {
  const stateOf = new Map(states.map((s) => [s.repUserId, s]));
  return reps.filter((rep) => coachSeesSelf(blindMode, stateOf.get(rep.userId))).map((rep) => rep.userId);
}

export type TeamRollup = { teamId: string; teamName: string; behaviours: (RollupRow & { name: string; misSeen: number })[] };
export type OrganisationRollup = (RollupRow & { name: string; misSeen: number })[];

/**
 * The roll-ups shaped for pages: per team, its behaviours weakest first (leader average, then most mis-seen);
 * for the organisation, behaviours weakest first with the spread between teams.
 */
export function shapeRollups(
  rows: readonly RollupRow[],
  behaviours: readonly { id: string; name: string }[],
  teams: readonly { id: string; name: string }[],
) {
  const nameOf = new Map(behaviours.map((b) => [b.id, b.name]));
  const withName = (r: RollupRow) => ({ ...r, name: nameOf.get(r.behaviourId) ?? "", misSeen: r.blindSpots + r.hiddenStrengths });
  const weakestFirst = (a: ReturnType<typeof withName>, b: ReturnType<typeof withName>) =>
    (a.average ?? 6) - (b.average ?? 6) || b.misSeen - a.misSeen || a.name.localeCompare(b.name);
  const rowsOf = new Map<string | null, RollupRow[]>();
  for (const r of rows) {
    if (!nameOf.has(r.behaviourId)) continue;
    const list = rowsOf.get(r.teamId);
    if (list) list.push(r);
    else rowsOf.set(r.teamId, [r]);
  }
  const byTeam: TeamRollup[] = teams.map((t) => ({
    teamId: t.id,
    teamName: t.name,
    behaviours: (rowsOf.get(t.id) ?? []).map(withName).sort(weakestFirst),
  }));
  const organisation: OrganisationRollup = (rowsOf.get(null) ?? []).map(withName).sort(weakestFirst);
  return { teams: byTeam.filter((t) => t.behaviours.length > 0), organisation };
}
