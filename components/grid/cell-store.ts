import { withSaved, type GridModel } from "@/lib/grid/compact";

/**
 * The leader grid's cells as the browser shows them, and the figures its saves move: a pure reducer (useCellStore
 * runs it and talks to the server). A cell is addressed by its place in the dense cells, `rep * behaviours + column`.
 *
 * How a save ends, per cell:
 * - saved: the server holds the value; the averages move by the change.
 * - conflict: someone else saved the cell first; it shows their value.
 * - refused: the server said no (a closed cycle, an archived behaviour, an ended session); it shows its saved value.
 * - failed: no answer (the network, or the server failed); it keeps the value typed, marked not saved, to try again.
 * Each edit has a number; the answer to an older edit of a cell changes the figures but not what the cell shows
 * while a newer edit of it waits.
 */
export type CellStatus = "pending" | "saved" | "conflict" | "refused" | "failed";
export type CellMark = { status: CellStatus; edit: number };
export type CellFigures = Pick<GridModel, "averages" | "organisation" | "teams">;

export type CellState = CellFigures & {
  /** What each cell shows: its saved score, or the one typed while it saves or after its save failed. */
  scores: (number | null)[];
  /** The cells edited since the grid loaded, with how their latest edit stands. */
  marks: ReadonlyMap<number, CellMark>;
};

/** Where a saved cell's figures are: the rep's row (and team), the behaviour's column. */
type CellPlace = { repUserId: string; teamId: string | null; behaviourId: string };

export type CellAction =
  | { type: "edit"; id: number; edit: number; score: number | null }
  | { type: "saved"; id: number; edit: number; place: CellPlace; before: number | null; score: number | null }
  /** `score`: what the cell holds now (conflict: the other person's value; refused: its saved value). */
  | { type: "conflict" | "refused"; id: number; edit: number; score: number | null }
  | { type: "failed"; id: number; edit: number };

export function initialCells(grid: CellFigures & { scores: (number | null)[] }): CellState {
  return { scores: grid.scores, marks: new Map(), averages: grid.averages, organisation: grid.organisation, teams: grid.teams };
}

function show(state: CellState, id: number, score: number | null): (number | null)[] {
  if (state.scores[id] === score) return state.scores;
  const scores = state.scores.slice();
  scores[id] = score;
  return scores;
}

export function cellReducer(state: CellState, action: CellAction): CellState {
  const { id, edit } = action;
  const marks = (status: CellStatus) => new Map(state.marks).set(id, { status, edit });
  if (action.type === "edit") return { ...state, scores: show(state, id, action.score), marks: marks("pending") };

  const latest = state.marks.get(id)?.edit === edit;
  let next = state;
  if (action.type === "saved") {
    // The version check says the server held `before`: the figures move by this save's change, whatever shows.
    const { place, before, score } = action;
    next = {
      ...state,
      averages: withSaved(state.averages, place, before, score),
      organisation: withSaved(state.organisation, place, before, score),
      teams: state.teams.map((t) => (t.teamId === place.teamId ? { ...t, averages: withSaved(t.averages, place, before, score) } : t)),
    };
  }
  if (!latest) return next;
  if (action.type === "failed") return { ...next, marks: marks("failed") };
  return { ...next, scores: show(next, id, action.score), marks: marks(action.type) };
}
