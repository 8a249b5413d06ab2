import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/db/queries/accounts";
import { insertNote, insertPlan, insertPlanActions, setCoachingPlanActionDone } from "@/db/queries/coaching";
import { insertMembership, insertOrganisation } from "@/db/queries/organisations";
import { insertTeam, insertTeamLeader } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { assessments, cycles, memberships, ratings, selfRatings } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { loadCoachingQueue, type CoachingQueuePage } from "@/lib/coaching/loaders";
import { loadDashboard, type Dashboard } from "@/lib/dashboards/loaders";
import { addDays, todayIn } from "@/lib/dates";
import { FIRST_TEAMS, heatmapTable } from "@/lib/dashboards/figures";
import { rowsToRead } from "@/lib/first-rows";

const testDb = withTestDatabase();
void loadDashboard; // registers the loaders
void loadCoachingQueue;

function entry(name = "/o/[slug]") {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} is not registered`);
  return found;
}

/** The coaching page's queue as `persona` sees it: what the dashboard's figures are checked against. */
async function coachingPage(f: MatrixFixture, persona: Persona): Promise<CoachingQueuePage> {
  actAs(f, persona);
  const outcome = await entry("/o/[slug]/coaching").call(f.slug, {});
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as CoachingQueuePage;
}

async function dashboard(f: MatrixFixture, persona: Persona, searchParams = {}): Promise<Dashboard> {
  actAs(f, persona);
  const outcome = await entry().call(f.slug, searchParams);
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as Dashboard;
}

/**
 * The hand-computed fixture. Open cycle Q2 (behaviours b0, b1, b2):
 *   Team A  rep      2 4 3  (self-assessment submitted)
 *           otherRep 4 · ·  (draft)          the deactivated rep is not counted
 *   Team B  repB     1 2 5  (not started)
 * Closed cycle Q1: rep b0=1 b1=3; repB b0=2.
 * Self ratings in Q2: rep 5 4 1 (submitted: the coach sees them; gaps +3 blind spot, 0 agreed strength,
 * -2 hidden strength); otherRep 1 · · (a draft: hidden from the coach by blind mode).
 */
async function ratedOrganisation(db: Db) {
  const f = await createMatrixOrganisation(db);
  const repB = (await insertUser(db, { name: "Bea Bravo", email: `bea.${f.orgId}@example.test`, passwordHash: "x" })).id;
  await insertMembership(db, f.orgId, { userId: repB, role: "rep", teamId: f.otherTeamId });
  const [b0, b1, b2] = f.behaviourIds;
  const rate = (cycleId: string, repUserId: string, behaviourId: string, score: number) => ({
    orgId: f.orgId,
    cycleId,
    repUserId,
    behaviourId,
    score,
    updatedBy: f.users.admin,
  });
  const { open, closed } = f.cycles;
  await db
    .insert(ratings)
    .values([
      rate(open, f.users.rep, b0, 2),
      rate(open, f.users.rep, b1, 4),
      rate(open, f.users.rep, b2, 3),
      rate(open, f.users.otherRep, b0, 4),
      rate(open, repB, b0, 1),
      rate(open, repB, b1, 2),
      rate(open, repB, b2, 5),
      rate(closed, f.users.rep, b0, 1),
      rate(closed, f.users.rep, b1, 3),
      rate(closed, repB, b0, 2),
    ]);
  await db.insert(assessments).values([
    { orgId: f.orgId, cycleId: open, repUserId: f.users.rep, submittedAt: new Date() },
    { orgId: f.orgId, cycleId: open, repUserId: f.users.otherRep },
  ]);
  const self = (repUserId: string, behaviourId: string, score: number) => ({ orgId: f.orgId, cycleId: open, repUserId, behaviourId, score });
  await db.insert(selfRatings).values([self(f.users.rep, b0, 5), self(f.users.rep, b1, 4), self(f.users.rep, b2, 1), self(f.users.otherRep, b0, 1)]);
  return { ...f, repB };
}

const PRIVATE_NOTE = "PRIVATE-SENTINEL: thinking about moving Remy to key accounts";
const SHARED_NOTE = "SHARED: agreed to recap every first meeting in writing";

/**
 * Coaching on top of the rated fixture (the organisation's time zone: Europe/London, cadence 14 days):
 * - Remy's last 1:1 was 30 days ago (a shared note and the leader's private one); Ora joined 40 days ago and
 *   never had one; Bea (Team B) had one yesterday.
 * - Remy's active plan on b0 from Q1, due 3 days ago: one action open, one done. Bea's active plan on b1 from Q2,
 *   due 2 days ago, one action open. Remy's done plan on b2 is not "active".
 */
async function coachedOrganisation(db: Db) {
  const f = await ratedOrganisation(db);
  const [b0, b1, b2] = f.behaviourIds;
  const today = todayIn("Europe/London");
  await db
    .update(memberships)
    .set({ createdAt: new Date(`${addDays(today, -40)}T12:00:00Z`) })
    .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.otherRep)));
  await insertNote(db, f.orgId, f.users.rep, f.users.leader, { heldOn: addDays(today, -30), body: SHARED_NOTE, shared: true, behaviourIds: [b0!] });
  await insertNote(db, f.orgId, f.users.rep, f.users.leader, { heldOn: addDays(today, -30), body: PRIVATE_NOTE, shared: false, behaviourIds: [] });
  await insertNote(db, f.orgId, f.repB, f.users.otherLeader, {
    heldOn: addDays(today, -1),
    body: "Bea: pipeline review.",
    shared: true,
    behaviourIds: [],
  });
  const plan = async (
    repUserId: string,
    behaviourId: string,
    cycleId: string,
    dueOn: string,
    status: "active" | "done",
    actions: { text: string; done?: boolean }[],
  ) => {
    const row = await insertPlan(db, f.orgId, { repUserId, behaviourId, cycleId, targetScore: 4, dueOn, status, createdBy: f.users.leader });
    const rows = await insertPlanActions(
      db,
      f.orgId,
      row.id,
      actions.map((a) => a.text),
    );
    for (const [i, a] of actions.entries()) if (a.done) await setCoachingPlanActionDone(db, f.orgId, rows[i]!.id, repUserId);
    return row.id;
  };
  const remyPlan = await plan(f.users.rep, b0!, f.cycles.closed, addDays(today, -3), "active", [
    { text: "Write the recap template", done: true },
    { text: "Recap the next three first meetings" },
  ]);
  await plan(f.repB, b1!, f.cycles.open, addDays(today, -2), "active", [{ text: "Bea: rehearse the price conversation" }]);
  await plan(f.users.rep, b2!, f.cycles.open, addDays(today, 30), "done", [{ text: "An action of a finished plan" }]);
  return { ...f, today, remyPlan };
}

const eqRep = (f: MatrixFixture) =>
  and(eq(assessments.orgId, f.orgId), eq(assessments.cycleId, f.cycles.open), eq(assessments.repUserId, f.users.rep));

describe("the admin dashboard", () => {
  it("shows participation, the team x behaviour heatmap, change and training topics as computed by hand", async () => {
    const f = await ratedOrganisation(testDb());
    const data = await dashboard(f, "admin");
    if (data.role !== "admin" || !data.summary) throw new Error("expected the admin dashboard with a cycle");
    const { summary } = data;
    const [b0, b1, b2] = f.behaviourIds;

    expect(summary.cycle.name).toBe("Q2");
    expect(summary.previousCycleName).toBe("Q1");
    expect(summary.participation.teams).toEqual([
      { teamId: f.teamId, teamName: "Team A", reps: 2, selfSubmitted: 1, leaderComplete: 1 },
      { teamId: f.otherTeamId, teamName: "Team B", reps: 1, selfSubmitted: 0, leaderComplete: 1 },
    ]);
    expect(summary.participation.total).toEqual({ reps: 3, selfSubmitted: 1, leaderComplete: 2 });

    const [teamA, teamB] = summary.heatmap.teams;
    expect(teamA).toMatchObject({ name: "Team A", figure: { average: 3.3, count: 4 }, change: 1.3 });
    expect(teamA!.cells).toEqual([
      { average: 3, count: 2 },
      { average: 4, count: 1 },
      { average: 3, count: 1 },
    ]);
    // The weakest behaviour: Team A has two at 3, and the framework's first of them wins.
    expect(teamA!.weakest).toMatchObject({ id: b0, average: 3 });
    expect(teamB).toMatchObject({ name: "Team B", figure: { average: 2.7, count: 3 }, change: 0.7 });
    expect(summary.heatmap.behaviours.map((b) => [b.figure?.average, b.change])).toEqual([
      [2.3, 0.8],
      [3, 0],
      [4, null],
    ]);
    expect(summary.heatmap.overall).toEqual({ figure: { average: 3, count: 7 }, change: 1 });

    // Training topics: the coaching roll-up, weakest first. Mis-seen counts only Remy's visible self ratings
    // (b0 a blind spot, b2 a hidden strength); Ora's draft is hidden from the coach by blind mode.
    expect(summary.topics).toEqual([
      {
        behaviourId: b0,
        name: "Prospecting",
        average: 2.3,
        rated: 3,
        misSeen: 1,
        spread: { low: { name: "Team B", average: 1 }, high: { name: "Team A", average: 3 }, size: 2 },
      },
      {
        behaviourId: b1,
        name: "Presenting",
        average: 3,
        rated: 2,
        misSeen: 0,
        spread: { low: { name: "Team B", average: 2 }, high: { name: "Team A", average: 4 }, size: 2 },
      },
      {
        behaviourId: b2,
        name: "Talking about money",
        average: 4,
        rated: 2,
        misSeen: 1,
        spread: { low: { name: "Team A", average: 3 }, high: { name: "Team B", average: 5 }, size: 2 },
      },
    ]);
    // ... the same behaviours, in the same order and with the same figures, as the coaching page's organisation roll-up.
    const page = await coachingPage(f, "admin");
    expect(page.organisationRollup!.slice(0, 3).map((b) => [b.behaviourId, b.average, b.rated, b.misSeen, b.spread])).toEqual(
      summary.topics.map((t) => [t.behaviourId, t.average, t.rated, t.misSeen, t.spread!.size]),
    );
    expect(data.steps.map((s) => [s.id, s.done])).toEqual([
      ["behaviours", false],
      ["people", true],
      ["cycle", true],
      // Ora (otherRep) has one behaviour of three rated: "rate every rep" is not done yet.
      ["rate", false],
      ["share", false],
    ]);
  });

  it("ticks 'rate every rep' only once every active rep has a score on every behaviour of the current cycle", async () => {
    const f = await ratedOrganisation(testDb());
    const [, b1, b2] = f.behaviourIds;
    const rateStep = async () => {
      const data = await dashboard(f, "admin");
      if (data.role !== "admin") throw new Error("expected the admin dashboard");
      return data.steps.find((s) => s.id === "rate")!.done;
    };
    expect(await rateStep()).toBe(false);
    await testDb()
      .insert(ratings)
      .values({ orgId: f.orgId, cycleId: f.cycles.open, repUserId: f.users.otherRep, behaviourId: b1!, score: 3, updatedBy: f.users.admin });
    expect(await rateStep()).toBe(false);
    await testDb()
      .insert(ratings)
      .values({ orgId: f.orgId, cycleId: f.cycles.open, repUserId: f.users.otherRep, behaviourId: b2!, score: 3, updatedBy: f.users.admin });
    expect(await rateStep()).toBe(true);
  });

  it("counts a rep without a team in 'rate every rep' (the team tallies leave them out, the rep's own do not)", async () => {
    const f = await ratedOrganisation(testDb());
    const db = testDb();
    const [b0, b1, b2] = f.behaviourIds;
    const rate = (behaviourId: string) =>
      db
        .insert(ratings)
        .values({ orgId: f.orgId, cycleId: f.cycles.open, repUserId: f.users.otherRep, behaviourId, score: 3, updatedBy: f.users.admin });
    await rate(b1!);
    await rate(b2!);
    const loner = (await insertUser(db, { name: "Lu Loner", email: `lu.${f.orgId}@example.test`, passwordHash: "x" })).id;
    await insertMembership(db, f.orgId, { userId: loner, role: "rep" });
    const rateStep = async () => {
      const data = await dashboard(f, "admin");
      if (data.role !== "admin") throw new Error("expected the admin dashboard");
      return data.steps.find((s) => s.id === "rate")!.done;
    };
    expect(await rateStep()).toBe(false);
    await db.insert(ratings).values(
      [b0!, b1!, b2!].map((behaviourId) => ({
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId: loner,
        behaviourId,
        score: 4,
        updatedBy: f.users.admin,
      })),
    );
    expect(await rateStep()).toBe(true);
  });

  it("walks a brand-new organisation through the checklist, with no figures yet", async () => {
    const db = testDb();
    const admin = (await insertUser(db, { name: "New Admin", email: `new.${Date.now()}@example.test`, passwordHash: "x" })).id;
    const org = await insertOrganisation(db, { slug: `fresh-${Date.now()}`, name: "Fresh Co", timeZone: "UTC" });
    await insertMembership(db, org.id, { userId: admin, role: "admin" });
    actAs({ users: { admin } } as unknown as MatrixFixture, "admin");
    const outcome = await entry().call(org.slug, {});
    if (outcome.status !== "ok") throw new Error(outcome.code);
    const data = outcome.data as Dashboard;
    if (data.role !== "admin") throw new Error("expected the admin dashboard");
    expect(data.summary).toBeNull();
    expect(data.steps).toHaveLength(5);
    expect(data.steps.every((s) => !s.done)).toBe(true);
  });
});

describe("the admin dashboard's cut heatmap", () => {
  it("reads the weakest teams only, and they are the first rows of the whole heatmap", async () => {
    const db = testDb();
    const f = await ratedOrganisation(db);
    const { open, closed } = f.cycles;
    const [b0, b1] = f.behaviourIds;
    // 16 more teams of one rep, named against their order of creation: averages from 1 to 5 with ties (rounded to
    // one decimal), three teams unrated now, one of them rated before.
    for (let i = 0; i < 16; i++) {
      const team = await insertTeam(db, f.orgId, `Squad ${String.fromCharCode(80 - i)}`);
      const rep = (await insertUser(db, { name: `Rep ${i}`, email: `rep${i}.${f.orgId}@example.test`, passwordHash: "x" })).id;
      await insertMembership(db, f.orgId, { userId: rep, role: "rep", teamId: team.id });
      const rate = (cycleId: string, behaviourId: string, score: number) => ({
        orgId: f.orgId,
        cycleId,
        repUserId: rep,
        behaviourId,
        score,
        updatedBy: f.users.admin,
      });
      const now = i < 13 ? [rate(open, b0!, 1 + (i % 5)), rate(open, b1!, 1 + ((i * 3) % 5))] : [];
      await db.insert(ratings).values([...now, rate(closed, b0!, 1 + ((i * 2) % 5))]);
    }
    const cut = await dashboard(f, "admin");
    const whole = await dashboard(f, "admin", { heatmap: "all" });
    if (cut.role !== "admin" || whole.role !== "admin" || !cut.summary || !whole.summary) throw new Error("expected the admin dashboards");
    const [cutTable, wholeTable] = [heatmapTable(cut.summary.heatmap), heatmapTable(whole.summary.heatmap)];
    expect(wholeTable.teams).toHaveLength(18);
    expect(cutTable.teamCount).toBe(18);
    // The 12th and 13th weakest tie (4.0): the name decides which is read.
    expect(cutTable.teams).toEqual(wholeTable.teams.slice(0, rowsToRead(FIRST_TEAMS)));
    expect([cutTable.behaviours, cutTable.overall]).toEqual([wholeTable.behaviours, wholeTable.overall]);
    // Ties in the first rows, so their order by name is what is compared.
    const averages = wholeTable.teams.slice(0, FIRST_TEAMS).map((t) => t.figure?.average);
    expect(new Set(averages).size).toBeLessThan(FIRST_TEAMS);
    expect(cut.expanded).toEqual({ participation: false, heatmap: false });
    expect(whole.expanded).toEqual({ participation: false, heatmap: true });
  });
});

describe("the leader dashboard", () => {
  it("covers only the leader's teams and lists the reps who have not submitted", async () => {
    const f = await ratedOrganisation(testDb());
    const data = await dashboard(f, "leader");
    if (data.role !== "leader" || !data.summary) throw new Error("expected the leader dashboard with a cycle");
    expect(data.summary.participation.teams.map((t) => t.teamName)).toEqual(["Team A"]);
    expect(data.summary.heatmap.teams.map((t) => [t.name, t.figure?.average])).toEqual([["Team A", 3.3]]);
    expect(data.summary.heatmap.overall.figure).toEqual({ average: 3.3, count: 4 });
    expect(data.pending.map((p) => [p.name, p.started])).toEqual([["Ora Otherrep", true]]);
    expect(data.openCycleName).toBe("Q2");

    const other = await dashboard(f, "otherLeader");
    if (other.role !== "leader") throw new Error("expected the leader dashboard");
    expect(other.pending.map((p) => p.name)).toEqual(["Bea Bravo"]);
  });
});

describe("the leader dashboard's coaching", () => {
  it("shows the queue's top items as the coaching page ranks them, self scores only where blind mode allows", async () => {
    const f = await coachedOrganisation(testDb());
    const [b0, b1, b2] = f.behaviourIds;
    const data = await dashboard(f, "leader");
    if (data.role !== "leader") throw new Error("expected the leader dashboard");
    expect(data.coaching.cycleName).toBe("Q2");
    // By hand: the leader's lowest score first, then blind spots, then the largest gap, then framework order.
    // Ora's self rating is a draft: no self score, gap or label for her item.
    expect(data.coaching.topItems.map((i) => [i.repName, i.behaviourId, i.leader, i.self, i.gap, i.label])).toEqual([
      ["Remy Rep", b0, 2, 5, 3, "blind_spot"],
      ["Remy Rep", b2, 3, 1, -2, "hidden_strength"],
      ["Ora Otherrep", b0, 4, null, null, null],
      ["Remy Rep", b1, 4, 4, 0, "agreed_strength"],
    ]);
    // Each item is the coaching page's own item for that rep.
    const page = await coachingPage(f, "leader");
    for (const item of data.coaching.topItems) {
      const rep = page.reps.find((r) => r.userId === item.repId)!;
      const same = [...rep.items, ...rep.more].find((i) => i.behaviourId === item.behaviourId)!;
      expect([same.leader, same.self, same.gap, same.label]).toEqual([item.leader, item.self, item.gap, item.label]);
    }
  });

  it("keeps the five highest items when there are more", async () => {
    const db = testDb();
    const f = await coachedOrganisation(db);
    const extra = (await insertUser(db, { name: "Xena Extra", email: `xena.${f.orgId}@example.test`, passwordHash: "x" })).id;
    await insertMembership(db, f.orgId, { userId: extra, role: "rep", teamId: f.teamId });
    await db.insert(ratings).values(
      f.behaviourIds.map((behaviourId) => ({
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId: extra,
        behaviourId,
        score: 1,
        updatedBy: f.users.leader,
      })),
    );
    const data = await dashboard(f, "leader");
    if (data.role !== "leader") throw new Error("expected the leader dashboard");
    expect(data.coaching.topItems.map((i) => [i.repName, i.leader])).toEqual([
      ["Xena Extra", 1],
      ["Xena Extra", 1],
      ["Xena Extra", 1],
      ["Remy Rep", 2],
      ["Remy Rep", 3],
    ]);
  });

  it("lists the reps overdue for a 1:1 and the overdue actions of their plans, for the leader's teams only", async () => {
    const f = await coachedOrganisation(testDb());
    const data = await dashboard(f, "leader");
    if (data.role !== "leader") throw new Error("expected the leader dashboard");
    expect(data.coaching.cadenceDays).toBe(14);
    expect(data.coaching.overdueOneOnOnes).toEqual({
      count: 2,
      neverMet: 1, // Ora
      reps: [
        { userId: f.users.otherRep, name: "Ora Otherrep", teamName: "Team A", lastNoteOn: null, daysSince: 40 },
        { userId: f.users.rep, name: "Remy Rep", teamName: "Team A", lastNoteOn: addDays(f.today, -30), daysSince: 30 },
      ],
    });
    expect(data.coaching.overdueActions.count).toBe(1);
    expect(data.coaching.overdueActions.actions).toEqual([
      {
        id: expect.any(String),
        description: "Recap the next three first meetings",
        repId: f.users.rep,
        repName: "Remy Rep",
        planName: "Prospecting",
        dueOn: addDays(f.today, -3),
      },
    ]);

    const other = await dashboard(f, "otherLeader");
    if (other.role !== "leader") throw new Error("expected the leader dashboard");
    expect(other.coaching.overdueOneOnOnes).toMatchObject({ count: 0, neverMet: 0 }); // Bea's 1:1 was yesterday
    expect(other.coaching.overdueActions.actions.map((a) => [a.repName, a.description, a.planName])).toEqual([
      ["Bea Bravo", "Bea: rehearse the price conversation", "Presenting"],
    ]);
    expect(other.coaching.topItems.map((i) => i.repName)).toEqual(["Bea Bravo", "Bea Bravo", "Bea Bravo"]);
  });

  it("says so when nothing is rated, nobody is overdue and no plan is past due", async () => {
    const f = await createMatrixOrganisation(testDb());
    const data = await dashboard(f, "leader");
    if (data.role !== "leader") throw new Error("expected the leader dashboard");
    expect(data.teamCount).toBe(1);
    expect(data.coaching).toMatchObject({
      cycleName: "Q2",
      topItems: [],
      overdueOneOnOnes: { count: 0, reps: [] },
      overdueActions: { count: 0, actions: [] },
    });
  });
});

describe("the leader's pending self-assessments", () => {
  it("names the first eight by name, in order, and counts every pending rep", async () => {
    const db = testDb();
    const f = await ratedOrganisation(db);
    for (let i = 0; i < 10; i++) {
      const rep = (await insertUser(db, { name: `Zed ${String(i).padStart(2, "0")}`, email: `zed.${i}.${f.orgId}@example.test`, passwordHash: "x" }))
        .id;
      await insertMembership(db, f.orgId, { userId: rep, role: "rep", teamId: f.teamId });
    }
    const data = await dashboard(f, "leader");
    if (data.role !== "leader" || !data.summary) throw new Error("expected the leader dashboard with a cycle");
    expect(data.pending.map((p) => p.name)).toEqual(["Ora Otherrep", ...Array.from({ length: 7 }, (_, i) => `Zed 0${i}`)]);
    const { reps, selfSubmitted } = data.summary.participation.total;
    expect(reps - selfSubmitted).toBe(11);
  });
});

describe("the rep dashboard", () => {
  it("holds the leader's scores only once they are shared with the rep", async () => {
    const db = testDb();
    const f = await ratedOrganisation(db);
    const before = await dashboard(f, "rep");
    if (before.role !== "rep" || !before.cycle) throw new Error("expected the rep dashboard with a cycle");
    expect(before.cycle.status).toBe("submitted");
    expect(before.cycle.seesLeader).toBe(false);
    expect(before.cycle.rows).toHaveLength(3);
    expect(before.cycle.rows.every((r) => r.leader === undefined && r.gap === null)).toBe(true);
    expect(JSON.stringify(before)).not.toContain('"leader":{');

    await db.update(assessments).set({ sharedAt: new Date(), sharedBy: f.users.leader }).where(eqRep(f));
    const after = await dashboard(f, "rep");
    if (after.role !== "rep" || !after.cycle) throw new Error("expected the rep dashboard with a cycle");
    expect(after.cycle.rows.map((r) => r.leader?.score)).toEqual([2, 4, 3]);
  });
});

describe("the rep dashboard's coaching", () => {
  it("shows the active plan and the shared notes; never a private note, and plan scores only once shared", async () => {
    const db = testDb();
    const f = await coachedOrganisation(db);
    const before = await dashboard(f, "rep");
    if (before.role !== "rep") throw new Error("expected the rep dashboard");
    const [plan, ...others] = before.coaching.plans;
    expect(others).toEqual([]); // the done plan is not active
    expect(plan).toMatchObject({ id: f.remyPlan, behaviourName: "Prospecting", targetScore: 4, dueOn: addDays(f.today, -3), status: "active" });
    expect(plan!.actions.map((a) => [a.description, a.done])).toEqual([
      ["Write the recap template", true],
      ["Recap the next three first meetings", false],
    ]);
    // Q1 (score then: 1) was never shared with Remy and Q2 (score now: 2) is submitted, not shared: no scores.
    expect([plan!.then, plan!.now, plan!.progress.change]).toEqual([null, null, null]);
    expect(before.coaching.notes.map((n) => [n.body, n.authorName])).toEqual([[SHARED_NOTE, "Lee Leader"]]);
    expect(before.coaching.moreNotes).toBe(false);
    const text = JSON.stringify(before);
    expect(text).not.toContain("PRIVATE-SENTINEL");
    expect(text).not.toContain('"leader":{'); // no leader rating of Q2 either
    expect(text).not.toContain('"score":2');

    // Once Q2 is shared, its score (2) is "score now"; Q1's stays hidden.
    await db.update(assessments).set({ sharedAt: new Date(), sharedBy: f.users.leader }).where(eqRep(f));
    const after = await dashboard(f, "rep");
    if (after.role !== "rep") throw new Error("expected the rep dashboard");
    expect([after.coaching.plans[0]!.then, after.coaching.plans[0]!.now]).toEqual([null, { score: 2, cycleName: "Q2" }]);
    expect(JSON.stringify(after)).not.toContain("PRIVATE-SENTINEL");

    // The leader who wrote the private note reads it on the coaching page, not on anyone's dashboard.
    const other = await dashboard(f, "otherRep");
    if (other.role !== "rep") throw new Error("expected the rep dashboard");
    expect(other.coaching).toMatchObject({ plans: [], notes: [], moreNotes: false });
  });

  it("shows the three latest shared notes and says there are more", async () => {
    const db = testDb();
    const f = await coachedOrganisation(db);
    for (let i = 1; i <= 3; i++)
      await insertNote(db, f.orgId, f.users.rep, f.users.leader, {
        heldOn: addDays(f.today, -i),
        body: `Note ${i} days ago`,
        shared: true,
        behaviourIds: [],
      });
    const data = await dashboard(f, "rep");
    if (data.role !== "rep") throw new Error("expected the rep dashboard");
    expect(data.coaching.notes.map((n) => n.body)).toEqual(["Note 1 days ago", "Note 2 days ago", "Note 3 days ago"]);
    expect(data.coaching.moreNotes).toBe(true);
  });
});

describe("the rep dashboard without an open cycle", () => {
  it("says so rather than showing the last cycle", async () => {
    const db = testDb();
    const f = await ratedOrganisation(db);
    await db
      .update(cycles)
      .set({ status: "closed", closedAt: new Date() })
      .where(and(eq(cycles.orgId, f.orgId), eq(cycles.id, f.cycles.open)));
    const data = await dashboard(f, "rep");
    expect(data.role === "rep" && data.cycle).toBeNull();
  });

  it("still shows the rep's plan and shared notes", async () => {
    const db = testDb();
    const f = await coachedOrganisation(db);
    await db
      .update(cycles)
      .set({ status: "closed", closedAt: new Date() })
      .where(and(eq(cycles.orgId, f.orgId), eq(cycles.id, f.cycles.open)));
    const data = await dashboard(f, "rep");
    if (data.role !== "rep") throw new Error("expected the rep dashboard");
    expect(data.cycle).toBeNull();
    expect(data.coaching.plans.map((p) => p.id)).toEqual([f.remyPlan]);
    expect(data.coaching.notes.map((n) => n.body)).toEqual([SHARED_NOTE]);
  });
});

describe("dashboard queries", () => {
  it("are the same, exact number for a small and a 40-team organisation, per role", async () => {
    const db = testDb();
    const small = await coachedOrganisation(db);
    const large = await coachedOrganisation(db);
    const today = todayIn("Europe/London");
    for (let i = 0; i < 38; i++) {
      const team = await insertTeam(db, large.orgId, `Extra team ${i}`);
      await insertTeamLeader(db, large.orgId, team.id, large.users.leader);
      for (let r = 0; r < 3; r++) {
        const rep = (await insertUser(db, { name: `Rep ${i}-${r}`, email: `rep.${i}.${r}.${large.orgId}@example.test`, passwordHash: "x" })).id;
        await insertMembership(db, large.orgId, { userId: rep, role: "rep", teamId: team.id });
        await db.insert(ratings).values(
          large.behaviourIds.map((behaviourId, k) => ({
            orgId: large.orgId,
            cycleId: large.cycles.open,
            repUserId: rep,
            behaviourId,
            score: 1 + ((i + r + k) % 5),
            updatedBy: large.users.admin,
          })),
        );
        await db.insert(assessments).values({ orgId: large.orgId, cycleId: large.cycles.open, repUserId: rep, submittedAt: new Date() });
        await db.insert(selfRatings).values(
          large.behaviourIds.map((behaviourId, k) => ({
            orgId: large.orgId,
            cycleId: large.cycles.open,
            repUserId: rep,
            behaviourId,
            score: 1 + ((i + 2 * r + k) % 5),
          })),
        );
        const plan = await insertPlan(db, large.orgId, {
          repUserId: rep,
          behaviourId: large.behaviourIds[r]!,
          cycleId: large.cycles.open,
          targetScore: 4,
          dueOn: addDays(today, -1),
          status: "active",
          createdBy: large.users.leader,
        });
        await insertPlanActions(db, large.orgId, plan.id, ["Practise", "Shadow a colleague"]);
        await insertNote(db, large.orgId, rep, large.users.leader, {
          heldOn: addDays(today, -20 - r),
          body: "1:1",
          shared: r % 2 === 0,
          behaviourIds: [],
        });
      }
    }
    // admin: cycles, getting started; behaviours, participation, averages; the roll-ups (one query).
    // leader: cycles, relationships, behaviours, participation, averages, pending; the coaching queue (settings,
    // cycle, behaviours, reps, assessments, leader scores, visible self scores); overdue plan actions.
    // rep: the current cycle (cycle, behaviours, assessment, self ratings); cycles, assessment states, active
    // plans, shared notes. Each plus the chain's three (the session's user, the transaction's scope, the membership).
    const expected = { admin: 9, leader: 17, rep: 11 } as const;
    for (const persona of ["admin", "leader", "rep"] as const) {
      actAs(small, persona);
      const few = await countQueries(() => entry().call(small.slug, {}));
      actAs(large, persona);
      const many = await countQueries(() => entry().call(large.slug, {}));
      expect(few.result.status).toBe("ok");
      expect(many.result.status).toBe("ok");
      expect([persona, few.queries]).toEqual([persona, expected[persona]]);
      expect([persona, many.queries]).toEqual([persona, few.queries]);
    }
    actAs(large, "admin");
    const data = (await entry().call(large.slug, {})) as { status: "ok"; data: Dashboard };
    expect(data.data.role === "admin" && data.data.summary?.participation.teams.length).toBe(40);
  });
});
