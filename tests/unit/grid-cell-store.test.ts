import { describe, expect, it } from "vitest";
import { cellReducer, initialCells, type CellAction, type CellState } from "@/components/grid/cell-store";

// Two reps (r1 of team t1, r2 of team t2) x two behaviours (b1, b2); cell id = rep * 2 + behaviour.
// r1 is rated 2 and 4 (sum 6), r2 is rated 3 on b1 and not on b2.
const fig = (average: number | null, count: number, sum: number) => ({ average, count, sum });
function grid(): CellState {
  return initialCells({
    scores: [2, 4, 3, null],
    averages: {
      byRep: { r1: fig(3, 2, 6), r2: fig(3, 1, 3) },
      byBehaviour: { b1: fig(2.5, 2, 5), b2: fig(4, 1, 4) },
      overall: fig(3, 3, 9),
    },
    organisation: { byBehaviour: { b1: fig(2.5, 2, 5), b2: fig(4, 1, 4) }, overall: fig(3, 3, 9) },
    teams: [
      { teamId: "t1", name: "East", averages: { byBehaviour: { b1: fig(2, 1, 2), b2: fig(4, 1, 4) }, overall: fig(3, 2, 6) } },
      { teamId: "t2", name: "West", averages: { byBehaviour: { b1: fig(3, 1, 3) }, overall: fig(3, 1, 3) } },
    ],
  });
}
const run = (state: CellState, ...actions: CellAction[]) => actions.reduce(cellReducer, state);
const r2b2 = { repUserId: "r2", teamId: "t2", behaviourId: "b2" };

describe("the grid's cell store", () => {
  it("shows an edit at once, pending, without moving a figure", () => {
    const before = grid();
    const after = run(before, { type: "edit", id: 3, edit: 1, score: 5 });
    expect(after.scores).toEqual([2, 4, 3, 5]);
    expect(after.marks.get(3)).toEqual({ status: "pending", edit: 1 });
    expect(after.averages).toBe(before.averages);
    expect(before.scores).toEqual([2, 4, 3, null]); // the state before is left as it was
    expect(before.marks.size).toBe(0);
  });

  it("a saved edit moves the rep's, the behaviour's, the overall, the organisation's and the rep's team's figures", () => {
    const after = run(grid(), { type: "edit", id: 3, edit: 1, score: 5 }, { type: "saved", id: 3, edit: 1, place: r2b2, before: null, score: 5 });
    expect(after.scores[3]).toBe(5);
    expect(after.marks.get(3)?.status).toBe("saved");
    expect(after.averages.byRep.r2).toEqual(fig(4, 2, 8));
    expect(after.averages.byRep.r1).toEqual(fig(3, 2, 6));
    expect(after.averages.byBehaviour.b2).toEqual(fig(4.5, 2, 9));
    expect(after.averages.overall).toEqual(fig(3.5, 4, 14));
    expect(after.organisation.overall).toEqual(fig(3.5, 4, 14));
    expect(after.teams[1]!.averages.byBehaviour.b2).toEqual(fig(5, 1, 5));
    expect(after.teams[1]!.averages.overall).toEqual(fig(4, 2, 8));
    expect(after.teams[0]!.averages.overall).toEqual(fig(3, 2, 6));
  });

  it("a failed save keeps the value typed, marked failed, and moves no figure", () => {
    const before = grid();
    const after = run(before, { type: "edit", id: 0, edit: 1, score: 5 }, { type: "failed", id: 0, edit: 1 });
    expect(after.scores[0]).toBe(5);
    expect(after.marks.get(0)).toEqual({ status: "failed", edit: 1 });
    expect(after.averages).toEqual(before.averages);
    expect(after.teams).toEqual(before.teams);
  });

  it("a conflict shows the other person's value; a refusal shows the saved value; neither moves a figure", () => {
    const conflict = run(grid(), { type: "edit", id: 0, edit: 1, score: 5 }, { type: "conflict", id: 0, edit: 1, score: 1 });
    expect(conflict.scores[0]).toBe(1);
    expect(conflict.marks.get(0)?.status).toBe("conflict");
    expect(conflict.averages.byRep.r1).toEqual(fig(3, 2, 6));
    const refused = run(grid(), { type: "edit", id: 0, edit: 1, score: 5 }, { type: "refused", id: 0, edit: 1, score: 2 });
    expect(refused.scores[0]).toBe(2);
    expect(refused.marks.get(0)?.status).toBe("refused");
  });

  it("the answer to an older edit of a cell moves the figures but leaves the newer edit showing, pending", () => {
    const after = run(
      grid(),
      { type: "edit", id: 3, edit: 1, score: 5 },
      { type: "edit", id: 3, edit: 2, score: 1 },
      { type: "saved", id: 3, edit: 1, place: r2b2, before: null, score: 5 },
    );
    expect(after.scores[3]).toBe(1);
    expect(after.marks.get(3)).toEqual({ status: "pending", edit: 2 });
    expect(after.averages.byRep.r2).toEqual(fig(4, 2, 8));
    const failed = run(after, { type: "failed", id: 3, edit: 1 }, { type: "conflict", id: 3, edit: 1, score: 2 });
    expect(failed.scores[3]).toBe(1);
    expect(failed.marks.get(3)).toEqual({ status: "pending", edit: 2 });
    const saved = run(after, { type: "saved", id: 3, edit: 2, place: r2b2, before: 5, score: 1 });
    expect(saved.scores[3]).toBe(1);
    expect(saved.marks.get(3)?.status).toBe("saved");
    expect(saved.averages.byRep.r2).toEqual(fig(2, 2, 4));
  });

  it("edits of other cells keep their own marks", () => {
    const after = run(
      grid(),
      { type: "edit", id: 0, edit: 1, score: 5 },
      { type: "edit", id: 1, edit: 2, score: 1 },
      { type: "failed", id: 0, edit: 1 },
    );
    expect(after.marks.get(0)?.status).toBe("failed");
    expect(after.marks.get(1)?.status).toBe("pending");
    expect(after.scores.slice(0, 2)).toEqual([5, 1]);
  });
});
