import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { assessments, organisations, ratings, selfRatings } from "@/db/schema";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { parseCsv } from "../support/parse-csv";
import { registeredEntries } from "@/lib/chain/registry";
import { gridCsv, type GridCsvData } from "@/lib/grid/csv";
import { decodeGrid, parseGrid } from "@/lib/grid/compact";
import type { GridData } from "@/lib/grid/grid-data";
import { loadGridExport, loadGridPage } from "@/lib/grid/loaders";
import { GRID_VIEWS, type GridViewName } from "@/lib/grid/views";

const testDb = withTestDatabase();
void loadGridPage;
void loadGridExport;

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} not registered`);
  return found;
}

async function loadView(f: MatrixFixture, view: GridViewName, extra: Record<string, string> = {}) {
  const outcome = await entry("/o/[slug]/grid").call(f.slug, { view, ...extra });
  if (outcome.status !== "ok") throw new Error(outcome.code);
  const data = outcome.data as GridData;
  if (!data.grid) throw new Error("no grid");
  // The page sends the grid compact; what the browser decodes is what these tests read (`sent`: as sent).
  const sent = parseGrid(data.grid.payload);
  return { ...data, sent, grid: { ...decodeGrid(sent), editable: data.grid.editable } };
}

async function rate(f: MatrixFixture, repUserId: string, behaviourId: string, score: number | null, cycleId = f.cycles.open) {
  await testDb()
    .insert(ratings)
    .values({ orgId: f.orgId, cycleId, repUserId, behaviourId, score, updatedBy: f.users.admin })
    .onConflictDoUpdate({ target: [ratings.orgId, ratings.cycleId, ratings.repUserId, ratings.behaviourId], set: { score } });
}

/** A self-assessment: the assessment row (draft unless submitted) and the self ratings. */
async function selfAssess(
  f: MatrixFixture,
  repUserId: string,
  scores: Record<string, number | null>,
  state: { submitted?: boolean; shared?: boolean } = {},
  cycleId = f.cycles.open,
) {
  const db = testDb();
  const submittedAt = state.submitted || state.shared ? new Date() : null;
  const sharedAt = state.shared ? new Date() : null;
  await db
    .insert(assessments)
    .values({ orgId: f.orgId, cycleId, repUserId, submittedAt, sharedAt, sharedBy: state.shared ? f.users.leader : null })
    .onConflictDoUpdate({ target: [assessments.orgId, assessments.cycleId, assessments.repUserId], set: { submittedAt, sharedAt } });
  for (const [behaviourId, score] of Object.entries(scores)) {
    await db.insert(selfRatings).values({ orgId: f.orgId, cycleId, repUserId, behaviourId, score });
  }
}

async function submit(f: MatrixFixture, repUserId: string) {
  await testDb()
    .update(assessments)
    .set({ submittedAt: new Date() })
    .where(and(eq(assessments.orgId, f.orgId), eq(assessments.cycleId, f.cycles.open), eq(assessments.repUserId, repUserId)));
}

const valuesOf = (grid: { values: { repUserId: string; behaviourId: string; value: number }[] }, repUserId: string) =>
  Object.fromEntries(grid.values.filter((v) => v.repUserId === repUserId).map((v) => [v.behaviourId, v.value]));

describe("grid views", () => {
  it("gap: signed self - leader per cell, averages over the cells where both are present", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2, b3] = f.behaviourIds;
    // leader:  rep b1=2 b2=4 b3=3   otherRep b1=5 b2=– b3=1
    // self:    rep b1=4 b2=3 b3=–   otherRep b1=5 b2=2 b3=4
    // gap:     rep +2   -1   –      otherRep 0    –    +3
    await rate(f, f.users.rep, b1, 2);
    await rate(f, f.users.rep, b2, 4);
    await rate(f, f.users.rep, b3, 3);
    await rate(f, f.users.otherRep, b1, 5);
    await rate(f, f.users.otherRep, b3, 1);
    await selfAssess(f, f.users.rep, { [b1]: 4, [b2]: 3 }, { submitted: true });
    await selfAssess(f, f.users.otherRep, { [b1]: 5, [b2]: 2, [b3]: 4 }, { shared: true });

    actAs(f, "leader");
    const { grid } = await loadView(f, "gap");
    expect(grid.editable).toBe(false);
    expect(grid.hidden).toEqual([]);
    expect(valuesOf(grid, f.users.rep)).toEqual({ [b1]: 2, [b2]: -1 });
    expect(valuesOf(grid, f.users.otherRep)).toEqual({ [b1]: 0, [b3]: 3 });
    expect(grid.values.find((v) => v.repUserId === f.users.rep && v.behaviourId === b2)).toMatchObject({ first: 3, second: 4 });
    expect(grid.averages.byRep[f.users.rep]).toEqual({ average: 0.5, count: 2 });
    expect(grid.averages.byRep[f.users.otherRep]).toEqual({ average: 1.5, count: 2 });
    expect(grid.averages.byBehaviour[b1]).toEqual({ average: 1, count: 2 });
    expect(grid.averages.byBehaviour[b2]).toEqual({ average: -1, count: 1 });
    expect(grid.averages.byBehaviour[b3]).toEqual({ average: 3, count: 1 });
    expect(grid.averages.overall).toEqual({ average: 1, count: 4 }); // (2 - 1 + 0 + 3) / 4
    expect(grid.organisation.overall).toEqual({ average: 1, count: 4 });

    const self = (await loadView(f, "self")).grid;
    expect(valuesOf(self, f.users.otherRep)).toEqual({ [b1]: 5, [b2]: 2, [b3]: 4 });
    expect(self.averages.byRep[f.users.otherRep]).toEqual({ average: 3.7, count: 3 }); // 11 / 3
    expect(self.averages.overall).toEqual({ average: 3.6, count: 5 }); // 18 / 5
  });

  it("blind mode: a rep's self ratings are absent from the self and gap views until the rep submits", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2] = f.behaviourIds;
    await rate(f, f.users.rep, b1, 2);
    await rate(f, f.users.otherRep, b1, 3);
    await selfAssess(f, f.users.rep, { [b1]: 5, [b2]: 4 }); // draft
    await selfAssess(f, f.users.otherRep, { [b1]: 1 }, { submitted: true });

    for (const persona of ["leader", "admin"] as const) {
      actAs(f, persona);
      for (const view of ["self", "gap"] as const) {
        const { grid, sent } = await loadView(f, view, persona === "admin" ? { team: "all" } : {});
        expect(grid.hidden, `${persona} ${view}`).toEqual([f.users.rep]);
        expect(
          grid.values.filter((v) => v.repUserId === f.users.rep),
          `${persona} ${view}`,
        ).toEqual([]);
        expect(grid.averages.byRep[f.users.rep], `${persona} ${view}`).toBeUndefined();
        // Nothing derived from the hidden scores anywhere in the data sent.
        expect(JSON.stringify({ grid }).includes(`"value":5`), `${persona} ${view}`).toBe(false);
        // As sent: the hidden draft's 5 and 4 are nowhere in the values or their parts (the others are 1, 2, 3, -2).
        expect(
          [...sent.s, ...sent.f, ...sent.g].filter((x) => x === 5 || x === 4),
          `${persona} ${view}`,
        ).toEqual([]);
        expect(grid.organisation.overall.count, `${persona} ${view}`).toBe(1);
      }
    }
    actAs(f, "leader");
    expect((await loadView(f, "self")).grid.averages.byBehaviour[b1]).toEqual({ average: 1, count: 1 });
    expect((await loadView(f, "gap")).grid.averages.overall).toEqual({ average: -2, count: 1 });

    await submit(f, f.users.rep);
    const self = (await loadView(f, "self")).grid;
    expect(self.hidden).toEqual([]);
    expect(valuesOf(self, f.users.rep)).toEqual({ [b1]: 5, [b2]: 4 });
    expect(self.averages.byBehaviour[b1]).toEqual({ average: 3, count: 2 });
    expect(valuesOf((await loadView(f, "gap")).grid, f.users.rep)).toEqual({ [b1]: 3 });
  });

  it("blind mode off: self ratings show at once, drafts included", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1] = f.behaviourIds;
    await rate(f, f.users.rep, b1, 2);
    await selfAssess(f, f.users.rep, { [b1]: 4 });
    await testDb().update(organisations).set({ blindMode: false }).where(eq(organisations.id, f.orgId));
    actAs(f, "leader");
    const self = (await loadView(f, "self")).grid;
    expect(self.hidden).toEqual([]);
    expect(valuesOf(self, f.users.rep)).toEqual({ [b1]: 4 });
    const gap = (await loadView(f, "gap")).grid;
    expect(valuesOf(gap, f.users.rep)).toEqual({ [b1]: 2 });
    expect(gap.averages.overall).toEqual({ average: 2, count: 1 });
  });

  it("change: leader rating now minus the previous cycle's, by opened date", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2, b3] = f.behaviourIds;
    await rate(f, f.users.rep, b1, 2, f.cycles.closed);
    await rate(f, f.users.rep, b2, 4, f.cycles.closed);
    await rate(f, f.users.otherRep, b1, 3, f.cycles.closed);
    await rate(f, f.users.rep, b1, 4);
    await rate(f, f.users.rep, b2, 3);
    await rate(f, f.users.rep, b3, 5); // no previous rating: no change value
    await rate(f, f.users.otherRep, b1, 3);
    actAs(f, "leader");
    const page = await loadView(f, "change");
    expect(page.previousCycle?.name).toBe("Q1");
    expect(valuesOf(page.grid, f.users.rep)).toEqual({ [b1]: 2, [b2]: -1 });
    expect(valuesOf(page.grid, f.users.otherRep)).toEqual({ [b1]: 0 });
    expect(page.grid.averages.byRep[f.users.rep]).toEqual({ average: 0.5, count: 2 });
    expect(page.grid.averages.byBehaviour[b1]).toEqual({ average: 1, count: 2 });
    expect(page.grid.averages.overall).toEqual({ average: 0.3, count: 3 }); // 1 / 3
    // The first cycle has nothing before it.
    const first = await loadView(f, "change", { cycle: f.cycles.closed });
    expect(first.previousCycle).toBeNull();
    expect(first.grid.values).toEqual([]);
  });

  it("lists each rep's self-assessment status in one query", async () => {
    const f = await createMatrixOrganisation(testDb());
    const db = testDb();
    const [b1] = f.behaviourIds;
    const extra = await Promise.all(
      ["Sam Shared", "Sue Submitted"].map((name) =>
        insertUser(db, { name, email: `${name.split(" ")[0]}.${crypto.randomUUID()}@example.test`, passwordHash: "x" }),
      ),
    );
    for (const person of extra) await insertMembership(db, f.orgId, { userId: person.id, role: "rep", teamId: f.teamId });
    await selfAssess(f, f.users.otherRep, { [b1]: 3 });
    await selfAssess(f, extra[0]!.id, { [b1]: 3 }, { shared: true });
    await selfAssess(f, extra[1]!.id, { [b1]: 3 }, { submitted: true });
    actAs(f, "leader");
    for (const view of GRID_VIEWS) {
      const { grid } = await loadView(f, view);
      const status = Object.fromEntries(grid.reps.map((r) => [r.userId, r.status]));
      expect(status, view).toEqual({
        [f.users.rep]: "not_started",
        [f.users.otherRep]: "draft",
        [extra[0]!.id]: "shared",
        [extra[1]!.id]: "submitted",
      });
    }
  });
});

describe("grid CSV export", () => {
  it("has the loader's numbers for every view, the averages row, and a file name from slug, cycle and view", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2, b3] = f.behaviourIds;
    await rate(f, f.users.rep, b1, 2, f.cycles.closed);
    await rate(f, f.users.rep, b1, 4);
    await rate(f, f.users.rep, b2, 1);
    await rate(f, f.users.otherRep, b1, 5);
    await rate(f, f.users.otherRep, b3, 3);
    await selfAssess(f, f.users.rep, { [b1]: 5, [b2]: 3 }, { submitted: true });
    await selfAssess(f, f.users.otherRep, { [b1]: 2 });
    actAs(f, "leader");
    for (const view of GRID_VIEWS) {
      const page = await loadView(f, view);
      const outcome = await entry("/o/[slug]/grid/export").call(f.slug, { view });
      if (outcome.status !== "ok") throw new Error(outcome.code);
      const { fileName, csv } = outcome.data as { fileName: string; csv: string };
      expect(fileName).toBe(`${f.slug}-q2-${view}.csv`);
      const [header, ...body] = parseCsv(csv);
      expect(header).toEqual(["Rep", "Team", ...page.grid.behaviours.map((b) => b.name), "Average"]);
      expect(body).toHaveLength(page.grid.reps.length + 2);
      const value = new Map<string, number | null>([
        ...page.grid.cells.map((c) => [`${c.repUserId}:${c.behaviourId}`, c.score] as const),
        ...page.grid.values.map((v) => [`${v.repUserId}:${v.behaviourId}`, v.value] as const),
      ]);
      const num = (s: string) => (s === "" ? null : Number(s));
      page.grid.reps.forEach((rep, i) => {
        const line = body[i]!;
        expect(line[0]).toBe(rep.name);
        if (page.grid.hidden.includes(rep.userId)) {
          expect(line.slice(2), view).toEqual(page.grid.behaviours.map(() => "hidden").concat("hidden"));
          return;
        }
        expect(line.slice(2, -1).map(num), `${view} ${rep.name}`).toEqual(
          page.grid.behaviours.map((b) => value.get(`${rep.userId}:${b.id}`) ?? null),
        );
        expect(num(line.at(-1)!), view).toBe(page.grid.averages.byRep[rep.userId]?.average ?? null);
      });
      const averages = body.at(-2)!;
      expect(averages[0]).toBe("Team average");
      const organisation = body.at(-1)!;
      expect(organisation[0]).toBe("Organisation");
      expect(organisation.slice(2, -1).map(num), view).toEqual(
        page.grid.behaviours.map((b) => page.grid.organisation.byBehaviour[b.id]?.average ?? null),
      );
      expect(num(organisation.at(-1)!), view).toBe(page.grid.organisation.overall.average);
      expect(averages.slice(2, -1).map(num), view).toEqual(page.grid.behaviours.map((b) => page.grid.averages.byBehaviour[b.id]?.average ?? null));
      expect(num(averages.at(-1)!), view).toBe(page.grid.averages.overall.average);
      if (view === "gap") expect(page.grid.hidden).toEqual([f.users.otherRep]);
      if (view === "change") expect(value.get(`${f.users.rep}:${b1}`)).toBe(2);
    }
  });

  it("gives an admin's all-teams grid a row per team, on the page and in the CSV, in the same order", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b1, b2] = f.behaviourIds;
    const db = testDb();
    const person = async (name: string, teamId: string | null) => {
      const user = await insertUser(db, { name, email: `${crypto.randomUUID()}@example.test`, passwordHash: "x" });
      await insertMembership(db, f.orgId, { userId: user.id, role: "rep", teamId });
      return user.id;
    };
    const west = await person("Wes West", f.otherTeamId);
    const loner = await person("Lu Loner", null);
    // Team A: b1 4 and 2, b2 3 -> 3.0, 3.0, overall 3.0. Team B: b1 5. No team: b1 1, b2 2 -> overall 1.5.
    await rate(f, f.users.rep, b1, 4);
    await rate(f, f.users.otherRep, b1, 2);
    await rate(f, f.users.otherRep, b2, 3);
    await rate(f, west, b1, 5);
    await rate(f, loner, b1, 1);
    await rate(f, loner, b2, 2);
    await selfAssess(f, f.users.rep, { [b1]: 5 }, { submitted: true });
    await selfAssess(f, west, { [b1]: 3, [b2]: 4 }, { submitted: true });
    actAs(f, "admin");

    const leader = (await loadView(f, "leader", { team: "all" })).grid;
    expect(
      leader.teams.map((t) => [
        t.name,
        t.averages.byBehaviour[b1]?.average ?? null,
        t.averages.byBehaviour[b2]?.average ?? null,
        t.averages.overall.average,
      ]),
    ).toEqual([
      ["Team A", 3, 3, 3],
      ["Team B", 5, null, 5],
      ["No team", 1, 2, 1.5],
    ]);
    const self = (await loadView(f, "self", { team: "all" })).grid;
    expect(self.teams.map((t) => [t.name, t.averages.byBehaviour[b1]?.average ?? null, t.averages.overall.average])).toEqual([
      ["Team A", 5, 5],
      ["Team B", 3, 3.5],
      ["No team", null, null],
    ]);

    for (const view of GRID_VIEWS) {
      const page = await loadView(f, view, { team: "all" });
      const outcome = await entry("/o/[slug]/grid/export").call(f.slug, { view, team: "all" });
      if (outcome.status !== "ok") throw new Error(outcome.code);
      const lines = parseCsv((outcome.data as { csv: string }).csv).slice(1 + page.grid.reps.length);
      const num = (s: string) => (s === "" ? null : Number(s));
      const footers = [
        ...page.grid.teams.map((t) => ({ label: t.name, values: t.averages })),
        { label: "All teams", values: page.grid.averages },
        { label: "Organisation", values: page.grid.organisation },
      ];
      expect(
        lines.map((l) => l[0]),
        view,
      ).toEqual(["Team A", "Team B", "No team", "All teams", "Organisation"]);
      footers.forEach((footer, i) => {
        expect(lines[i]!.slice(2, -1).map(num), `${view} ${footer.label}`).toEqual(
          page.grid.behaviours.map((b) => footer.values.byBehaviour[b.id]?.average ?? null),
        );
        expect(num(lines[i]!.at(-1)!), `${view} ${footer.label}`).toBe(footer.values.overall.average);
      });
    }

    // A leader's grid is one team's: no other team's figures reach it.
    actAs(f, "leader");
    expect((await loadView(f, "leader")).grid.teams).toEqual([]);
  });

  it("escapes quotes, commas and newlines and neutralises formulas", () => {
    const data = {
      teamId: "t",
      grid: {
        behaviours: [{ id: "b", name: 'Say "hi", then\nlisten' }],
        reps: [
          { userId: "u", name: "=HYPERLINK(1)", teamName: "-Team, +1" },
          { userId: "v", name: "@me", teamName: "Plain" },
        ],
        hidden: [],
        cells: [{ repUserId: "u", behaviourId: "b", score: 3, version: 1 }],
        values: [{ repUserId: "v", behaviourId: "b", value: -2, first: 1, second: 3 }],
        averages: { byRep: { u: { average: 3, count: 1 } }, byBehaviour: { b: { average: 0.5, count: 2 } }, overall: { average: -0.5, count: 2 } },
        organisation: { byBehaviour: { b: { average: 1.5, count: 4 } }, overall: { average: 1.5, count: 4 } },
        teams: [],
      },
    } as unknown as GridCsvData;
    const csv = gridCsv(data);
    expect(csv.split("\r\n")[0]).toBe('Rep,Team,"Say ""hi"", then\nlisten",Average');
    const rows = parseCsv(csv);
    expect(rows[1]).toEqual(["'=HYPERLINK(1)", "'-Team, +1", "3", "3"]);
    expect(rows[2]).toEqual(["'@me", "Plain", "-2", ""]);
    expect(rows[3]).toEqual(["Team average", "", "0.5", "-0.5"]);
    expect(rows[4]).toEqual(["Organisation", "", "1.5", "1.5"]);
  });
});

describe("grid view queries", () => {
  it("are the same for 10 and 500 reps in every view", async () => {
    const db = testDb();
    const counts: Record<string, number[]> = {};
    for (const size of [10, 500]) {
      const f = await createMatrixOrganisation(db);
      const people = await Promise.all(
        Array.from({ length: size - 2 }, (_, i) =>
          insertUser(db, { name: `Rep ${i}`, email: `r${i}.${crypto.randomUUID()}@example.test`, passwordHash: "x" }),
        ),
      );
      for (const person of people) await insertMembership(db, f.orgId, { userId: person.id, role: "rep", teamId: f.teamId });
      for (const [i, person] of people.slice(0, 40).entries()) {
        await rate(f, person.id, f.behaviourIds[0], 3);
        await rate(f, person.id, f.behaviourIds[0], 2, f.cycles.closed);
        await selfAssess(f, person.id, { [f.behaviourIds[0]]: 4 }, { submitted: i % 2 === 0 });
      }
      actAs(f, "leader");
      for (const view of GRID_VIEWS) {
        const { result, queries } = await countQueries(() => entry("/o/[slug]/grid").call(f.slug, { view }));
        expect(result.status).toBe("ok");
        expect((result as { data: GridData }).data.grid!.repCount).toBe(size);
        (counts[view] ??= []).push(queries);
      }
    }
    for (const view of GRID_VIEWS) {
      // session, scope, membership, teams, cycles, behaviours, reps with their assessments; then the leader view's rows
      // and its column averages (team and organisation in one), or a read-only view's values, team and
      // organisation averages
      expect(counts[view], view).toEqual(view === "leader" ? [9, 9] : [10, 10]);
    }
    // An admin's all-teams grid adds each team's rows in the same statements.
    const f = await createMatrixOrganisation(db);
    actAs(f, "admin");
    for (const view of GRID_VIEWS) {
      const { queries } = await countQueries(() => entry("/o/[slug]/grid").call(f.slug, { view, team: "all" }));
      expect(queries, `all teams ${view}`).toBe(view === "leader" ? 9 : 10);
    }
  }, 180_000);
});
