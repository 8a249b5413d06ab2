import "server-only";
import { coachingRollups, listActivePlansOfRep, listOverduePlanActions, listRepAssessmentStates, listSharedNotesOfRep } from "@/db/queries/coaching";
import { listCycles } from "@/db/queries/cycles";
import { gettingStartedFacts, listPendingSelfAssessments, participationByTeam, teamBehaviourAverages } from "@/db/queries/dashboards";
import { listGridBehaviours } from "@/db/queries/grid";
import { readOwnCurrentCycle } from "@/lib/assessments/own-cycle";
import { assessmentStatus } from "@/lib/assessments/visibility";
import { memberLoader, type MemberContext } from "@/lib/chain/member";
import { planView, repLeaderCycleIds } from "@/lib/coaching/plans";
import { buildCoachingQueue, overdueForOneOnOne, shapeRollups } from "@/lib/coaching/queue";
import { previousCycle } from "@/lib/cycles/order";
import { teamScope } from "@/lib/permissions";
import { listRelationshipsWithFlags } from "@/lib/relationships/list";
import { todayIn } from "@/lib/dates";
import { rowsToRead } from "@/lib/first-rows";
import { buildHeatmap, FIRST_TEAMS, topQueueItems, trainingTopics } from "./figures";
import { expandedTablesInput, type ExpandedTables } from "./expanded-tables";
import type { GapBasis } from "@/lib/coaching/gap-basis";
import { gettingStartedSteps } from "./getting-started";

/** How many pending self-assessments a leader's dashboard lists by name. */
const PENDING_LISTED = 8;
/** How many of the coaching queue's items a leader's dashboard shows. */
const TOP_QUEUE_ITEMS = 5;
/** How many reps overdue for a 1:1, and overdue plan actions, a leader's dashboard lists. */
const OVERDUE_LISTED = 6;
/** How many of the notes shared with a rep their dashboard shows (the rest are on their coaching page). */
const SHARED_NOTES_SHOWN = 3;

type Cycles = Awaited<ReturnType<typeof listCycles>>;

/** The cycle a dashboard reports on: the open one, else the one that opened last. */
function dashboardCycle(cycles: Cycles) {
  const cycle = cycles.find((c) => c.status === "open") ?? cycles.find((c) => c.status === "closed");
  return cycle ? { cycle, previous: previousCycle(cycles, cycle) ?? null } : null;
}

/**
 * Participation and the team x behaviour heatmap of the scope (the whole organisation for admins); for admins
 * also the training topics, from the coaching roll-ups (the same rows as the coaching page's).
 */
async function gridSummary(
  { db, org }: MemberContext,
  cycles: Cycles,
  teamIds: readonly string[] | undefined,
  /** The training topics' gap basis (the organisation's); null: no training topics. */
  topicsBasis: GapBasis | null,
  /** Read the heatmap's weakest teams only, as many as its cut table may show (the admin's, unless opened whole). */
  weakestOnly = false,
) {
  const current = dashboardCycle(cycles);
  if (!current) return null;
  const { cycle, previous } = current;
  const [behaviours, rollups] = await Promise.all([
    listGridBehaviours(db, org.id, cycle.id, cycle.status === "closed"),
    // The coaching page's own roll-ups query, so the two pages cannot disagree; the organisation's rows only.
    topicsBasis ? coachingRollups(db, org.id, cycle.id, { teamIds }, topicsBasis, { teamRowsUpTo: 0 }) : Promise.resolve(null),
  ]);
  const behaviourIds = behaviours.map((b) => b.id);
  const weakestTeams = weakestOnly ? rowsToRead(FIRST_TEAMS) : undefined;
  const [participation, cells] = await Promise.all([
    participationByTeam(db, org.id, { id: cycle.id, closed: cycle.status === "closed" }, behaviourIds.length, teamIds),
    teamBehaviourAverages(db, org.id, previous ? [cycle.id, previous.id] : [cycle.id], behaviourIds, teamIds, weakestTeams),
  ]);
  const teams = participation.teams.map((t) => ({ id: t.teamId, name: t.teamName }));
  const named = behaviours.map((b) => ({ id: b.id, name: b.name }));
  const heatmap = buildHeatmap(cells, { cycleId: cycle.id, previousCycleId: previous?.id ?? null, teams, behaviours: named, weakestTeams });
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    previousCycleName: previous?.name ?? null,
    participation,
    heatmap,
    topics: rollups ? trainingTopics(shapeRollups(rollups.rows, named, []).organisation) : [],
  };
}

async function adminDashboard(ctx: MemberContext, expanded: ExpandedTables) {
  const { db, org } = ctx;
  const [cycles, facts] = await Promise.all([listCycles(db, org.id), gettingStartedFacts(db, org.id)]);
  const summary = await gridSummary(ctx, cycles, undefined, facts.gapBasis, !expanded.heatmap);
  return { role: "admin" as const, steps: gettingStartedSteps(facts), summary };
}

/**
 * What a leader coaches next, from the coaching queue of their teams (the coaching page's own builder, so the
 * two agree and blind mode hides the same self scores): its top items, the reps overdue for a 1:1, and the
 * open actions of their reps' plans past their due date.
 */
async function leaderCoaching({ db, org }: MemberContext, teamIds: readonly string[]) {
  const [queue, overdueActions] = await Promise.all([
    buildCoachingQueue(db, org, { teamIds }),
    listOverduePlanActions(db, org.id, todayIn(org.timeZone), { teamIds }),
  ]);
  const overdue = overdueForOneOnOne(queue.reps);
  return {
    cycleName: queue.cycle?.name ?? null,
    cadenceDays: queue.cadenceDays,
    today: queue.today,
    repCount: queue.reps.length,
    unratedReps: queue.reps.filter((r) => r.items.length === 0).length,
    topItems: topQueueItems(queue.reps, TOP_QUEUE_ITEMS).map(({ rep, item }) => ({
      repId: rep.userId,
      repName: rep.name,
      behaviourId: item.behaviourId,
      behaviourName: item.name,
      leader: item.leader,
      // Null unless the rep's self rating is visible to the leader (blind mode): then no gap and no label.
      self: item.self,
      selfComment: item.selfComment,
      gap: item.gap,
      label: item.label,
    })),
    overdueOneOnOnes: {
      count: overdue.length,
      /** Reps with no 1:1 note at all (not overdue while they joined within the cadence). */
      neverMet: queue.reps.filter((r) => r.oneOnOne.lastNoteOn === null).length,
      reps: overdue
        .slice(0, OVERDUE_LISTED)
        .map((r) => ({ userId: r.userId, name: r.name, teamName: r.teamName, lastNoteOn: r.oneOnOne.lastNoteOn, daysSince: r.oneOnOne.daysSince })),
    },
    overdueActions: {
      count: overdueActions.length,
      actions: overdueActions.slice(0, OVERDUE_LISTED).map((a) => ({
        id: a.actionId,
        description: a.description,
        repId: a.repUserId,
        repName: a.repName,
        planName: a.behaviourName,
        dueOn: a.dueOn,
      })),
    },
  };
}

async function leaderDashboard(ctx: MemberContext) {
  const { db, org, member } = ctx;
  const scope = teamScope(member) ?? [];
  const [cycles, relationships, coaching] = await Promise.all([
    listCycles(db, org.id),
    listRelationshipsWithFlags(db, org, member.userId),
    leaderCoaching(ctx, scope),
  ]);
  const open = cycles.find((c) => c.status === "open");
  const [summary, pending] = await Promise.all([
    gridSummary(ctx, cycles, scope, null),
    open ? listPendingSelfAssessments(db, org.id, open.id, scope, PENDING_LISTED) : Promise.resolve([]),
  ]);
  return {
    role: "leader" as const,
    teamCount: scope.length,
    summary,
    coaching,
    openCycleName: open?.name ?? null,
    pending: pending.map((p) => ({ userId: p.userId, name: p.name, email: p.email, teamName: p.teamName, started: Boolean(p.started) })),
    relationships: relationships.map((r) => ({
      id: r.id,
      counterpartName: r.counterpartName,
      departmentName: r.departmentName,
      contact: r.contact,
      nextStep: r.nextStep,
      nextStepDue: r.nextStepDue,
      nextStepOverdue: r.nextStepOverdue,
      openActions: r.openActions,
      actionsOverdue: r.actionsOverdue,
    })),
  };
}

/**
 * A rep's page: their self-assessment of the current cycle, their active coaching plans (scores only from the
 * cycles whose results were shared with them) and the latest notes shared with them. The notes query reads
 * shared notes only, so a private note is never loaded for a rep.
 */
async function repDashboard({ db, org, member }: MemberContext) {
  const plans = async () => {
    const [cycles, states] = await Promise.all([listCycles(db, org.id), listRepAssessmentStates(db, org.id, member.userId)]);
    return listActivePlansOfRep(db, org.id, member.userId, repLeaderCycleIds(org.blindMode, cycles, states));
  };
  const [own, activePlans, notes] = await Promise.all([
    readOwnCurrentCycle(db, org, member.userId),
    plans(),
    listSharedNotesOfRep(db, org.id, member.userId, SHARED_NOTES_SHOWN + 1),
  ]);
  const coaching = {
    repId: member.userId,
    today: todayIn(org.timeZone),
    plans: activePlans.map(planView),
    notes: notes
      .slice(0, SHARED_NOTES_SHOWN)
      .map((n) => ({ id: n.id, heldOn: n.heldOn, body: n.body, authorName: n.authorName, behaviours: n.behaviours })),
    moreNotes: notes.length > SHARED_NOTES_SHOWN,
  };
  if (!own) return { role: "rep" as const, cycle: null, coaching };
  return {
    role: "rep" as const,
    coaching,
    cycle: {
      id: own.cycle.id,
      name: own.cycle.name,
      status: assessmentStatus(own.assessment),
      seesLeader: own.leaderVisible,
      rated: own.rated,
      /** The baseline's row shape: the leader's side is absent unless shared. */
      rows: own.behaviours.map(({ behaviour, self, leader }) => ({
        behaviourId: behaviour.id,
        name: behaviour.name,
        archived: false,
        self,
        leader,
        gap: leader?.score != null && self.score != null ? self.score - leader.score : null,
      })),
    },
  };
}

/**
 * The organisation's landing page: each role's dashboard, telling them what to do next. A fixed number of
 * queries for each role, whatever the size of the organisation.
 */
export const loadDashboard = memberLoader(
  {
    route: "/o/[slug]",
    permission: "org.view",
    input: expandedTablesInput,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] },
    // The admin's overview is the organisation's data alone; a leader's and a rep's count days to today.
    cachePerRevision: (ctx) => ctx.member.role === "admin",
  },
  async (ctx, expanded) => {
    const base = { slug: ctx.org.slug, orgName: ctx.org.name, userName: ctx.user.name, userId: ctx.member.userId, expanded };
    if (ctx.member.role === "admin") return { ...base, ...(await adminDashboard(ctx, expanded)) };
    if (ctx.member.role === "leader") return { ...base, ...(await leaderDashboard(ctx)) };
    return { ...base, ...(await repDashboard(ctx)) };
  },
);

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
