import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeGrid,
  encodeGrid,
  encodeLeaderRows,
  NO_TEAM,
  STATUSES,
  withChange,
  withSaved,
  type Average,
  type GridContent,
  type LeaderRow,
} from "@/lib/grid/compact";

const VIEWS = ["leader", "self", "gap", "change"] as const;
type View = (typeof VIEWS)[number];

const average: fc.Arbitrary<Average> = fc.record(
  {
    average: fc.option(
      fc.integer({ min: -40, max: 50 }).map((n) => n / 10),
      { nil: null },
    ),
    count: fc.nat({ max: 6000 }),
    sum: fc.nat({ max: 30_000 }),
  },
  { requiredKeys: ["average", "count"] },
);
const text = fc.string({ maxLength: 12 });
const id = fc.uuid();

/**
 * A grid as the loader builds it for one view: reps (from a few teams) x behaviours; cells or values on any subset
 * of the (rep, behaviour) pairs, each pair at most once; averages on any subset of reps and behaviours.
 */
function gridContent(view: View): fc.Arbitrary<GridContent> {
  return fc
    .record({
      teams: fc.uniqueArray(fc.record({ id, name: text }), { minLength: 1, maxLength: 4, selector: (t) => t.id }),
      reps: fc.uniqueArray(fc.record({ userId: id, name: text, team: fc.nat(), status: fc.constantFrom(...STATUSES), hidden: fc.boolean() }), {
        maxLength: 8,
        selector: (r) => r.userId,
      }),
      behaviours: fc.uniqueArray(fc.record({ id, name: text, description: text, archived: fc.boolean() }), { maxLength: 5, selector: (b) => b.id }),
      seed: fc.array(
        fc.record({
          present: fc.boolean(),
          score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          version: fc.integer({ min: 1, max: 10_000 }),
          value: fc.integer({ min: -4, max: 5 }),
          first: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          second: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          rowAverage: fc.option(average, { nil: undefined }),
        }),
        { minLength: 40, maxLength: 40 },
      ),
      columns: fc.array(fc.option(average, { nil: undefined }), { minLength: 5, maxLength: 5 }),
      organisationColumns: fc.array(fc.option(average, { nil: undefined }), { minLength: 5, maxLength: 5 }),
      overall: average,
      organisationOverall: average,
    })
    .map(({ teams, reps, behaviours, seed, columns, organisationColumns, overall, organisationOverall }) => {
      const gridReps = reps.map((r) => {
        // Now and then a rep without a team (an admin's "all teams" grid lists them).
        const team = r.team % (teams.length + 1) === teams.length ? null : teams[r.team % teams.length]!;
        return { userId: r.userId, name: r.name, teamId: team?.id ?? null, teamName: team?.name ?? null, status: r.status };
      });
      const hidden = view === "self" || view === "gap" ? reps.filter((r) => r.hidden).map((r) => r.userId) : [];
      const content: GridContent = {
        behaviours,
        reps: gridReps,
        cells: [],
        values: [],
        hidden,
        averages: { byRep: {}, byBehaviour: {}, overall },
        organisation: { byBehaviour: {}, overall: organisationOverall },
        // Each team of the grid's reps (and the people without a team) with figures on some of the columns.
        teams: [...new Map(gridReps.map((r) => [r.teamId, r.teamName ?? NO_TEAM])).entries()].map(([teamId, name], k) => ({
          teamId,
          name,
          averages: {
            byBehaviour: Object.fromEntries(behaviours.flatMap((b, j) => (columns[(j + k) % 5] ? [[b.id, columns[(j + k) % 5]!]] : []))),
            overall: k % 2 === 0 ? overall : organisationOverall,
          },
        })),
      };
      gridReps.forEach((rep, i) => {
        const s = seed[i % seed.length]!;
        if (s.rowAverage) content.averages.byRep[rep.userId] = s.rowAverage;
        behaviours.forEach((b, j) => {
          const cell = seed[(i * behaviours.length + j) % seed.length]!;
          if (!cell.present || hidden.includes(rep.userId)) return;
          if (view === "leader") content.cells.push({ repUserId: rep.userId, behaviourId: b.id, score: cell.score, version: cell.version });
          else if (view === "self")
            content.values.push({ repUserId: rep.userId, behaviourId: b.id, value: cell.value, first: cell.value, second: null });
          else content.values.push({ repUserId: rep.userId, behaviourId: b.id, value: cell.value, first: cell.first, second: cell.second });
        });
      });
      behaviours.forEach((b, j) => {
        if (columns[j]) content.averages.byBehaviour[b.id] = columns[j];
        if (organisationColumns[j]) content.organisation.byBehaviour[b.id] = organisationColumns[j];
      });
      return content;
    });
}

/** The loader's cells come in the database's order; the decoded ones in grid order. Compare them shuffled alike. */
const shuffled = <T>(list: T[]) => [...list].reverse();

describe("the grid's compact payload", () => {
  for (const view of VIEWS) {
    it(`decodes to what was encoded (${view} view)`, () => {
      fc.assert(
        fc.property(gridContent(view), (content) => {
          const sent = JSON.parse(JSON.stringify(encodeGrid({ ...content, cells: shuffled(content.cells), values: shuffled(content.values) }, view)));
          expect(decodeGrid(sent)).toEqual(content);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("encodes the leader view's database rows (per rep: column numbers, scores, versions) as it encodes the cells", () => {
    fc.assert(
      fc.property(gridContent("leader"), (content) => {
        // As listGridRows gives them: one row per rep with cells, its cells in any order.
        const rows: LeaderRow[] = content.reps
          .map((rep) => {
            const cells = shuffled(content.cells.filter((c) => c.repUserId === rep.userId));
            return {
              repUserId: rep.userId,
              columns: cells.map((c) => content.behaviours.findIndex((b) => b.id === c.behaviourId)),
              scores: cells.map((c) => c.score),
              versions: cells.map((c) => c.version),
            };
          })
          .filter((row) => row.columns.length > 0);
        const frame = {
          behaviours: content.behaviours,
          reps: content.reps,
          hidden: content.hidden,
          averages: content.averages,
          organisation: content.organisation,
          teams: content.teams,
        };
        expect(encodeLeaderRows(frame, shuffled(rows))).toEqual(encodeGrid(content, "leader"));
      }),
      { numRuns: 200 },
    );
  });

  it("names each id once and carries the cells as dense arrays aligned to reps and behaviours", () => {
    const behaviours = ["b1", "b2", "b3"].map((id) => ({ id: `behaviour-${id}`, name: id, description: "", archived: false }));
    const reps = Array.from({ length: 4 }, (_, i) => ({
      userId: `rep-${i}`,
      name: `Rep ${i}`,
      teamId: "team-a",
      teamName: "Team A",
      status: "draft" as const,
    }));
    const cells = reps.flatMap((r, i) =>
      behaviours.map((b, j) => ({ repUserId: r.userId, behaviourId: b.id, score: ((i + j) % 5) + 1, version: i + 1 })),
    );
    const compact = encodeGrid(
      {
        behaviours,
        reps,
        cells,
        values: [],
        hidden: [],
        averages: { byRep: {}, byBehaviour: {}, overall: { average: null, count: 0 } },
        organisation: { byBehaviour: {}, overall: { average: null, count: 0 } },
        teams: [],
      },
      "leader",
    );
    const json = JSON.stringify(compact);
    for (const r of reps) expect(json.split(r.userId)).toHaveLength(2);
    for (const b of behaviours) expect(json.split(b.id)).toHaveLength(2);
    expect(json.split("Team A")).toHaveLength(2);
    expect(compact.s).toEqual([1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 1]);
    expect(compact.v).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(compact.f).toEqual([]);
  });

  it("leaves out cells of reps or behaviours the grid does not list", () => {
    const content: GridContent = {
      behaviours: [{ id: "b", name: "B", description: "", archived: false }],
      reps: [{ userId: "r", name: "R", teamId: "t", teamName: "T", status: "not_started" }],
      cells: [
        { repUserId: "r", behaviourId: "b", score: 4, version: 2 },
        { repUserId: "r", behaviourId: "archived", score: 1, version: 1 },
        { repUserId: "gone", behaviourId: "b", score: 2, version: 1 },
      ],
      values: [],
      hidden: [],
      averages: { byRep: {}, byBehaviour: {}, overall: { average: 4, count: 1 } },
      organisation: { byBehaviour: {}, overall: { average: 4, count: 1 } },
      teams: [],
    };
    expect(decodeGrid(encodeGrid(content, "leader")).cells).toEqual([{ repUserId: "r", behaviourId: "b", score: 4, version: 2 }]);
  });
});

/** round(avg, 1) as PostgreSQL computes it for positive values: exact, halves away from zero. */
function databaseAverage(scores: number[]): number | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  const tenths = Math.floor((sum * 10) / scores.length);
  const remainder = sum * 10 - tenths * scores.length; // exact, in integers
  return (2 * remainder >= scores.length ? tenths + 1 : tenths) / 10;
}

describe("an overall figure after a save", () => {
  it("is the database's round(avg, 1) of the scores after the change", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.option(score, { nil: null }), { maxLength: 60 }), fc.nat(), fc.option(score, { nil: null }), (cells, at, after) => {
        const present = (list: (number | null)[]) => list.filter((x): x is number => x !== null);
        const figure = (list: (number | null)[]): Average => ({
          average: databaseAverage(present(list)),
          count: present(list).length,
          sum: present(list).reduce((a, b) => a + b, 0),
        });
        const i = cells.length === 0 ? 0 : at % cells.length;
        const before = cells[i] ?? null;
        const changed = [...cells];
        changed[i] = after;
        expect(withChange(figure(cells), before, after)).toEqual(figure(changed));
      }),
      { numRuns: 500 },
    );
  });

  it("stays as it is without a sum (the read-only views' figures)", () => {
    expect(withChange({ average: 1.5, count: 2 }, 1, 5)).toEqual({ average: 1.5, count: 2 });
  });
});

describe("the figures a save moves", () => {
  const cell = { repUserId: "r1", behaviourId: "b1" };

  it("are the rep's row, the behaviour's column and the overall figure; the others stay as they are", () => {
    const team = {
      byRep: { r1: { average: 3, count: 1, sum: 3 }, r2: { average: 5, count: 1, sum: 5 } },
      byBehaviour: { b1: { average: 4, count: 2, sum: 8 }, b2: { average: 1, count: 1, sum: 1 } },
      overall: { average: 3, count: 3, sum: 9 },
    };
    expect(withSaved(team, cell, 3, 5)).toEqual({
      byRep: { r1: { average: 5, count: 1, sum: 5 }, r2: team.byRep.r2 },
      byBehaviour: { b1: { average: 5, count: 2, sum: 10 }, b2: team.byBehaviour.b2 },
      overall: { average: 3.7, count: 3, sum: 11 },
    });
  });

  it("start a row or a column without a rating from nothing, and give figures without rows none", () => {
    const organisation = { byBehaviour: {}, overall: { average: null, count: 0, sum: 0 } };
    expect(withSaved(organisation, cell, null, 2)).toEqual({
      byBehaviour: { b1: { average: 2, count: 1, sum: 2 } },
      overall: { average: 2, count: 1, sum: 2 },
    });
  });
});
