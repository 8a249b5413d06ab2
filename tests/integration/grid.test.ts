import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { ratings } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { rateRep } from "@/lib/grid/actions";
import { loadGridPage } from "@/lib/grid/loaders";
import type { MatrixFixture } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { snapshotTables } from "../support/snapshot";

const testDb = withTestDatabase();
void loadGridPage;

function gridEntry() {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/grid");
  if (entry?.entry !== "member") throw new Error("grid page not registered");
  return entry;
}

type Grid = {
  grid: {
    behaviours: { id: string; name: string }[];
    reps: { userId: string }[];
    averages: { byRep: Record<string, { average: number | null; count: number }>; byBehaviour: Record<string, { average: number | null; count: number }>; overall: { average: number | null; count: number } };
    organisation: { byBehaviour: Record<string, { average: number | null; count: number }>; overall: { average: number | null; count: number } };
  };
};

async function loadGrid(f: MatrixFixture, view: Record<string, string> = {}) {
  const outcome = await gridEntry().call(f.slug, view);
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as Grid;
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
    expect(grid.averages.byRep[f.users.rep]).toEqual({ average: 3, count: 2 });
    expect(grid.averages.byRep[f.users.otherRep]).toEqual({ average: 4, count: 2 });
    expect(grid.averages.byBehaviour[b1]).toEqual({ average: 4.5, count: 2 });
    expect(grid.averages.byBehaviour[b2]).toEqual({ average: 2, count: 1 });
    expect(grid.averages.byBehaviour[b3]).toEqual({ average: 3, count: 1 });
    // Team overall = average of all present cells (4+2+5+3)/4 = 3.5, not the average of row averages.
    expect(grid.averages.overall).toEqual({ average: 3.5, count: 4 });
    expect(grid.organisation.overall).toEqual({ average: 3.5, count: 4 });
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
    expect(teamA.averages.byBehaviour[b1]).toEqual({ average: 4, count: 2 });
    expect(teamA.organisation.byBehaviour[b1]).toEqual({ average: 4.3, count: 3 }); // 13/3 = 4.33
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
});

describe("rating a cell", () => {
  it("saves, returns the new averages, and audits", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    const first = await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], score: 4, expectedVersion: 0 });
    expect(first).toMatchObject({ status: "ok", data: { version: 1, rep: { average: 4, count: 1 }, teamOverall: { average: 4, count: 1 } } });
    const second = await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[1], score: 1, expectedVersion: 0 });
    expect(second).toMatchObject({ status: "ok", data: { rep: { average: 2.5, count: 2 } } });
    const cleared = await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[1], score: null, expectedVersion: 1 });
    expect(cleared).toMatchObject({ status: "ok", data: { version: 2, rep: { average: 4, count: 1 } } });
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
    for (const score of [0, 6, 2.5, "4", "x"]) {
      expect(await rateRep(f.slug, { ...base, score } as never), String(score)).toMatchObject({ code: "invalid", fieldErrors: { score: "A score is a whole number from 1 to 5." } });
    }
    expect(await rateRep(f.slug, { ...base, score: 3, cycleId: f.cycles.closed })).toMatchObject({ code: "conflict", message: expect.stringContaining("read-only") });
    expect(await rateRep(f.slug, { ...base, score: 3, behaviourId: f.archivedBehaviourId })).toMatchObject({ code: "conflict" });
    expect(await rateRep(f.slug, { ...base, score: 3, repUserId: f.users.leader })).toMatchObject({ code: "not_found" });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("lets a leader rate only reps of the teams they lead", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "otherLeader");
    const refused = await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], score: 3, expectedVersion: 0 });
    expect(refused).toMatchObject({ code: "forbidden" });
    actAs(f, "otherLeader");
    await expect(gridEntry().call(f.slug, { team: f.teamId })).resolves.toMatchObject({ code: "forbidden" });
  });
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
        Array.from({ length: extra }, (_, i) => insertUser(db, { name: `Rep ${i}`, email: `r${i}.${crypto.randomUUID()}@example.test`, passwordHash: "x" })),
      );
      for (const person of people) await insertMembership(db, f.orgId, { userId: person.id, role: "rep", teamId: f.teamId });
      for (const person of people.slice(0, 50)) await rate(f, person.id, f.behaviourIds[0], 3);
      actAs(f, "leader");
      const { result, queries } = await countQueries(() => gridEntry().call(f.slug, {}));
      expect(result.status).toBe("ok");
      expect(((result as { data: Grid }).data.grid.reps)).toHaveLength(size);
      counts.push(queries);
    }
    expect(counts[0]).toBe(10); // session, membership, teams, cycles, behaviours, reps, assessments, cells, team and organisation averages
    expect(counts[1]).toBe(counts[0]);
  }, 120_000);
});
