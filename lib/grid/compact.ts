import type { Average, ColumnAverages, GridAverages } from "@/db/queries/grid";
import type { AssessmentStatus } from "@/lib/assessments/visibility";
import { isDifferenceView } from "@/lib/grid/view-names";

/**
 * The grid's compact payload: what the grid page sends to the browser (500 reps x 12 behaviours is 6,000 cells).
 * Sent as objects, each cell repeated a rep id and a behaviour id (about 950 KB of a 1 MB page); here every id
 * and name travels once and the cells are dense arrays aligned to the reps and the behaviours:
 *
 *   cell (rep i, behaviour j) is at index i * behaviours.length + j of `s` (and `v`, `f`, `g`).
 *
 * Pure and dependency-free: the server encodes (lib/grid/grid-data.ts), the grid's client component decodes.
 * `decodeGrid(encodeGrid(x))` gives back `x` (see tests/unit/grid-compact.test.ts) with two normalisations: cells and
 * values come in grid order (rep by rep, behaviours in column order), and only those of the listed reps and
 * behaviours are kept (the grid shows no others).
 */

/** The figures as SQL computes them (db/queries/grid.ts); the leader view's sums let withSaved move them by a save. */
export type { Average, ColumnAverages, GridAverages };
export type GridBehaviour = { id: string; name: string; description: string; archived: boolean };
/** A rep of the grid; `teamId` and `teamName` are null for a rep without a team. */
export type GridRep = { userId: string; name: string; teamId: string | null; teamName: string | null; status: AssessmentStatus };
type LeaderCell = { repUserId: string; behaviourId: string; score: number | null; version: number };
type ViewValue = { repUserId: string; behaviourId: string; value: number; first: number | null; second: number | null };

/** The grid as the loader computes it (and as the CSV export and the client component use it). */
export type GridContent = {
  behaviours: GridBehaviour[];
  reps: GridRep[];
  /** The leader view's saved cells (a cleared cell has score null and a version). */
  cells: LeaderCell[];
  /** A read-only view's values (a hidden rep has none). */
  values: ViewValue[];
  /** Reps whose self ratings blind mode hides in this view. */
  hidden: string[];
  /** Row, column and overall averages of the chosen team (or all teams). */
  averages: GridAverages;
  /** The organisation's column and overall averages (the footer's last row); no row averages. */
  organisation: ColumnAverages;
  /** All-teams grid only: each team's column and overall averages, by team name (people without a team last). */
  teams: GridTeam[];
};

/** A team's figures in an all-teams grid; `teamId` null for the people without a team. */
export type GridTeam = { teamId: string | null; name: string; averages: ColumnAverages };

/** [average, count] or [average, count, sum]; null: no figure (no rating row at all). */
type CompactAverage = [average: number | null, count: number] | [average: number | null, count: number, sum: number] | null;

export type CompactGrid = {
  /** Format marker and version: the benchmark and the reliability tests find the payload in the page by it. */
  cg: 1;
  /** The behaviour columns, in order. */
  b: GridBehaviour[];
  /** The reps' teams, each once: [id, name]. */
  t: [id: string, name: string][];
  /** The rows: [user id, name, index into `t` (-1: no team), index into STATUSES, 1 if blind mode hides the rep's self ratings]. */
  r: [userId: string, name: string, team: number, status: number, hidden: 0 | 1][];
  /** Per cell: the leader's score (leader view) or the view's value; null: empty or absent. */
  s: (number | null)[];
  /** Leader view, per cell: the version the editor must send back (0: never saved). Empty for the other views. */
  v: number[];
  /** Gap and change views, per cell: what the value is made of (gap: self, leader; change: now, before). Else empty. */
  f: (number | null)[];
  g: (number | null)[];
  /** Row averages, aligned to `r`. */
  ra: CompactAverage[];
  /** Team (or all teams) column averages aligned to `b`, and overall. */
  ta: CompactAverage[];
  to: CompactAverage;
  /** Organisation column averages aligned to `b`, and overall. */
  oa: CompactAverage[];
  oo: CompactAverage;
  /** All-teams grid: per team, [index into `t` (-1: no team), column averages aligned to `b`, overall]. Else empty. */
  ty: [team: number, columns: CompactAverage[], overall: CompactAverage][];
};

/**
 * The payload travels as one JSON string (serializeGrid): React's RSC serializer and parser then handle one value
 * instead of 15,000 (each number of the dense arrays, each rep tuple), and the browser parses it with JSON.parse.
 */
export function serializeGrid(compact: CompactGrid): string {
  return JSON.stringify(compact);
}

export function parseGrid(text: string): CompactGrid {
  return JSON.parse(text) as CompactGrid;
}

/** The payload's first key: `{"cg":1,…}` marks the grid in a page's RSC payload. */
export const GRID_PAYLOAD_MARKER = "cg";

export const STATUSES: readonly AssessmentStatus[] = ["not_started", "draft", "submitted", "shared"];
/** What the people without a team are called in an all-teams grid's team rows. */
export const NO_TEAM = "No team";
const NO_AVERAGE: Average = { average: null, count: 0 };

const pack = (a: Average | undefined): CompactAverage => (a ? (a.sum === undefined ? [a.average, a.count] : [a.average, a.count, a.sum]) : null);
const unpack = (a: CompactAverage): Average | undefined =>
  a ? (a.length === 3 ? { average: a[0], count: a[1], sum: a[2] } : { average: a[0], count: a[1] }) : undefined;

/**
 * A figure after one cell changed from `before` to `after` (null: empty), by its sum: the same round(avg, 1) as
 * the database's (leader scores are 1 to 5, so halves round up, as PostgreSQL rounds them). A figure without a sum
 * is returned as it is.
 */
export function withChange(figure: Average, before: number | null, after: number | null): Average {
  if (figure.sum === undefined || before === after) return figure;
  const sum = figure.sum - (before ?? 0) + (after ?? 0);
  const count = figure.count - (before === null ? 0 : 1) + (after === null ? 0 : 1);
  return { average: count === 0 ? null : Math.round((sum * 10) / count) / 10, count, sum };
}

/** No rating row yet: where a row's or a column's first save starts from. */
const NO_VALUES: Average = { average: null, count: 0, sum: 0 };

/**
 * The figures after a save of the cell (rep, behaviour) from `before` to `after`: the rep's row (for figures that
 * have rows), the behaviour's column and the overall figure. The save's version check guarantees `before` is what
 * the database held, so the result is what the database would compute over the grid as loaded plus this person's
 * saves (others' saves show on the next load).
 */
export function withSaved<F extends ColumnAverages & Partial<Pick<GridAverages, "byRep">>>(
  figures: F,
  cell: { repUserId: string; behaviourId: string },
  before: number | null,
  after: number | null,
): F {
  const move = (figure: Average | undefined) => withChange(figure ?? NO_VALUES, before, after);
  return {
    ...figures,
    ...(figures.byRep && { byRep: { ...figures.byRep, [cell.repUserId]: move(figures.byRep[cell.repUserId]) } }),
    byBehaviour: { ...figures.byBehaviour, [cell.behaviourId]: move(figures.byBehaviour[cell.behaviourId]) },
    overall: move(figures.overall),
  };
}

/** The grid without its cells: what every view's payload starts from. */
export type GridFrame = Omit<GridContent, "cells" | "values">;

function frame(grid: GridFrame): Omit<CompactGrid, "s" | "v" | "f" | "g"> {
  const teams: [string, string][] = [];
  const teamIndex = new Map<string, number>();
  const hidden = new Set(grid.hidden);
  const indexOf = (teamId: string, teamName: string) => {
    let t = teamIndex.get(teamId);
    if (t === undefined) {
      t = teams.push([teamId, teamName]) - 1;
      teamIndex.set(teamId, t);
    }
    return t;
  };
  const r = grid.reps.map((rep): CompactGrid["r"][number] => {
    const t = rep.teamId === null ? -1 : indexOf(rep.teamId, rep.teamName ?? "");
    return [rep.userId, rep.name, t, STATUSES.indexOf(rep.status), hidden.has(rep.userId) ? 1 : 0];
  });
  return {
    cg: 1,
    b: grid.behaviours,
    t: teams,
    r,
    ra: grid.reps.map((rep) => pack(grid.averages.byRep[rep.userId])),
    ta: grid.behaviours.map((b) => pack(grid.averages.byBehaviour[b.id])),
    to: pack(grid.averages.overall),
    oa: grid.behaviours.map((b) => pack(grid.organisation.byBehaviour[b.id])),
    oo: pack(grid.organisation.overall),
    ty: grid.teams.map((team) => [
      team.teamId === null ? -1 : indexOf(team.teamId, team.name),
      grid.behaviours.map((b) => pack(team.averages.byBehaviour[b.id])),
      pack(team.averages.overall),
    ]),
  };
}

export function encodeGrid(grid: GridContent, view: "leader" | "self" | "gap" | "change"): CompactGrid {
  const width = grid.behaviours.length;
  const column = new Map(grid.behaviours.map((b, j) => [b.id, j]));
  const row = new Map(grid.reps.map((r, i) => [r.userId, i]));
  const at = (repUserId: string, behaviourId: string) => {
    const i = row.get(repUserId);
    const j = column.get(behaviourId);
    return i === undefined || j === undefined ? -1 : i * width + j;
  };
  const size = grid.reps.length * width;
  const s: (number | null)[] = new Array<number | null>(size).fill(null);
  const leader = view === "leader";
  const v: number[] = leader ? new Array<number>(size).fill(0) : [];
  const parts = isDifferenceView(view); // a self value is its own first part, and has no second
  const f: (number | null)[] = parts ? new Array<number | null>(size).fill(null) : [];
  const g: (number | null)[] = parts ? new Array<number | null>(size).fill(null) : [];
  if (leader) {
    for (const c of grid.cells) {
      const k = at(c.repUserId, c.behaviourId);
      if (k < 0) continue;
      s[k] = c.score;
      v[k] = c.version;
    }
  } else {
    for (const c of grid.values) {
      const k = at(c.repUserId, c.behaviourId);
      if (k < 0) continue;
      s[k] = c.value;
      if (parts) {
        f[k] = c.first;
        g[k] = c.second;
      }
    }
  }
  return { ...frame(grid), s, v, f, g };
}

/**
 * The leader view's rows as the database gives them (listGridRows): per rep, its cells' column numbers, scores and
 * versions as parallel arrays. Rows of reps the grid does not list, and columns out of range, are left out.
 */
export type LeaderRow = { repUserId: string; columns: number[]; scores: (number | null)[]; versions: number[] };

/** The leader view's payload straight from its rows: the same result as encodeGrid with the rows' cells listed. */
export function encodeLeaderRows(grid: GridFrame, rows: readonly LeaderRow[]): CompactGrid {
  const width = grid.behaviours.length;
  const size = grid.reps.length * width;
  const s: (number | null)[] = new Array<number | null>(size).fill(null);
  const v: number[] = new Array<number>(size).fill(0);
  const index = new Map(grid.reps.map((r, i) => [r.userId, i]));
  for (const row of rows) {
    const i = index.get(row.repUserId);
    if (i === undefined) continue;
    row.columns.forEach((j, n) => {
      if (j < 0 || j >= width) return;
      s[i * width + j] = row.scores[n] ?? null;
      v[i * width + j] = row.versions[n]!;
    });
  }
  return { ...frame(grid), s, v, f: [], g: [] };
}

/**
 * The grid read from its compact form, its cells left dense (what the grid's client component works on: a cell is
 * `scores[row * behaviours.length + column]`); reps, teams and averages as objects.
 */
export type GridModel = Omit<GridContent, "cells" | "values"> & {
  /** Leader view: the scores (null: empty); read-only views: the values (null: none). */
  scores: (number | null)[];
  /** Leader view: the versions (0: never saved); empty for the other views. */
  versions: number[];
  /** Read-only views: what each value is made of (self: the score itself and nothing). Empty for the leader view. */
  first: (number | null)[];
  second: (number | null)[];
};

export function readGrid(compact: CompactGrid): GridModel {
  const behaviours = compact.b;
  const reps: GridRep[] = compact.r.map(([userId, name, t, status]) => ({
    userId,
    name,
    teamId: t < 0 ? null : compact.t[t]![0],
    teamName: t < 0 ? null : compact.t[t]![1],
    status: STATUSES[status]!,
  }));
  const byRep: Record<string, Average> = {};
  compact.ra.forEach((a, i) => {
    const value = unpack(a);
    if (value) byRep[reps[i]!.userId] = value;
  });
  const columns = (list: CompactAverage[]) => {
    const out: Record<string, Average> = {};
    list.forEach((a, j) => {
      const value = unpack(a);
      if (value) out[behaviours[j]!.id] = value;
    });
    return out;
  };
  const leader = compact.v.length > 0 || compact.s.length === 0;
  const parts = compact.f.length > 0;
  return {
    behaviours,
    reps,
    scores: compact.s,
    versions: compact.v,
    first: leader ? [] : parts ? compact.f : compact.s,
    second: leader || !parts ? [] : compact.g,
    hidden: compact.r.filter((r) => r[4] === 1).map((r) => r[0]),
    averages: { byRep, byBehaviour: columns(compact.ta), overall: unpack(compact.to) ?? NO_AVERAGE },
    organisation: { byBehaviour: columns(compact.oa), overall: unpack(compact.oo) ?? NO_AVERAGE },
    teams: compact.ty.map(([t, list, overall]) => ({
      teamId: t < 0 ? null : compact.t[t]![0],
      name: t < 0 ? NO_TEAM : compact.t[t]![1],
      averages: { byBehaviour: columns(list), overall: unpack(overall) ?? NO_AVERAGE },
    })),
  };
}

/** The grid as the loader built it (cells and values as lists), for tests and tools; see readGrid for the client. */
export function decodeGrid(compact: CompactGrid): GridContent {
  const { scores, versions, first, second, ...grid } = readGrid(compact);
  const width = grid.behaviours.length;
  const cells: LeaderCell[] = [];
  const values: ViewValue[] = [];
  const leader = versions.length > 0;
  grid.reps.forEach((rep, i) => {
    grid.behaviours.forEach((b, j) => {
      const k = i * width + j;
      const value = scores[k] ?? null;
      if (leader) {
        const version = versions[k]!;
        if (version > 0 || value !== null) cells.push({ repUserId: rep.userId, behaviourId: b.id, score: value, version });
      } else if (value !== null) {
        values.push({ repUserId: rep.userId, behaviourId: b.id, value, first: first[k] ?? null, second: second[k] ?? null });
      }
    });
  });
  return { ...grid, cells, values };
}
