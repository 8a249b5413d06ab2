import "server-only";
import type { DbOrTx } from "@/db/client";
import { listPlans, listNotesVisibleTo, listRepAssessmentStates } from "@/db/queries/coaching";
import { listCycles } from "@/db/queries/cycles";
import { listTeams } from "@/db/queries/teams";
import { coachSeesSelf, repSeesLeader } from "@/lib/assessments/visibility";
import { memberLoader } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { repTarget } from "@/lib/members/rep-target";
import { can, teamScope } from "@/lib/permissions";
import { repCoachingPageSchema, queuePageSchema } from "@/lib/schemas/coaching";
import { dateInZone, todayIn } from "@/lib/dates";
import { planView, repLeaderCycleIds, suggestedTarget, type PlanStatus } from "./plans";
import { buildCoachingQueue, shapeRollups } from "./queue";
import { agendaItems, agendaText, labelLegend } from "./rules";
import { agreementSentence, scaleItem, tendencySentence } from "./tendency";

/** How many reps the queue lists before "Show all". */
const QUEUE_PAGE_SIZE = 50;
/** How many "coach on this next" items the queue shows per rep. */
const QUEUE_ITEMS_PER_REP = 3;
/** How many teams' roll-ups the queue shows at once; past that, the viewer picks a team. */
export const ROLLUP_TEAMS_AT_ONCE = 3;

const withTarget = <T extends { leader: number }>(item: T) => ({ ...item, suggestedTarget: suggestedTarget(item.leader) });

/**
 * The coaching queue: reps of the teams the viewer coaches (every team for an admin) in coaching order, each
 * with what to coach on next; the team roll-ups; for admins, the organisation roll-up. Constant queries.
 */
export const loadCoachingQueue = memberLoader(
  {
    route: "/o/[slug]/coaching",
    permission: "coaching.view",
    input: queuePageSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }, { team, all, gaps }) => {
    const scopeTeams = teamScope(member);
    if (team && scopeTeams && !scopeTeams.includes(team)) throw new Refusal("not_found");
    const teamIds = team ? [team] : scopeTeams;
    const isAdmin = member.role === "admin";
    const [queue, teams] = await Promise.all([
      buildCoachingQueue(
        db,
        org,
        { teamIds },
        { rollups: { teamRowsUpTo: ROLLUP_TEAMS_AT_ONCE }, basis: gaps, limit: all ? undefined : QUEUE_PAGE_SIZE },
      ),
      listTeams(db, org.id, { teamIds: scopeTeams }),
    ]);
    if (team && !teams.some((t) => t.id === team)) throw new Refusal("not_found");
    const shownTeams = teams.filter((t) => !team || t.id === team);
    const rollups = shapeRollups(queue.rollups?.rows ?? [], queue.behaviours, shownTeams);
    const reps = queue.reps;
    return {
      slug: org.slug,
      isAdmin,
      cycle: queue.cycle,
      today: queue.today,
      thresholds: queue.thresholds,
      basis: queue.basis,
      cadenceDays: queue.cadenceDays,
      legend: labelLegend(queue.thresholds, "coach", queue.basis),
      teams: teams.map(({ id, name }) => ({ id, name })),
      team: team ?? null,
      totalReps: queue.totalReps,
      overdueCount: queue.overdueCount,
      reps: reps.map((r) => ({
        ...r,
        items: r.items.slice(0, QUEUE_ITEMS_PER_REP).map(withTarget),
        /** The rest of the rep's items, in the same order (shown folded). */
        more: r.items.slice(QUEUE_ITEMS_PER_REP).map(withTarget),
        unrated: r.items.length === 0,
        tendency: r.tendency && tendencySentence(r.tendency, "coach"),
        agreement: r.agreement && agreementSentence(r.agreement, "coach"),
        scale: r.scale && r.tendency ? scaleItem(r.scale, r.tendency) : null,
      })),
      /** The teams with a roll-up; their rows only when at most ROLLUP_TEAMS_AT_ONCE of them. */
      ratedTeams: queue.rollups?.ratedTeams ?? 0,
      teamRollups: rollups.teams,
      // The organisation roll-up is the admin's: across every team (not when one team is picked).
      organisationRollup: isAdmin && !team ? rollups.organisation : null,
    };
  },
);

/** The plans a viewer sees: coaches every status, the rep their active and finished plans (never dropped ones). */
const REP_PLAN_STATUSES: readonly PlanStatus[] = ["active", "done"];

async function plansFor(db: DbOrTx, orgId: string, repUserId: string, viewerIsRep: boolean, leaderCycleIds: string[] | undefined) {
  const rows = await listPlans(db, orgId, { repUserId, statuses: viewerIsRep ? REP_PLAN_STATUSES : undefined, leaderCycleIds });
  return rows.map(planView);
}

/**
 * One rep's coaching: plans, 1:1 notes and, for a coach, what to coach on next and the proposed agenda of the
 * next 1:1. The rep sees their own plans (scores only where their results are shared, cycle by cycle) and the
 * notes shared with them; the query for notes takes the viewer, so no one else's private note is ever read.
 */
export const loadRepCoaching = memberLoader(
  {
    route: "/o/[slug]/reps/[repId]/coaching",
    permission: "rep.viewResults",
    input: repCoachingPageSchema,
    target: (input, { db, org }) => repTarget(db, org.id, input.repId),
    expect: { allow: ["admin", "leader", "coLeader", "rep"] },
  },
  async ({ db, org, member, user }, { repId }) => {
    const viewerIsRep = member.userId === repId;
    const [states, cycles, notes] = await Promise.all([
      listRepAssessmentStates(db, org.id, repId),
      listCycles(db, org.id),
      listNotesVisibleTo(db, org.id, repId, member.userId),
    ]);
    const stateOf = new Map(states.map((s) => [s.cycleId, s]));
    const noteView = notes.map((n) => ({
      id: n.id,
      heldOn: n.heldOn,
      body: n.body,
      shared: n.shared,
      authorName: n.authorName,
      own: n.authorUserId === member.userId,
      behaviours: n.behaviours,
    }));

    if (viewerIsRep) {
      const visibleCycles = repLeaderCycleIds(org.blindMode, cycles, states);
      return {
        slug: org.slug,
        viewerIsRep: true as const,
        rep: { userId: repId, name: user.name },
        today: todayIn(org.timeZone),
        plans: await plansFor(db, org.id, repId, true, visibleCycles),
        notes: noteView,
        coach: null,
      };
    }

    const [queue, plans] = await Promise.all([buildCoachingQueue(db, org, { repUserId: repId }), plansFor(db, org.id, repId, false, undefined)]);
    const rep = queue.reps[0];
    if (!rep) throw new Refusal("not_found");
    const cycle = queue.cycle ? cycles.find((c) => c.id === queue.cycle!.id) : undefined;
    const state = cycle ? stateOf.get(cycle.id) : undefined;
    const revealed = Boolean(cycle) && repSeesLeader(org.blindMode, state) && coachSeesSelf(org.blindMode, state);
    const since = state?.sharedAt ?? cycle?.openedAt ?? null;
    const sinceDay = since ? dateInZone(since, org.timeZone) : null;
    const wroteSince = noteView.some((n) => n.own && sinceDay !== null && n.heldOn >= sinceDay);
    const agenda = revealed && !wroteSince && cycle ? agendaItems(rep.items) : [];
    return {
      slug: org.slug,
      viewerIsRep: false as const,
      rep: { userId: rep.userId, name: rep.name },
      today: queue.today,
      plans,
      notes: noteView,
      coach: {
        canCoach: can(member, "rep.coach", { repTeamId: rep.teamId }),
        teamName: rep.teamName,
        cadenceDays: queue.cadenceDays,
        oneOnOne: rep.oneOnOne,
        cycle: queue.cycle,
        selfVisible: rep.selfVisible,
        legend: labelLegend(queue.thresholds, "coach", queue.basis),
        items: rep.items.map(withTarget),
        behaviours: queue.behaviours,
        agenda: agenda.length > 0 && cycle ? { text: agendaText(cycle.name, agenda), behaviourIds: agenda.map((i) => i.behaviourId) } : null,
      },
    };
  },
);

export type CoachingQueuePage = Awaited<ReturnType<typeof loadCoachingQueue>>;
export type RepCoachingPage = Awaited<ReturnType<typeof loadRepCoaching>>;
