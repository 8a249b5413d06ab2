import type { DbOrTx } from "@/db/client";
import { insertDepartments, listDepartments } from "@/db/queries/relationships";
import { checkIns, interactions, relationshipActions, relationshipGoals, relationships } from "@/db/schema";
import type { ActionOwner } from "@/db/schema/enums";
import { addDays, todayIn } from "@/lib/dates";
import { hashToken, newToken } from "@/lib/tokens";
import { STARTER_DEPARTMENTS } from "@/lib/relationships/rules";
import type { SeedContext } from "./index";
import { DEMO_ORG, DEMO_TEAMS } from "./demo-people";

type Interaction = Omit<typeof interactions.$inferInsert, "orgId" | "relationshipId" | "loggedBy" | "occurredOn"> & { daysAgo: number };
type Action = { description: string; owner: ActionOwner; dueInDays: number; done?: boolean; fromInteraction?: number };
type Plan = {
  leader: 0 | 1;
  department: (typeof STARTER_DEPARTMENTS)[number];
  counterpartName: string;
  counterpartTitle: string;
  status: "strained" | "neutral" | "building" | "strong";
  trust: number;
  priority?: boolean;
  nextStep?: string;
  nextStepDueInDays?: number;
  cadenceDays: number;
  startedDaysAgo: number;
  goals: { text: string; achieved?: boolean }[];
  log: Interaction[];
  actions: Action[];
  /** Check-in links sent to the counterpart: answered ones carry the answer; the rest are still waiting. */
  checkIns?: CheckIn[];
};

type CheckIn = {
  sentDaysAgo: number;
  expiresInDays: number;
  answeredDaysAgo?: number;
  answer?: { trust: number; salesFrustratesUs: string | null; wouldHelp: string | null; respondentName: string | null };
  /** A small action made from the answer. */
  action?: { description: string; dueInDays: number };
};

/**
 * Five relationships in different states; Marcus's with purchasing is overdue for contact. Gail Porter answered
 * one check-in (she trusts sales less than Marcus thinks) and has a newer link still waiting.
 */
const PLANS: Plan[] = [
  {
    leader: 0,
    department: "Distribution",
    counterpartName: "Gail Porter",
    counterpartTitle: "Distribution manager",
    status: "building",
    trust: 3,
    priority: true,
    nextStep: "Walk the Friday dispatch with Gail",
    nextStepDueInDays: 6,
    cadenceDays: 21,
    startedDaysAgo: 75,
    goals: [
      { text: "Same-day dispatch for orders confirmed by noon" },
      { text: "No promised delivery dates without checking stock", achieved: true },
    ],
    log: [
      {
        kind: "meeting",
        daysAgo: 70,
        trustAfter: 1,
        notes: "Ops review. Gail defended her team's numbers all meeting; we did the same. Nothing moved.",
      },
      {
        kind: "lunch",
        daysAgo: 48,
        trustAfter: 2,
        weFrustrateThem: "We promise delivery dates to customers before checking stock or trucks.",
        theyFrustrateUs: "Orders sit unconfirmed for two days and we hear about delays from the customer.",
        notes: "Fell on my sword. She told her story for an hour; it was the first real conversation we have had.",
      },
      { kind: "call", daysAgo: 27, trustAfter: 3, notes: "Checked in on the stock-check rule: two weeks without a broken promise." },
      { kind: "one_on_one", daysAgo: 9, trustAfter: 3, theyFrustrateUs: "Rush orders after 3pm are refused outright, even for top accounts." },
    ],
    actions: [
      { description: "Check stock and trucks before promising a delivery date", owner: "us", dueInDays: -30, done: true, fromInteraction: 1 },
      { description: "Confirm orders within one working day", owner: "them", dueInDays: -3, fromInteraction: 1 },
      { description: "Agree a short list of accounts that may order after 3pm", owner: "us", dueInDays: 10, fromInteraction: 3 },
    ],
    checkIns: [
      {
        sentDaysAgo: 30,
        expiresInDays: 14,
        answeredDaysAgo: 26,
        answer: {
          trust: 2,
          salesFrustratesUs: "Reps still call my team directly to push orders up the queue, and promise customers times we never agreed.",
          wouldHelp: "One person in sales who owns the rush list, and a heads-up before a big promotion lands on us.",
          respondentName: "Gail Porter",
        },
        action: { description: "Name one rep to own the rush list each week", dueInDays: 5 },
      },
      { sentDaysAgo: 2, expiresInDays: 14 },
    ],
  },
  {
    leader: 0,
    department: "Purchasing",
    counterpartName: "Hector Ruiz",
    counterpartTitle: "Head of purchasing",
    status: "strained",
    trust: 2,
    nextStep: "Ask Hector to lunch",
    nextStepDueInDays: -4,
    cadenceDays: 30,
    startedDaysAgo: 90,
    goals: [{ text: "Forecast the top 20 lines together every quarter" }],
    log: [
      {
        kind: "lunch",
        daysAgo: 44,
        trustAfter: 2,
        weFrustrateThem: "Special-price deals land on his desk after the customer has already said yes.",
        theyFrustrateUs: "Supplier price rises reach us a week after customers get quotes.",
      },
      { kind: "meeting", daysAgo: 12, trustAfter: 2, notes: "Quarterly planning. Tense; he would not commit in front of his team." },
    ],
    actions: [{ description: "Send special-price requests to purchasing before quoting", owner: "us", dueInDays: -8, fromInteraction: 0 }],
  },
  {
    leader: 0,
    department: "Finance",
    counterpartName: "Irene Walsh",
    counterpartTitle: "Credit controller",
    status: "neutral",
    trust: 3,
    cadenceDays: 45,
    startedDaysAgo: 20,
    goals: [],
    log: [],
    actions: [],
  },
  {
    leader: 1,
    department: "Customer service",
    counterpartName: "Keisha Brown",
    counterpartTitle: "Customer service lead",
    status: "strong",
    trust: 5,
    priority: true,
    nextStep: "Share the new-account checklist",
    nextStepDueInDays: 14,
    cadenceDays: 30,
    startedDaysAgo: 120,
    goals: [{ text: "Every new account gets a joint welcome call", achieved: true }, { text: "Complaints reach the account's rep within a day" }],
    log: [
      { kind: "one_on_one", daysAgo: 100, trustAfter: 3, weFrustrateThem: "Reps hand over new accounts with no notes at all." },
      { kind: "lunch", daysAgo: 60, trustAfter: 4, theyFrustrateUs: "Complaints are closed without telling the rep." },
      { kind: "call", daysAgo: 5, trustAfter: 5, notes: "Welcome calls are working; two saved accounts this month." },
    ],
    actions: [
      { description: "Write handover notes for every new account", owner: "us", dueInDays: -70, done: true, fromInteraction: 0 },
      { description: "Copy the rep on every complaint closure", owner: "them", dueInDays: -20, done: true, fromInteraction: 1 },
    ],
  },
  {
    leader: 1,
    department: "Operations",
    counterpartName: "Leon Fischer",
    counterpartTitle: "Operations director",
    status: "neutral",
    trust: 3,
    nextStep: "Ask Leon what sales does that makes operations crazy",
    nextStepDueInDays: 3,
    cadenceDays: 30,
    startedDaysAgo: 40,
    goals: [{ text: "Agree lead times for custom orders" }],
    log: [{ kind: "call", daysAgo: 15, trustAfter: 3, notes: "Short call to set up a proper one-on-one." }],
    actions: [],
  },
];

/** The demo organisation's departments and five relationships, with interactions, goals and actions. */
export async function seedDemoRelationships(db: DbOrTx, ctx: SeedContext): Promise<void> {
  await insertDepartments(db, ctx.orgId, STARTER_DEPARTMENTS);
  const departmentId = new Map((await listDepartments(db, ctx.orgId)).map((d) => [d.name, d.id]));
  const today = todayIn(DEMO_ORG.timeZone);
  const day = (offset: number) => addDays(today, offset);
  for (const plan of PLANS) {
    const owner = ctx.users[DEMO_TEAMS[plan.leader]!.leader.email]!;
    const [row] = await db
      .insert(relationships)
      .values({
        orgId: ctx.orgId,
        ownerUserId: owner,
        departmentId: departmentId.get(plan.department)!,
        counterpartName: plan.counterpartName,
        counterpartTitle: plan.counterpartTitle,
        status: plan.status,
        trust: plan.trust,
        priority: plan.priority ?? false,
        nextStep: plan.nextStep ?? null,
        nextStepDue: plan.nextStepDueInDays === undefined ? null : day(plan.nextStepDueInDays),
        cadenceDays: plan.cadenceDays,
        createdAt: new Date(Date.now() - plan.startedDaysAgo * 86_400_000),
      })
      .returning({ id: relationships.id });
    const relationshipId = row!.id;
    if (plan.goals.length > 0) {
      await db.insert(relationshipGoals).values(
        plan.goals.map((g, i) => ({
          orgId: ctx.orgId,
          relationshipId,
          text: g.text,
          achievedAt: g.achieved ? new Date(Date.now() - 10 * 86_400_000) : null,
          createdAt: new Date(Date.now() - (plan.startedDaysAgo - i) * 86_400_000),
        })),
      );
    }
    const logged =
      plan.log.length > 0
        ? await db
            .insert(interactions)
            .values(plan.log.map(({ daysAgo, ...i }) => ({ ...i, orgId: ctx.orgId, relationshipId, loggedBy: owner, occurredOn: day(-daysAgo) })))
            .returning({ id: interactions.id })
        : [];
    if (plan.actions.length > 0) {
      await db.insert(relationshipActions).values(
        plan.actions.map((a) => ({
          orgId: ctx.orgId,
          relationshipId,
          interactionId: a.fromInteraction === undefined ? null : logged[a.fromInteraction]!.id,
          description: a.description,
          owner: a.owner,
          dueOn: day(a.dueInDays),
          doneAt: a.done ? new Date(Date.now() + (a.dueInDays - 2) * 86_400_000) : null,
        })),
      );
    }
    for (const c of plan.checkIns ?? []) {
      const sentAt = new Date(Date.now() - c.sentDaysAgo * 86_400_000);
      const [link] = await db
        .insert(checkIns)
        .values({
          orgId: ctx.orgId,
          relationshipId,
          tokenHash: hashToken(newToken()), // the demo's links were sent long ago: nobody holds their tokens
          createdBy: owner,
          createdAt: sentAt,
          expiresAt: new Date(sentAt.getTime() + c.expiresInDays * 86_400_000),
          ...(c.answer && { answeredAt: new Date(Date.now() - (c.answeredDaysAgo ?? 0) * 86_400_000), ...c.answer }),
        })
        .returning({ id: checkIns.id });
      if (c.action) {
        await db.insert(relationshipActions).values({
          orgId: ctx.orgId,
          relationshipId,
          checkInId: link!.id,
          description: c.action.description,
          owner: "us",
          dueOn: day(c.action.dueInDays),
        });
      }
    }
  }
}

/**
 * Relationships for the large organisation (tests and benchmarks): per leader, `perLeader` relationships, each
 * with `interactionsEach` interactions, two goals, three actions and two check-in links (one answered, one
 * waiting). Adds the usual departments if missing.
 */
export async function seedLargeRelationships(
  db: DbOrTx,
  orgId: string,
  leaderIds: readonly string[],
  options: { perLeader?: number; interactionsEach?: number } = {},
): Promise<void> {
  const { perLeader = 3, interactionsEach = 6 } = options;
  await insertDepartments(db, orgId, STARTER_DEPARTMENTS);
  const departments = await listDepartments(db, orgId);
  const today = todayIn("UTC");
  const kinds = ["lunch", "one_on_one", "call", "meeting"] as const;
  const statuses = ["strained", "neutral", "building", "strong"] as const;
  const rows = leaderIds.flatMap((ownerUserId, l) =>
    Array.from({ length: perLeader }, (_, r) => ({
      orgId,
      id: crypto.randomUUID(),
      ownerUserId,
      departmentId: departments[(l + r) % departments.length]!.id,
      counterpartName: `Counterpart ${l + 1}-${r + 1}`,
      counterpartTitle: "Manager",
      status: statuses[(l + r) % statuses.length]!,
      trust: ((l + r) % 5) + 1,
      priority: r === 0,
      nextStep: "Lunch",
      nextStepDue: addDays(today, ((l * 7 + r * 3) % 30) - 10),
      cadenceDays: 30,
    })),
  );
  const chunk = <T>(items: T[], size = 500) =>
    Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
  for (const part of chunk(rows)) await db.insert(relationships).values(part);
  const log = rows.flatMap((r, n) =>
    Array.from({ length: interactionsEach }, (_, i) => ({
      orgId,
      id: crypto.randomUUID(),
      relationshipId: r.id,
      kind: kinds[(n + i) % kinds.length]!,
      occurredOn: addDays(today, -(interactionsEach - i) * 12),
      weFrustrateThem: i % 2 === 0 ? "Late changes to orders." : null,
      theyFrustrateUs: i % 3 === 0 ? "Slow answers on credit." : null,
      trustAfter: ((n + i) % 5) + 1,
      loggedBy: r.ownerUserId,
    })),
  );
  for (const part of chunk(log)) await db.insert(interactions).values(part);
  const goals = rows.flatMap((r) =>
    [0, 1].map((g) => ({ orgId, relationshipId: r.id, text: `Joint goal ${g + 1}`, achievedAt: g === 0 ? new Date() : null })),
  );
  for (const part of chunk(goals)) await db.insert(relationshipGoals).values(part);
  const actions = rows.flatMap((r, n) =>
    [0, 1, 2].map((a) => ({
      orgId,
      relationshipId: r.id,
      description: `Small action ${a + 1}`,
      owner: a % 2 === 0 ? ("us" as const) : ("them" as const),
      dueOn: addDays(today, (n % 20) - 10 + a * 5),
      doneAt: a === 0 ? new Date() : null,
    })),
  );
  for (const part of chunk(actions)) await db.insert(relationshipActions).values(part);
  // Per relationship one answered check-in and one still waiting (tokens nobody holds: only hashes are kept).
  const links = rows.flatMap((r, n) => [
    {
      orgId,
      relationshipId: r.id,
      tokenHash: hashToken(newToken()),
      createdBy: r.ownerUserId,
      createdAt: new Date(Date.now() - 40 * 86_400_000),
      expiresAt: new Date(Date.now() - 26 * 86_400_000),
      answeredAt: new Date(Date.now() - 35 * 86_400_000),
      trust: ((n + 2) % 5) + 1,
      salesFrustratesUs: "Orders changed after picking.",
      wouldHelp: "A weekly call.",
      respondentName: null,
    },
    { orgId, relationshipId: r.id, tokenHash: hashToken(newToken()), createdBy: r.ownerUserId, expiresAt: new Date(Date.now() + 10 * 86_400_000) },
  ]);
  for (const part of chunk(links)) await db.insert(checkIns).values(part);
}
