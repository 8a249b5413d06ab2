import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { and, asc, eq } from "drizzle-orm";
import { auditEvents, memberships, ratings } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { rateRep } from "@/lib/grid/actions";
import { changeRole } from "@/lib/members/actions";
import { decodeGrid, parseGrid, withSaved } from "@/lib/grid/compact";
import type { GridData } from "@/lib/grid/grid-data";
import { loadGridPage } from "@/lib/grid/loaders";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { snapshotTables } from "../support/snapshot";

const testDb = withTestDatabase();
void loadGridPage;

function gridEntry() {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/grid");
  if (entry?.entry !== "member") throw new Error("grid page not registered");
  return entry;
}

/** The grid page's data, its grid decoded as the browser decodes it. */
async function loadGrid(f: MatrixFixture, view: Record<string, string> = {}) {
  const outcome = await gridEntry().call(f.slug, view);
  if (outcome.status !== "ok") throw new Error(outcome.code);
  const data = outcome.data as GridData;
  if (!data.grid) throw new Error("no grid");
  return { ...data, grid: decodeGrid(parseGrid(data.grid.payload)) };
}

/** Puts a score straight into the ratings table (null: a cleared cell). */
async function rate(f: MatrixFixture, repUserId: string, behaviourId: string, score: number | null, cycleId = f.cycles.open) {
  await testDb()
    .insert(ratings)
    .values({ orgId: f.orgId, cycleId, repUserId, behaviourId, score, updatedBy: f.users.admin })
    .onConflictDoUpdate({ target: [ratings.orgId, ratings.cycleId, ratings.repUserId, ratings.behaviourId], set: { score } });
}

describe("grid averages", () => {
  it("match a hand-computed fixture: unrated cells are not zeros, archived behaviours are left out", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2, b3] = f.behaviourIds;
    // rep:      b1=4, b2=2, b3=–        -> row 3.0 (2 ratings)
    // otherRep: b1=5, b2=–, b3=3        -> row 4.0 (2 ratings)
    // archived behaviour rated 1 for rep: must not count in an open cycle
    await rate(f, f.users.rep, b1, 4);
    await rate(f, f.users.rep, b2, 2);
    await rate(f, f.users.otherRep, b1, 5);
    await rate(f, f.users.otherRep, b3, 3);
    await rate(f, f.users.rep, f.archivedBehaviourId, 1);
    // A cleared cell (score null) counts as unrated.
    await rate(f, f.users.otherRep, b2, null);

    actAs(f, "leader");
    const { grid } = await loadGrid(f);
    expect(grid.behaviours.map((b) => b.name)).toEqual(["Prospecting", "Presenting", "Talking about money"]);
    expect(grid.averages.byRep[f.users.rep]).toEqual({ average: 3, count: 2, sum: 6 });
    expect(grid.averages.byRep[f.users.otherRep]).toEqual({ average: 4, count: 2, sum: 8 });
    expect(grid.averages.byBehaviour[b1]).toEqual({ average: 4.5, count: 2, sum: 9 });
    expect(grid.averages.byBehaviour[b2]).toEqual({ average: 2, count: 1, sum: 2 });
    expect(grid.averages.byBehaviour[b3]).toEqual({ average: 3, count: 1, sum: 3 });
    // Team overall = average of all present cells (4+2+5+3)/4 = 3.5, not the average of row averages.
    expect(grid.averages.overall).toEqual({ average: 3.5, count: 4, sum: 14 });
    expect(grid.organisation.overall).toEqual({ average: 3.5, count: 4, sum: 14 });
  });

  it("round to one decimal and count only reps of the chosen team in the team row", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1] = f.behaviourIds;
    const db = testDb();
    const westRep = await insertUser(db, { name: "Wes West", email: `wes.${crypto.randomUUID()}@example.test`, passwordHash: "x" });
    await insertMembership(db, f.orgId, { userId: westRep.id, role: "rep", teamId: f.otherTeamId });
    await rate(f, f.users.rep, b1, 4);
    await rate(f, f.users.otherRep, b1, 4);
    await rate(f, westRep.id, b1, 5);
    actAs(f, "admin");
    const teamA = (await loadGrid(f, { team: f.teamId })).grid;
    expect(teamA.reps).toHaveLength(2);
    expect(teamA.averages.byBehaviour[b1]).toEqual({ average: 4, count: 2, sum: 8 });
    expect(teamA.organisation.byBehaviour[b1]).toEqual({ average: 4.3, count: 3, sum: 13 }); // 13/3 = 4.33
    const all = (await loadGrid(f, { team: "all" })).grid;
    expect(all.reps).toHaveLength(3);
  });

  it("shows a closed cycle's rated behaviours, archived ones included", async () => {
    const f = await createMatrixOrganisation(testDb());
    await rate(f, f.users.rep, f.archivedBehaviourId, 2, f.cycles.closed);
    await rate(f, f.users.rep, f.behaviourIds[1], 3, f.cycles.closed);
    actAs(f, "leader");
    const { grid } = await loadGrid(f, { cycle: f.cycles.closed });
    expect(grid.behaviours.map((b) => b.name)).toEqual(["Presenting", "Entertaining"]);
  });

  it("keep the people rated in a closed cycle after their role changes or they leave; an open cycle shows active reps", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2] = f.behaviourIds;
    await rate(f, f.users.rep, b1!, 2, f.cycles.closed);
    await rate(f, f.users.otherRep, b1!, 4, f.cycles.closed);
    await rate(f, f.users.otherRep, b2!, 3, f.cycles.closed);
    await rate(f, f.users.otherRep, b1!, 5);
    // otherRep becomes a leader (no team), rep leaves the organisation.
    actAs(f, "admin");
    expect((await changeRole(f.slug, { userId: f.users.otherRep, role: "leader" })).status).toBe("ok");
    await testDb()
      .update(memberships)
      .set({ status: "deactivated" })
      .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.rep)));

    for (const view of ["leader", "self", "gap", "change"]) {
      const past = (await loadGrid(f, { team: "all", cycle: f.cycles.closed, view })).grid;
      expect(past.reps.map((r) => r.userId).sort(), view).toEqual([f.users.rep, f.users.otherRep].sort());
    }
    const past = (await loadGrid(f, { team: "all", cycle: f.cycles.closed })).grid;
    expect(past.cells.filter((c) => c.score !== null).length).toBe(3);
    expect(past.averages.byBehaviour[b1!]).toMatchObject({ average: 3, count: 2 });
    expect(past.organisation.overall).toMatchObject({ average: 3, count: 3 });
    // The open cycle's grid holds active reps only: neither of them.
    const open = (await loadGrid(f, { team: "all" })).grid;
    expect(open.reps.map((r) => r.userId)).not.toContain(f.users.otherRep);
    expect(open.reps.map((r) => r.userId)).not.toContain(f.users.rep);
  });
});

describe("rating a cell", () => {
  it("saves, returns the new version, and audits", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    const first = await rateRep(f.slug, {
      cycleId: f.cycles.open,
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[0],
      score: 4,
      expectedVersion: 0,
    });
    expect(first).toEqual({ status: "ok", data: { version: 1, score: 4 } });
    const second = await rateRep(f.slug, {
      cycleId: f.cycles.open,
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[1],
      score: 1,
      expectedVersion: 0,
    });
    expect(second).toEqual({ status: "ok", data: { version: 1, score: 1 } });
    const cleared = await rateRep(f.slug, {
      cycleId: f.cycles.open,
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[1],
      score: null,
      expectedVersion: 1,
    });
    expect(cleared).toEqual({ status: "ok", data: { version: 2, score: null } });
    expect((await loadGrid(f)).grid.averages.byRep[f.users.rep]).toEqual({ average: 4, count: 1, sum: 4 });
  });

  it("never silently overwrites: the later writer gets a conflict with the newer value", async () => {
    const f = await createMatrixOrganisation(testDb());
    const cell = { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0] };
    actAs(f, "leader");
    expect((await rateRep(f.slug, { ...cell, score: 3, expectedVersion: 0 })).status).toBe("ok");
    actAs(f, "coLeader"); // saw the empty cell (version 0) before the leader saved
    const before = await snapshotTables(testDb());
    const late = await rateRep(f.slug, { ...cell, score: 5, expectedVersion: 0 });
    expect(late).toMatchObject({ status: "error", code: "conflict", details: { current: { score: 3, version: 1 } } });
    expect(await snapshotTables(testDb())).toEqual(before);
    expect((await rateRep(f.slug, { ...cell, score: 5, expectedVersion: 1 })).status).toBe("ok");
  });

  it("refuses scores outside 1-5, closed cycles and archived behaviours, changing nothing", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    const base = { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], expectedVersion: 0 };
    for (const score of [0, 6, 2.5, "x", 2 ** 31]) {
      expect(await rateRep(f.slug, { ...base, score } as never), String(score)).toMatchObject({
        code: "invalid",
        fieldErrors: { score: "A score is a whole number from 1 to 5." },
      });
    }
    expect(await rateRep(f.slug, { ...base, score: 3, cycleId: f.cycles.closed })).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("read-only"),
    });
    expect(await rateRep(f.slug, { ...base, score: 3, behaviourId: f.archivedBehaviourId })).toMatchObject({ code: "conflict" });
    expect(await rateRep(f.slug, { ...base, score: 3, repUserId: f.users.leader })).toMatchObject({ code: "not_found" });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("lets a leader rate only reps of the teams they lead", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "otherLeader");
    const refused = await rateRep(f.slug, {
      cycleId: f.cycles.open,
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[0],
      score: 3,
      expectedVersion: 0,
    });
    expect(refused).toMatchObject({ code: "forbidden" });
    actAs(f, "otherLeader");
    await expect(gridEntry().call(f.slug, { team: f.teamId })).resolves.toMatchObject({ code: "forbidden" });
  });
});

describe("the grid's pages of reps", () => {
  it("split an all-teams grid of more than 500 reps by name: every rep once, their own cells, the same figures on every page", async () => {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    const people = [];
    for (let i = 0; i < 520; i++) {
      people.push(
        await insertUser(db, { name: `Paged ${String(i).padStart(3, "0")}`, email: `p${i}.${crypto.randomUUID()}@example.test`, passwordHash: "x" }),
      );
    }
    for (const person of people) await insertMembership(db, f.orgId, { userId: person.id, role: "rep", teamId: f.teamId });
    await db.insert(ratings).values(
      people.map((person, i) => ({
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId: person.id,
        behaviourId: f.behaviourIds[0],
        score: (i % 5) + 1,
        updatedBy: f.users.leader,
      })),
    );
    actAs(f, "admin");
    const first = await loadGrid(f, { team: "all" });
    const second = await loadGrid(f, { team: "all", page: "2" });
    const total = first.repPage!.total;
    expect(total).toBeGreaterThan(520);
    expect(first.repPage).toEqual({ number: 1, size: 500, total });
    expect(second.repPage).toEqual({ number: 2, size: 500, total });
    expect(first.grid.reps).toHaveLength(500);
    expect(second.grid.reps).toHaveLength(total - 500);
    // Every rep of the grid once, in name order across the pages.
    const ids = [...first.grid.reps, ...second.grid.reps].map((r) => r.userId);
    expect(new Set(ids).size).toBe(total);
    for (const person of people) expect(ids).toContain(person.id);
    // Each page carries exactly its reps' ratings, as the ratings table holds them.
    const rows = await db
      .select({ repUserId: ratings.repUserId, behaviourId: ratings.behaviourId, score: ratings.score })
      .from(ratings)
      .where(and(eq(ratings.orgId, f.orgId), eq(ratings.cycleId, f.cycles.open)));
    for (const page of [first, second]) {
      const onPage = new Set(page.grid.reps.map((r) => r.userId));
      const key = (c: { repUserId: string; behaviourId: string; score: number | null }) => `${c.repUserId}:${c.behaviourId}:${c.score}`;
      expect(page.grid.cells.map(key).sort()).toEqual(
        rows
          .filter((r) => onPage.has(r.repUserId))
          .map(key)
          .sort(),
      );
    }
    // The organisation's and the teams' figures cover everyone, whichever page shows them.
    expect(second.grid.organisation).toEqual(first.grid.organisation);
    // A page past the end shows the last one.
    expect((await loadGrid(f, { team: "all", page: "9" })).repPage!.number).toBe(2);
  }, 180_000);
});

describe("grid page queries", () => {
  it("are the same, exact and non-zero for 10 and for 500 reps", async () => {
    const db = testDb();
    const sizes = [10, 500];
    const counts: number[] = [];
    for (const size of sizes) {
      const f = await createMatrixOrganisation(db);
      const extra = size - 2;
      const people = await Promise.all(
        Array.from({ length: extra }, (_, i) =>
          insertUser(db, { name: `Rep ${i}`, email: `r${i}.${crypto.randomUUID()}@example.test`, passwordHash: "x" }),
        ),
      );
      for (const person of people) await insertMembership(db, f.orgId, { userId: person.id, role: "rep", teamId: f.teamId });
      for (const person of people.slice(0, 50)) await rate(f, person.id, f.behaviourIds[0], 3);
      actAs(f, "leader");
      const { result, queries } = await countQueries(() => gridEntry().call(f.slug, {}));
      expect(result.status).toBe("ok");
      expect((result as { data: GridData }).data.grid!.repCount).toBe(size);
      counts.push(queries);
    }
    // session, the transaction's scope (db/tenant.ts), membership, teams, cycles, behaviours, reps with their
    // assessments, rows (cells and row averages), column averages (team and organisation in one)
    expect(counts[0]).toBe(9);
    expect(counts[1]).toBe(counts[0]);
  }, 120_000);
});

describe("a save's figures", () => {
  it("moved by the grid are the figures the page computes afterwards, for the leader's team and for all teams; 6 queries", async () => {
    // The grid moves every figure the save changed (the rep's row, the behaviour's columns, the overall figures) by
    // the change itself (withSaved). They must land where the page's own SQL does, every other figure unchanged.
    const f = await createMatrixOrganisation(testDb());
    const db = testDb();
    const [b1, b2, b3] = f.behaviourIds;
    const westRep = await insertUser(db, { name: "Wes West", email: `wes.${crypto.randomUUID()}@example.test`, passwordHash: "x" });
    await insertMembership(db, f.orgId, { userId: westRep.id, role: "rep", teamId: f.otherTeamId });
    // Around the saves: another team's ratings, an archived behaviour's, a deactivated rep's, a cleared cell, and
    // the closed cycle's: only some of them count, the same ones for the save and for the page.
    await rate(f, westRep.id, b1, 5);
    await rate(f, westRep.id, b2, 2);
    await rate(f, f.users.rep, f.archivedBehaviourId, 1);
    await rate(f, f.users.deactivated, b1, 1);
    await rate(f, f.users.otherRep, b3, null);
    await rate(f, f.users.rep, b1, 1, f.cycles.closed);

    const versions = new Map<string, number>();
    const saves = [
      { rep: f.users.rep, behaviour: b1, score: 4 },
      { rep: f.users.otherRep, behaviour: b1, score: 2 },
      { rep: f.users.rep, behaviour: b2, score: 3 },
      { rep: f.users.rep, behaviour: b1, score: null },
      { rep: f.users.otherRep, behaviour: b3, score: 5 },
    ];
    actAs(f, "leader");
    let shown = (await loadGrid(f)).grid; // what the leader's grid holds before each save
    actAs(f, "admin");
    let shownAll = (await loadGrid(f, { team: "all" })).grid;
    for (const [i, save] of saves.entries()) {
      const cell = `${save.rep}:${save.behaviour}`;
      const before = shown.cells.find((c) => c.repUserId === save.rep && c.behaviourId === save.behaviour)?.score ?? null;
      const expectedVersion = versions.get(cell) ?? (save.rep === f.users.otherRep && save.behaviour === b3 ? 1 : 0);
      actAs(f, i % 2 === 0 ? "leader" : "admin"); // a leader's permission needs the rep's team, an admin's not
      const { result, queries } = await countQueries(() =>
        rateRep(f.slug, { cycleId: f.cycles.open, repUserId: save.rep, behaviourId: save.behaviour, score: save.score, expectedVersion }),
      );
      if (result.status !== "ok") throw new Error(`save ${i}: ${result.status === "error" ? result.message : result.status}`);
      // session, the transaction's scope (db/tenant.ts), membership, the save's context (which also answers the
      // permission's question about the rep), the write, the audit event
      expect(queries, `save ${i}`).toBe(6);
      const saved = result.data;
      versions.set(cell, saved.version);
      const moved = { repUserId: save.rep, behaviourId: save.behaviour };

      actAs(f, "leader");
      const team = (await loadGrid(f)).grid;
      expect(withSaved(shown.averages, moved, before, saved.score), `save ${i}: team figures`).toEqual(team.averages);
      expect(withSaved(shown.organisation, moved, before, saved.score), `save ${i}: organisation figures`).toEqual(team.organisation);
      expect(team.cells.find((c) => c.repUserId === save.rep && c.behaviourId === save.behaviour)).toEqual({
        repUserId: save.rep,
        behaviourId: save.behaviour,
        score: save.score,
        version: saved.version,
      });

      actAs(f, "admin"); // all teams: the averages row is the organisation's
      const all = (await loadGrid(f, { team: "all" })).grid;
      expect(withSaved(shownAll.averages, moved, before, saved.score), `save ${i}: all teams figures`).toEqual(all.averages);
      shown = team;
      shownAll = all;
    }
    // Hand-checked end state: team A holds rep b2=3 (b1 cleared), otherRep b1=2, b3=5; Wes (team B) b1=5, b2=2.
    actAs(f, "leader");
    const end = (await loadGrid(f)).grid;
    expect(end.averages.overall).toEqual({ average: 3.3, count: 3, sum: 10 });
    expect(end.organisation.overall).toEqual({ average: 3.4, count: 5, sum: 17 });
    expect(end.organisation.byBehaviour[b1]).toEqual({ average: 3.5, count: 2, sum: 7 });
  });

  it("include a rep without a team: in the admin's all-teams grid, rated there, and in no leader's grid", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1] = f.behaviourIds;
    const loner = await insertUser(testDb(), { name: "Lu Loner", email: `lu.${crypto.randomUUID()}@example.test`, passwordHash: "x" });
    await insertMembership(testDb(), f.orgId, { userId: loner.id, role: "rep", teamId: null });
    await rate(f, f.users.rep, b1!, 4);
    actAs(f, "admin");
    const before = (await loadGrid(f, { team: "all" })).grid;
    expect(before.reps.find((r) => r.userId === loner.id)).toMatchObject({ name: "Lu Loner", teamId: null, teamName: null });

    const result = await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: loner.id, behaviourId: b1!, score: 1, expectedVersion: 0 });
    if (result.status !== "ok") throw new Error(result.status === "error" ? result.message : result.status);
    const after = (await loadGrid(f, { team: "all" })).grid;
    expect(after.cells.find((c) => c.repUserId === loner.id && c.behaviourId === b1)).toMatchObject({ score: 1, version: 1 });
    // The figures the grid moves are the page's: the loner's row, and the column over everyone (4 and 1).
    expect(after.averages.byBehaviour[b1!]).toEqual({ average: 2.5, count: 2, sum: 5 });
    expect(withSaved(before.averages, { repUserId: loner.id, behaviourId: b1! }, null, 1)).toEqual(after.averages);

    actAs(f, "leader");
    expect((await loadGrid(f)).grid.reps.some((r) => r.userId === loner.id)).toBe(false);
  });

  it("record the replaced score in the audit log", async () => {
    const f = await createMatrixOrganisation(testDb());
    const cell = { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0] };
    actAs(f, "leader");
    expect(await rateRep(f.slug, { ...cell, score: 2, expectedVersion: 0 })).toMatchObject({ status: "ok", data: { version: 1 } });
    expect(await rateRep(f.slug, { ...cell, score: 5, expectedVersion: 1 })).toMatchObject({ status: "ok", data: { version: 2 } });
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "grid.rate")))
      .orderBy(asc(auditEvents.createdAt));
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ score: null }, { score: 2 }],
      [{ score: 2 }, { score: 5 }],
    ]);
  });
});
