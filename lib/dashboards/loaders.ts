import { z } from "zod";
import { listCycles } from "@/db/queries/cycles";
import { gettingStartedFacts, listPendingSelfAssessments, participationByTeam, teamBehaviourAverages } from "@/db/queries/dashboards";
import { listGridBehaviours } from "@/db/queries/grid";
import { readOwnCurrentCycle } from "@/lib/assessments/own-cycle";
import { assessmentStatus } from "@/lib/assessments/visibility";
import { memberLoader, type MemberContext } from "@/lib/chain/member";
import { previousCycle } from "@/lib/grid/grid-data";
import { teamScope } from "@/lib/permissions";
import { listRelationshipsWithFlags } from "@/lib/relationships/list";
import { buildHeatmap, weakestBehaviours } from "./figures";
import { gettingStartedSteps } from "./getting-started";

/** How many pending self-assessments a leader's dashboard lists by name. */
const PENDING_LISTED = 8;

type Cycles = Awaited<ReturnType<typeof listCycles>>;

/** The cycle a dashboard reports on: the open one, else the one that opened last. */
function dashboardCycle(cycles: Cycles) {
  const cycle = cycles.find((c) => c.status === "open") ?? cycles.find((c) => c.status === "closed");
  return cycle ? { cycle, previous: previousCycle(cycles, cycle) ?? null } : null;
}

/** Participation and the team x behaviour heatmap of the scope (the whole organisation for admins). */
async function gridSummary({ db, org }: MemberContext, cycles: Cycles, teamIds: readonly string[] | undefined) {
  const current = dashboardCycle(cycles);
  if (!current) return null;
  const { cycle, previous } = current;
  const behaviours = await listGridBehaviours(db, org.id, cycle.id, cycle.status === "closed");
  const behaviourIds = behaviours.map((b) => b.id);
  const [participation, cells] = await Promise.all([
    participationByTeam(db, org.id, cycle.id, behaviourIds, teamIds),
    teamBehaviourAverages(db, org.id, previous ? [cycle.id, previous.id] : [cycle.id], behaviourIds, teamIds),
  ]);
  const heatmap = buildHeatmap(cells, {
    cycleId: cycle.id,
    previousCycleId: previous?.id ?? null,
    teams: participation.teams.map((t) => ({ id: t.teamId, name: t.teamName })),
    behaviours: behaviours.map((b) => ({ id: b.id, name: b.name })),
  });
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    previousCycleName: previous?.name ?? null,
    participation,
    heatmap,
    weakest: weakestBehaviours(heatmap),
  };
}

async function adminDashboard(ctx: MemberContext) {
  const { db, org } = ctx;
  const [cycles, facts] = await Promise.all([listCycles(db, org.id), gettingStartedFacts(db, org.id)]);
  return { role: "admin" as const, steps: gettingStartedSteps(facts), summary: await gridSummary(ctx, cycles, undefined) };
}

async function leaderDashboard(ctx: MemberContext) {
  const { db, org, member } = ctx;
  const scope = teamScope(member) ?? [];
  const [cycles, relationships] = await Promise.all([listCycles(db, org.id), listRelationshipsWithFlags(db, org, member.userId)]);
  const open = cycles.find((c) => c.status === "open");
  const [summary, pending] = await Promise.all([
    gridSummary(ctx, cycles, scope),
    open ? listPendingSelfAssessments(db, org.id, open.id, scope, PENDING_LISTED) : Promise.resolve([]),
  ]);
  return {
    role: "leader" as const,
    summary,
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

async function repDashboard({ db, org, member }: MemberContext) {
  const own = await readOwnCurrentCycle(db, org, member.userId);
  if (!own) return { role: "rep" as const, cycle: null };
  return {
    role: "rep" as const,
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
    input: z.object({}),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"], input: () => ({}) },
  },
  async (ctx) => {
    const base = { slug: ctx.org.slug, orgName: ctx.org.name, userName: ctx.user.name, userId: ctx.member.userId };
    if (ctx.member.role === "admin") return { ...base, ...(await adminDashboard(ctx)) };
    if (ctx.member.role === "leader") return { ...base, ...(await leaderDashboard(ctx)) };
    return { ...base, ...(await repDashboard(ctx)) };
  },
);

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
