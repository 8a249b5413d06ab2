import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership, updateOrganisation } from "@/db/queries/organisations";
import { insertTeamLeader } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { auditEvents, interactions, relationships } from "@/db/schema";
import { addDepartment, addStarterDepartments, archiveDepartment } from "@/lib/departments/actions";
import { registeredEntries } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { MATRIX_IDS, prepareDepartments, prepareRelationship } from "../support/matrix/relationships";
import { snapshotTables } from "../support/snapshot";
import {
  addAction,
  addGoal,
  createRelationship,
  logInteraction,
  setActionDone,
  setGoalAchieved,
  setRelationshipPriority,
  updateRelationship,
} from "@/lib/relationships/actions";
import { loadRelationship, loadRelationshipsPage, type RelationshipPage, type RelationshipsPage } from "@/lib/relationships/loaders";
import { seedLargeRelationships } from "@/scripts/seed/demo-relationships";

const testDb = withTestDatabase();
void loadRelationshipsPage;
void loadRelationship;

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} is not registered`);
  return found;
}

async function list(f: MatrixFixture) {
  return entry("/o/[slug]/relationships").call(f.slug, {});
}
async function listOk(f: MatrixFixture) {
  const outcome = await list(f);
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as RelationshipsPage;
}
async function detail(f: MatrixFixture, relationshipId: string) {
  return entry("/o/[slug]/relationships/[relationshipId]").call(f.slug, { relationshipId });
}
async function detailOk(f: MatrixFixture, relationshipId: string) {
  const outcome = await detail(f, relationshipId);
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as RelationshipPage;
}

const form = {
  departmentId: MATRIX_IDS.department,
  counterpartName: "Pat Purchasing",
  counterpartTitle: "",
  status: "neutral",
  trust: "3",
  nextStep: "",
  nextStepDue: "",
  cadenceDays: "30",
};

async function created(f: MatrixFixture, persona: Persona, values: Record<string, string> = {}) {
  actAs(f, persona);
  const outcome = await createRelationship(f.slug, { ...form, ...values });
  if (outcome.status !== "ok") throw new Error(JSON.stringify(outcome));
  return outcome.data.relationshipId;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("who sees which relationships", () => {
  it("leaders see their own, admins all, reps none; another leader's is forbidden, another organisation's not found", async () => {
    const f = await createMatrixOrganisation(testDb());
    await prepareDepartments(testDb(), f);
    const mine = await created(f, "leader", { counterpartName: "Lee's counterpart" });
    const theirs = await created(f, "otherLeader", { counterpartName: "Olu's counterpart" });

    actAs(f, "leader");
    expect((await listOk(f)).relationships.map((r) => r.counterpartName)).toEqual(["Lee's counterpart"]);
    expect(await detail(f, theirs)).toMatchObject({ code: "forbidden" });
    actAs(f, "coLeader"); // leads the same team, but does not keep Lee's relationship
    expect((await listOk(f)).relationships).toEqual([]);
    expect(await detail(f, mine)).toMatchObject({ code: "forbidden" });

    actAs(f, "admin");
    const all = await listOk(f);
    expect(all.relationships.map((r) => [r.counterpartName, r.ownerName]).sort()).toEqual([
      ["Lee's counterpart", "Lee Leader"],
      ["Olu's counterpart", "Olu Otherleader"],
    ]);
    expect((await detailOk(f, theirs)).relationship.counterpartName).toBe("Olu's counterpart");

    for (const persona of ["rep", "otherRep"] as const) {
      actAs(f, persona);
      expect(await list(f)).toMatchObject({ code: "forbidden" });
      expect(await detail(f, mine)).toMatchObject({ code: "forbidden" });
    }
    actAs(f, "outsider");
    expect(await list(f)).toMatchObject({ code: "not_found" });

    // Another organisation's relationship id, asked for through this organisation: not found, nothing changes.
    const other = await createMatrixOrganisation(testDb());
    await prepareRelationship(testDb(), other);
    actAs(f, "admin");
    expect(await detail(f, MATRIX_IDS.relationship)).toMatchObject({ code: "not_found" });
    const before = await snapshotTables(testDb());
    expect(await addGoal(f.slug, { relationshipId: MATRIX_IDS.relationship, text: "Sneak in" })).toMatchObject({ code: "not_found" });
    actAs(f, "leader");
    expect(
      await logInteraction(f.slug, { relationshipId: MATRIX_IDS.relationship, kind: "lunch", occurredOn: "2026-01-05", trustAfter: 3 }),
    ).toMatchObject({ code: "not_found" });
    expect(await snapshotTables(testDb())).toEqual(before);
  });
});

describe("interactions", () => {
  it("restart the cadence on a lunch, a one-on-one or a call, not on a group meeting; trust follows the latest", async () => {
    const f = await createMatrixOrganisation(testDb());
    await prepareDepartments(testDb(), f);
    const id = await created(f, "leader", { cadenceDays: "30" });
    const log = (kind: string, occurredOn: string, trustAfter: number) =>
      logInteraction(f.slug, { relationshipId: id, kind, occurredOn, trustAfter: String(trustAfter) });

    expect(await log("lunch", "2026-01-05", 2)).toMatchObject({ status: "ok", data: { restartsCadence: true } });
    expect((await detailOk(f, id)).contact).toMatchObject({ lastContactOn: "2026-01-05", dueOn: "2026-02-04" });
    expect(await log("meeting", "2026-01-20", 4)).toMatchObject({ status: "ok", data: { restartsCadence: false } });
    let page = await detailOk(f, id);
    expect(page.contact).toMatchObject({ lastContactOn: "2026-01-05", dueOn: "2026-02-04" });
    expect(page.relationship.trust).toBe(4);
    for (const [kind, on] of [
      ["one_on_one", "2026-02-01"],
      ["call", "2026-02-10"],
    ] as const) {
      expect((await log(kind, on, 3)).status).toBe("ok");
      expect((await detailOk(f, id)).contact.lastContactOn).toBe(on);
    }
    // An older interaction logged late keeps the current trust and the later contact.
    expect((await log("lunch", "2026-01-02", 1)).status).toBe("ok");
    page = await detailOk(f, id);
    expect(page.relationship.trust).toBe(3);
    expect(page.contact.lastContactOn).toBe("2026-02-10");
    expect(page.trustLine.map((p) => p.trust)).toEqual([1, 2, 4, 3, 3]);
    expect((await listOk(f)).relationships[0]!.lastContactOn).toBe("2026-02-10");

    const events = await testDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "relationship.logInteraction")));
    expect(events).toHaveLength(5);
  });

  it("refuse bad input with a clear message per field and give back what was typed", async () => {
    const f = await createMatrixOrganisation(testDb());
    await prepareRelationship(testDb(), f);
    actAs(f, "leader");
    const before = await snapshotTables(testDb());
    const long = "x".repeat(1001);
    const typed = {
      relationshipId: MATRIX_IDS.relationship,
      kind: "lunch",
      occurredOn: "2026-02-30",
      weFrustrateThem: long,
      theyFrustrateUs: "Late answers",
      notes: "",
      trustAfter: "6",
    };
    const refused = await logInteraction(f.slug, typed);
    expect(refused).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: {
        occurredOn: "Enter a real date, like 2027-03-31.",
        weFrustrateThem: "Keep this answer to 1000 characters or fewer.",
        trustAfter: "Choose a trust level from 1 to 5.",
      },
      values: { theyFrustrateUs: "Late answers", weFrustrateThem: long },
    });
    const future = await logInteraction(f.slug, { ...typed, occurredOn: "2099-01-01", weFrustrateThem: "ok", trustAfter: "3" });
    expect(future).toMatchObject({
      fieldErrors: { occurredOn: expect.stringContaining("in the future") },
      values: { theyFrustrateUs: "Late answers" },
    });
    expect(await createRelationship(f.slug, { ...form, counterpartName: " ", nextStepDue: "2027-01-01" })).toMatchObject({
      fieldErrors: { counterpartName: "Enter the counterpart's name." },
    });
    expect(await createRelationship(f.slug, { ...form, nextStepDue: "2027-01-01" })).toMatchObject({
      fieldErrors: { nextStep: "Describe the next step, or clear its due date." },
    });
    expect(await createRelationship(f.slug, { ...form, departmentId: "" })).toMatchObject({ fieldErrors: { departmentId: "Choose a department." } });
    expect(await addAction(f.slug, { relationshipId: MATRIX_IDS.relationship, description: "Call", owner: "nobody", dueOn: "" })).toMatchObject({
      fieldErrors: { owner: "Choose who owns the action: us or them.", dueOn: "Enter the due date." },
    });
    expect(await snapshotTables(testDb())).toEqual(before);
  });
});

describe("relationships", () => {
  it("have at most one 'first to develop' per owner, and archived departments are not offered", async () => {
    const f = await createMatrixOrganisation(testDb());
    await prepareDepartments(testDb(), f);
    const a = await created(f, "leader", { priority: "on", counterpartName: "A" });
    const b = await created(f, "leader", { counterpartName: "B" });
    const other = await created(f, "otherLeader", { priority: "on", counterpartName: "O" });
    actAs(f, "leader");
    expect((await listOk(f)).needsPriority).toBe(false);
    expect((await setRelationshipPriority(f.slug, { relationshipId: b, priority: true })).status).toBe("ok");
    const rows = await testDb()
      .select({ id: relationships.id, priority: relationships.priority })
      .from(relationships)
      .where(eq(relationships.orgId, f.orgId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.priority]))).toEqual({ [a]: false, [b]: true, [other]: true });
    expect((await setRelationshipPriority(f.slug, { relationshipId: b, priority: false })).status).toBe("ok");
    expect((await listOk(f)).needsPriority).toBe(true);

    actAs(f, "admin");
    expect((await archiveDepartment(f.slug, { departmentId: MATRIX_IDS.department })).status).toBe("ok");
    actAs(f, "leader");
    expect(await createRelationship(f.slug, form)).toMatchObject({ fieldErrors: { departmentId: "Choose a department from the list." } });
    // Editing a relationship of the archived department still works.
    expect((await updateRelationship(f.slug, { ...form, relationshipId: a, counterpartName: "A2" })).status).toBe("ok");
    expect((await detailOk(f, a)).departments.map((d) => d.name)).toContain("Finance");
    expect((await listOk(f)).departments.map((d) => d.name)).not.toContain("Finance");
  });

  it("log only what an edit changed, before and after", async () => {
    const f = await createMatrixOrganisation(testDb());
    await prepareRelationship(testDb(), f);
    actAs(f, "leader");
    const edit = {
      ...form,
      relationshipId: MATRIX_IDS.relationship,
      counterpartName: "Fran Finance",
      counterpartTitle: "Controller",
      trust: "4",
      nextStep: "Lunch in March",
    };
    expect((await updateRelationship(f.slug, edit)).status).toBe("ok");
    const [event] = await testDb()
      .select({ before: auditEvents.before, after: auditEvents.after, label: auditEvents.targetLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "relationship.update")));
    expect(event).toEqual({ before: { trust: 2, nextStep: null }, after: { trust: 4, nextStep: "Lunch in March" }, label: "Fran Finance (Finance)" });
  });

  it("keep goals and actions, child ids checked against the relationship", async () => {
    const f = await createMatrixOrganisation(testDb());
    await prepareRelationship(testDb(), f);
    const mine = await created(f, "leader", { counterpartName: "Second" });
    actAs(f, "leader");
    expect((await setGoalAchieved(f.slug, { relationshipId: MATRIX_IDS.relationship, goalId: MATRIX_IDS.goal, achieved: true })).status).toBe("ok");
    expect(await setGoalAchieved(f.slug, { relationshipId: mine, goalId: MATRIX_IDS.goal, achieved: true })).toMatchObject({ code: "not_found" });
    expect(await setActionDone(f.slug, { relationshipId: mine, actionId: MATRIX_IDS.action, done: true })).toMatchObject({ code: "not_found" });
    expect(
      await addAction(f.slug, { relationshipId: mine, interactionId: MATRIX_IDS.interaction, description: "x", owner: "us", dueOn: "2027-01-01" }),
    ).toMatchObject({ code: "not_found" });
    expect((await setActionDone(f.slug, { relationshipId: MATRIX_IDS.relationship, actionId: MATRIX_IDS.action, done: true })).status).toBe("ok");
    const page = await detailOk(f, MATRIX_IDS.relationship);
    expect(page.goals[0]!.achievedAt).not.toBeNull();
    expect(page.actions[0]!.doneAt).not.toBeNull();
  });
});

describe("departments", () => {
  it("start from the usual five, with unique names", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect(await addStarterDepartments(f.slug, {})).toMatchObject({ status: "ok", data: { added: 5 } });
    expect(await addStarterDepartments(f.slug, {})).toMatchObject({ code: "conflict" });
    expect(await addDepartment(f.slug, { name: "finance" })).toMatchObject({ fieldErrors: { name: "A department with this name already exists." } });
    expect((await addDepartment(f.slug, { name: "Credit control" })).status).toBe("ok");
    expect((await listOk(f)).departments.map((d) => d.name)).toEqual([
      "Credit control",
      "Customer service",
      "Distribution",
      "Finance",
      "Operations",
      "Purchasing",
    ]);
  });
});

describe("overdue, in the organisation's time zone", () => {
  it("flags contacts, next steps and actions from the day after they are due, counted in Chicago", async () => {
    const f = await createMatrixOrganisation(testDb());
    await updateOrganisation(testDb(), f.orgId, { name: "Matrix", timeZone: "America/Chicago", blindMode: true });
    await prepareRelationship(testDb(), f); // lunch on 2027-01-15, action due 2027-02-01, cadence 30 -> contact due 2027-02-14
    await testDb()
      .update(relationships)
      .set({ nextStep: "Lunch", nextStepDue: "2027-02-14" })
      .where(and(eq(relationships.orgId, f.orgId), eq(relationships.id, MATRIX_IDS.relationship)));
    await testDb()
      .update(relationships)
      .set({ createdAt: new Date("2027-01-01T12:00:00Z") })
      .where(and(eq(relationships.orgId, f.orgId), eq(relationships.id, MATRIX_IDS.relationship)));
    actAs(f, "leader");
    vi.useFakeTimers({ toFake: ["Date"] });

    // 23:30 on 14 Feb in Chicago (05:30 UTC on the 15th): due today, not overdue. The action (due 1 Feb) is.
    vi.setSystemTime(new Date("2027-02-15T05:30:00Z"));
    let row = (await listOk(f)).relationships[0]!;
    expect(row.contact).toMatchObject({ dueOn: "2027-02-14", overdue: false, daysLeft: 0 });
    expect(row.nextStepOverdue).toBe(false);
    expect(row.actionsOverdue).toBe(true);

    // 00:30 on 15 Feb in Chicago: a day late.
    vi.setSystemTime(new Date("2027-02-15T06:30:00Z"));
    const page = await listOk(f);
    row = page.relationships[0]!;
    expect(row.contact).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(row.nextStepOverdue).toBe(true);
    expect(page.flags).toEqual({ contacts: 1, nextSteps: 1, actions: 1 });
    const one = await detailOk(f, MATRIX_IDS.relationship);
    expect(one.contact.overdue).toBe(true);
    expect(one.relationship.nextStepOverdue).toBe(true);
    expect(one.actions[0]!.overdue).toBe(true);
  });
});

describe("query counts", () => {
  async function populated(leaders: number, perLeader: number, interactionsEach: number) {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    const ids = [f.users.leader];
    for (let i = 1; i < leaders; i++) {
      const u = await insertUser(db, { name: `Leader ${i}`, email: `leader${i}.${crypto.randomUUID().slice(0, 8)}@example.test`, passwordHash: "x" });
      await insertMembership(db, f.orgId, { userId: u.id, role: "leader" });
      await insertTeamLeader(db, f.orgId, f.otherTeamId, u.id);
      ids.push(u.id);
    }
    await seedLargeRelationships(db, f.orgId, ids, { perLeader, interactionsEach });
    const [first] = await db
      .select({ id: relationships.id })
      .from(relationships)
      .where(and(eq(relationships.orgId, f.orgId), eq(relationships.ownerUserId, f.users.leader)))
      .limit(1);
    return { f, relationshipId: first!.id };
  }

  it("are the same, small and exact, for the list and the detail page at two sizes", async () => {
    const small = await populated(2, 2, 2);
    const large = await populated(12, 8, 25);

    const counts = [];
    for (const { f, relationshipId } of [small, large]) {
      actAs(f, "admin");
      const admin = await countQueries(() => list(f));
      const adminDetail = await countQueries(() => detail(f, relationshipId));
      actAs(f, "leader");
      const leader = await countQueries(() => list(f));
      const leaderDetail = await countQueries(() => detail(f, relationshipId));
      for (const r of [admin, adminDetail, leader, leaderDetail]) expect(r.result.status).toBe("ok");
      counts.push([admin.queries, adminDetail.queries, leader.queries, leaderDetail.queries]);
      const rows = (admin.result as { data: RelationshipsPage }).data.relationships;
      expect(rows.length).toBe(f === small.f ? 4 : 96);
      const log = (adminDetail.result as { data: RelationshipPage }).data.interactions;
      expect(log.length).toBe(f === small.f ? 2 : 25);
      const links = (adminDetail.result as { data: RelationshipPage }).data.checkIns;
      expect(links.map((c) => c.status).sort()).toEqual(["answered", "waiting"]);
    }
    // list: session, scope, membership, relationships, departments. detail: + relationship, goals, log, actions,
    // departments, check-in links; a leader's detail also looks up who keeps the relationship (the permission target).
    expect(counts[0]).toEqual([5, 9, 5, 10]);
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe("the large-organisation generator", () => {
  it("writes relationships, interactions, goals and actions for each leader", async () => {
    const f = await createMatrixOrganisation(testDb());
    await seedLargeRelationships(testDb(), f.orgId, [f.users.leader, f.users.otherLeader], { perLeader: 2, interactionsEach: 3 });
    const rows = await testDb().select({ loggedBy: interactions.loggedBy }).from(interactions).where(eq(interactions.orgId, f.orgId));
    expect(rows).toHaveLength(12);
    actAs(f, "otherLeader");
    const page = await listOk(f);
    expect(page.relationships).toHaveLength(2);
    expect(page.relationships.every((r) => r.openGoals === 1 && r.achievedGoals === 1 && r.openActions === 2)).toBe(true);
  });
});
