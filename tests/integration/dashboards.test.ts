import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership, insertOrganisation } from "@/db/queries/organisations";
import { insertTeam, insertTeamLeader } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { assessments, cycles, ratings } from "@/db/schema";
import { registeredEntries, type MatrixFixture } from "@/lib/chain/registry";
import { loadDashboard, type Dashboard } from "@/lib/dashboards/loaders";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";

const testDb = withTestDatabase();
void loadDashboard; // registers the loader

function entry() {
  const found = registeredEntries().find((e) => e.name === "/o/[slug]");
  if (found?.entry !== "member") throw new Error("the dashboard is not registered");
  return found;
}

async function dashboard(f: MatrixFixture, persona: Persona): Promise<Dashboard> {
  actAs(f, persona);
  const outcome = await entry().call(f.slug, {});
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as Dashboard;
}

/**
 * The hand-computed fixture. Open cycle Q2 (behaviours b0, b1, b2):
 *   Team A  rep      2 4 3  (self-assessment submitted)
 *           otherRep 4 · ·  (draft)          the deactivated rep is not counted
 *   Team B  repB     1 2 5  (not started)
 * Closed cycle Q1: rep b0=1 b1=3; repB b0=2.
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
  await db.insert(ratings).values([
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
  return { ...f, repB };
}

const eqRep = (f: MatrixFixture) => and(eq(assessments.orgId, f.orgId), eq(assessments.cycleId, f.cycles.open), eq(assessments.repUserId, f.users.rep));

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
    expect(teamA!.cells).toEqual({ [b0]: { average: 3, count: 2 }, [b1]: { average: 4, count: 1 }, [b2]: { average: 3, count: 1 } });
    expect(teamB).toMatchObject({ name: "Team B", figure: { average: 2.7, count: 3 }, change: 0.7 });
    expect(summary.heatmap.behaviours.map((b) => [b.figure?.average, b.change])).toEqual([
      [2.3, 0.8],
      [3, 0],
      [4, null],
    ]);
    expect(summary.heatmap.overall).toEqual({ figure: { average: 3, count: 7 }, change: 1 });

    expect(summary.weakest.map((w) => [w.id, w.average, w.spread?.low.name, w.spread?.low.average, w.spread?.high.name, w.spread?.high.average])).toEqual([
      [b0, 2.3, "Team B", 1, "Team A", 3],
      [b1, 3, "Team B", 2, "Team A", 4],
      [b2, 4, "Team A", 3, "Team B", 5],
    ]);
    expect(data.steps.map((s) => [s.id, s.done])).toEqual([
      ["behaviours", false],
      ["people", true],
      ["cycle", true],
      ["rate", true],
      ["share", false],
    ]);
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
    expect(data.steps.every((s) => !s.done)).toBe(true);
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

describe("the leader's pending self-assessments", () => {
  it("names the first eight by name, in order, and counts every pending rep", async () => {
    const db = testDb();
    const f = await ratedOrganisation(db);
    for (let i = 0; i < 10; i++) {
      const rep = (await insertUser(db, { name: `Zed ${String(i).padStart(2, "0")}`, email: `zed.${i}.${f.orgId}@example.test`, passwordHash: "x" })).id;
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
    expect(before.cycle.rows.every((r) => r.leader === undefined && r.gap === null)).toBe(true);
    expect(JSON.stringify(before)).not.toContain('"leader":{');

    await db.update(assessments).set({ sharedAt: new Date(), sharedBy: f.users.leader }).where(eqRep(f));
    const after = await dashboard(f, "rep");
    if (after.role !== "rep" || !after.cycle) throw new Error("expected the rep dashboard with a cycle");
    expect(after.cycle.rows.map((r) => r.leader?.score)).toEqual([2, 4, 3]);
  });
});

describe("the rep dashboard without an open cycle", () => {
  it("says so rather than showing the last cycle", async () => {
    const db = testDb();
    const f = await ratedOrganisation(db);
    await db.update(cycles).set({ status: "closed", closedAt: new Date() }).where(and(eq(cycles.orgId, f.orgId), eq(cycles.id, f.cycles.open)));
    const data = await dashboard(f, "rep");
    expect(data.role === "rep" && data.cycle).toBeNull();
  });
});

describe("dashboard queries", () => {
  it("are the same, exact number for a small and a 40-team organisation, per role", async () => {
    const db = testDb();
    const small = await ratedOrganisation(db);
    const large = await ratedOrganisation(db);
    for (let i = 0; i < 38; i++) {
      const team = await insertTeam(db, large.orgId, `Extra team ${i}`);
      await insertTeamLeader(db, large.orgId, team.id, large.users.leader);
      for (let r = 0; r < 3; r++) {
        const rep = (await insertUser(db, { name: `Rep ${i}-${r}`, email: `rep.${i}.${r}.${large.orgId}@example.test`, passwordHash: "x" })).id;
        await insertMembership(db, large.orgId, { userId: rep, role: "rep", teamId: team.id });
        await db.insert(ratings).values(large.behaviourIds.map((behaviourId, k) => ({ orgId: large.orgId, cycleId: large.cycles.open, repUserId: rep, behaviourId, score: 1 + ((i + r + k) % 5), updatedBy: large.users.admin })));
      }
    }
    const expected = { admin: 7, leader: 8, rep: 6 } as const;
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
