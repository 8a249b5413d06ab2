import { and, eq } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { insertNote, insertPlan, insertPlanActions, scoreThenOf, setCoachingPlanActionDone } from "@/db/queries/coaching";
import type { PlanStatus } from "@/db/schema/enums";
import { assessments, coachingPlanActions, coachingPlans, oneOnOneNotes, ratings, selfRatings } from "@/db/schema";
import { addDays, todayIn } from "@/lib/dates";
import { insertInChunks } from "./chunks";
import type { SeedContextWithFramework } from "./demo-framework";
import type { SeedContext } from "./index";
import { DEMO_ORG, DEMO_TEAMS } from "./demo-people";

type PlanSeed = {
  rep: string;
  status: PlanStatus;
  /** The plan starts from last quarter (score then: Q3, now: Q4) or from this one. */
  from: "previous" | "current";
  target: number;
  dueInDays: number | null;
  actions: { text: string; done?: boolean }[];
};

type NoteSeed = { rep: string; daysAgo: number; shared: boolean; body: string; behaviours?: number };

const east = DEMO_TEAMS[0]!;
const west = DEMO_TEAMS[1]!;
const rep = (team: (typeof DEMO_TEAMS)[number], i: number) => team.reps[i]!.email;

/** Plans in every status, in both teams; Sam's is past its due date with open actions. */
const PLANS: PlanSeed[] = [
  {
    rep: rep(east, 3),
    status: "active",
    from: "previous",
    target: 4,
    dueInDays: 24,
    actions: [
      { text: "Role-play the first two minutes of a discovery call with Marcus", done: true },
      { text: "Shadow Avery on two prospecting calls" },
      { text: "Write three opening questions for the Q1 campaign" },
    ],
  },
  {
    rep: rep(east, 2),
    status: "active",
    from: "current",
    target: 3,
    dueInDays: -4,
    actions: [
      { text: "Prepare the pricing conversation before each proposal" },
      { text: "Ask finance for the margin floor on the top five products" },
    ],
  },
  {
    rep: rep(east, 1),
    status: "done",
    from: "previous",
    target: 3,
    dueInDays: -20,
    actions: [
      { text: "Book one customer lunch a month", done: true },
      { text: "Debrief each lunch with Marcus", done: true },
    ],
  },
  { rep: rep(east, 4), status: "dropped", from: "previous", target: 4, dueInDays: null, actions: [{ text: "Join the trade-show rota" }] },
  {
    rep: rep(west, 3),
    status: "active",
    from: "previous",
    target: 4,
    dueInDays: 30,
    actions: [
      { text: "Map the buying committee on the three largest accounts", done: true },
      { text: "Ask each champion for a meeting with their manager" },
    ],
  },
  {
    rep: rep(west, 2),
    status: "done",
    from: "previous",
    target: 4,
    dueInDays: -10,
    actions: [{ text: "Present the case study at the team meeting", done: true }],
  },
  { rep: rep(west, 1), status: "dropped", from: "current", target: 3, dueInDays: 40, actions: [{ text: "Rewrite the standard proposal template" }] },
];

/**
 * Private and shared notes. Avery's last 1:1 was a month ago (overdue at the default 14 days); Riley's and
 * Quinn's came before their results were shared, so the next note proposes the largest gaps as its agenda.
 */
const NOTES: (NoteSeed & { author: string })[] = [
  {
    author: east.leader.email,
    rep: rep(east, 0),
    daysAgo: 30,
    shared: true,
    body: "Good month. Agreed to focus on follow-up after first meetings: a written recap within a day.",
    behaviours: 0,
  },
  {
    author: east.leader.email,
    rep: rep(east, 1),
    daysAgo: 10,
    shared: false,
    body: "Jordan seemed distracted; mentioned a family move. Check in gently next time, no pressure on numbers.",
  },
  {
    author: east.leader.email,
    rep: rep(east, 2),
    daysAgo: 6,
    shared: true,
    body: "Walked through the Hartley proposal. Next time: state the price, then stop talking.",
    behaviours: 4,
  },
  {
    author: east.leader.email,
    rep: rep(east, 2),
    daysAgo: 6,
    shared: false,
    body: "Sam undersells on price when the buyer pushes back. Worth pairing with Riley on the next negotiation.",
  },
  {
    author: east.leader.email,
    rep: rep(east, 3),
    daysAgo: 12,
    shared: true,
    body: "Reviewed the pipeline. Riley wants to open more new doors; we set up the prospecting plan.",
    behaviours: 0,
  },
  {
    author: west.leader.email,
    rep: rep(west, 0),
    daysAgo: 3,
    shared: true,
    body: "Casey closed the Norland renewal. We talked about asking for referrals at every renewal.",
    behaviours: 2,
  },
  {
    author: west.leader.email,
    rep: rep(west, 1),
    daysAgo: 8,
    shared: false,
    body: "Taylor's forecast is optimistic again. Ask for evidence of next steps on each deal over 20k.",
  },
  {
    author: west.leader.email,
    rep: rep(west, 2),
    daysAgo: 4,
    shared: true,
    body: "Jamie presented the case study to the team: clear and confident. Keep doing it.",
    behaviours: 1,
  },
  { author: west.leader.email, rep: rep(west, 2), daysAgo: 4, shared: false, body: "Consider Jamie for the team-lead pilot in the spring." },
  {
    author: west.leader.email,
    rep: rep(west, 3),
    daysAgo: 9,
    shared: true,
    body: "Quinn is strong with champions but rarely meets the economic buyer. Plan set up.",
    behaviours: 6,
  },
];

/**
 * Coaching: plans in every status, private and shared 1:1 notes, one rep overdue for a 1:1. The demo's self and
 * leader ratings already give most labels; two self ratings are set so each team's queue shows all five.
 */
export async function seedDemoCoaching(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const framework = (ctx as SeedContextWithFramework).framework;
  if (!framework) return;
  const { behaviourIds, previousCycleId, currentCycleId } = framework;
  const today = todayIn(DEMO_ORG.timeZone);
  const leaderOf = (repEmail: string) => DEMO_TEAMS.find((t) => t.reps.some((r) => r.email === repEmail))!.leader.email;

  const rated = await db.select().from(ratings).where(eq(ratings.orgId, ctx.orgId));
  const score = (cycleId: string, repUserId: string, behaviourId: string) =>
    rated.find((r) => r.cycleId === cycleId && r.repUserId === repUserId && r.behaviourId === behaviourId)?.score ?? null;

  await completeLabels(db, ctx, currentCycleId, behaviourIds, score);

  for (const plan of PLANS) {
    const repUserId = ctx.users[plan.rep]!;
    const cycleId = plan.from === "previous" ? previousCycleId : currentCycleId;
    // The plan's focus: the rep's lowest score in its starting cycle (the framework's first on a tie).
    const behaviourId = [...behaviourIds].sort((a, b) => (score(cycleId, repUserId, a) ?? 9) - (score(cycleId, repUserId, b) ?? 9))[0]!;
    const row = await insertPlan(db, ctx.orgId, {
      repUserId,
      behaviourId,
      cycleId,
      targetScore: plan.target,
      dueOn: plan.dueInDays === null ? null : addDays(today, plan.dueInDays),
      status: plan.status,
      createdBy: ctx.users[leaderOf(plan.rep)]!,
    });
    const actions = await insertPlanActions(
      db,
      ctx.orgId,
      row.id,
      plan.actions.map((a) => a.text),
    );
    for (const [i, action] of plan.actions.entries()) if (action.done) await setCoachingPlanActionDone(db, ctx.orgId, actions[i]!.id, repUserId);
  }

  for (const note of NOTES) {
    await insertNote(db, ctx.orgId, ctx.users[note.rep]!, ctx.users[note.author]!, {
      heldOn: addDays(today, -note.daysAgo),
      body: note.body,
      shared: note.shared,
      behaviourIds: note.behaviours === undefined ? [] : [behaviourIds[note.behaviours]!],
    });
  }
}

/**
 * Team East's queue has no "aligned" item and Team West's no "agreed strength" from the formulas alone: one
 * submitted self rating each is set to match the leader's middle (East) or high (West) score.
 */
async function completeLabels(
  db: DbOrTx,
  ctx: SeedContext,
  cycleId: string,
  behaviourIds: string[],
  score: (cycleId: string, repUserId: string, behaviourId: string) => number | null,
) {
  for (const [repEmail, wanted] of [
    [rep(east, 2), (leader: number) => (leader === 3 ? 3 : null)],
    [rep(west, 2), (leader: number) => (leader >= 4 ? leader : null)],
  ] as const) {
    const repUserId = ctx.users[repEmail]!;
    for (const behaviourId of behaviourIds) {
      const leader = score(cycleId, repUserId, behaviourId);
      const self = leader === null ? null : wanted(leader);
      if (self === null) continue;
      await db
        .update(selfRatings)
        .set({ score: self })
        .where(
          and(
            eq(selfRatings.orgId, ctx.orgId),
            eq(selfRatings.cycleId, cycleId),
            eq(selfRatings.repUserId, repUserId),
            eq(selfRatings.behaviourId, behaviourId),
          ),
        );
      break;
    }
  }
}

/**
 * Queue-relevant data for a large organisation (and for tests at several sizes): in `cycleId`, two reps in
 * three submit a self-assessment (one in three of those is shared) with scores that give every label against
 * the generator's leader ratings; one rep in ten has an active plan (some past due), one a done and one a
 * dropped plan; three reps in four have a 1:1 note (half shared) within the last 25 days, the rest none.
 */
export async function seedLargeCoaching(
  db: DbOrTx,
  orgId: string,
  input: { cycleId: string; behaviourIds: readonly string[]; teams: readonly { leaderId: string; repIds: readonly string[] }[]; timeZone: string },
): Promise<void> {
  const today = todayIn(input.timeZone);
  const now = new Date();
  const states: (typeof assessments.$inferInsert)[] = [];
  const answers: (typeof selfRatings.$inferInsert)[] = [];
  // PgInsertValue: "score then" is read by the insert itself (scoreThenOf).
  const plans: (PgInsertValue<typeof coachingPlans> & { id: string })[] = [];
  const actions: (typeof coachingPlanActions.$inferInsert)[] = [];
  const notes: (typeof oneOnOneNotes.$inferInsert)[] = [];
  const statuses: Record<number, PlanStatus> = { 0: "active", 1: "done", 2: "dropped" };
  for (const team of input.teams) {
    team.repIds.forEach((repUserId, r) => {
      if (r % 3 !== 0) {
        states.push({
          orgId,
          cycleId: input.cycleId,
          repUserId,
          submittedAt: now,
          sharedAt: r % 3 === 2 ? now : null,
          sharedBy: r % 3 === 2 ? team.leaderId : null,
        });
        input.behaviourIds.forEach((behaviourId, i) =>
          answers.push({ orgId, cycleId: input.cycleId, repUserId, behaviourId, score: ((r * 2 + i * 3 + 1) % 5) + 1 }),
        );
      }
      const status = statuses[r % 10];
      if (status) {
        const id = crypto.randomUUID();
        const behaviourId = input.behaviourIds[r % input.behaviourIds.length]!;
        const scoreThen = scoreThenOf(orgId, { cycleId: input.cycleId, repUserId, behaviourId });
        plans.push({
          id,
          orgId,
          repUserId,
          behaviourId,
          cycleId: input.cycleId,
          scoreThen,
          targetScore: 4,
          dueOn: addDays(today, (r % 20) - 5),
          status,
          createdBy: team.leaderId,
        });
        actions.push({
          orgId,
          planId: id,
          description: "Practise with your leader",
          position: 1,
          doneAt: status === "done" ? now : null,
          doneBy: status === "done" ? repUserId : null,
        });
        actions.push({ orgId, planId: id, description: "Shadow a colleague", position: 2 });
      }
      if (r % 4 !== 0) {
        notes.push({
          orgId,
          repUserId,
          authorUserId: team.leaderId,
          heldOn: addDays(today, -(r % 25)),
          shared: r % 2 === 0,
          body: `1:1 number ${r + 1}: pipeline review and next steps.`,
        });
      }
    });
  }
  await insertInChunks(states, (chunk) => db.insert(assessments).values(chunk));
  await insertInChunks(answers, (chunk) => db.insert(selfRatings).values(chunk));
  await insertInChunks(plans, (chunk) => db.insert(coachingPlans).values(chunk));
  await insertInChunks(actions, (chunk) => db.insert(coachingPlanActions).values(chunk));
  await insertInChunks(notes, (chunk) => db.insert(oneOnOneNotes).values(chunk));
}
