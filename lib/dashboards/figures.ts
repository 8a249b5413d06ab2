import type { HeatCell } from "@/db/queries/dashboards";

export type { Participation, TeamParticipation } from "@/db/queries/dashboards";

/**
 * The dashboards' figures, shaped from the SQL roll-ups (no averaging here: every average comes from SQL).
 */

type Named = { id: string; name: string };
export type Figure = { average: number; count: number } | null;
export type Change = number | null;

/** A team x behaviour table of the current cycle, with row, column and overall figures and change. */
export type Heatmap = {
  behaviours: (Named & { figure: Figure; before: Figure; change: Change })[];
  teams: (Named & { figure: Figure; change: Change; cells: Record<string, Figure> })[];
  overall: { figure: Figure; change: Change };
};

function key(cycleId: string, teamId: string | null, behaviourId: string | null) {
  return `${cycleId}|${teamId ?? "*"}|${behaviourId ?? "*"}`;
}

/** Rounded to one decimal like the averages it compares, so "+0.3" is what a person computes from the screen. */
function change(now: Figure, before: Figure): Change {
  return now && before ? Math.round((now.average - before.average) * 10) / 10 : null;
}

export function buildHeatmap(
  cells: readonly HeatCell[],
  input: { cycleId: string; previousCycleId: string | null; teams: readonly Named[]; behaviours: readonly Named[] },
): Heatmap {
  const index = new Map(cells.map((c) => [key(c.cycleId, c.teamId, c.behaviourId), { average: c.average, count: c.count }]));
  const now = (teamId: string | null, behaviourId: string | null): Figure => index.get(key(input.cycleId, teamId, behaviourId)) ?? null;
  const before = (teamId: string | null, behaviourId: string | null): Figure =>
    input.previousCycleId ? (index.get(key(input.previousCycleId, teamId, behaviourId)) ?? null) : null;
  return {
    behaviours: input.behaviours.map((b) => ({ ...b, figure: now(null, b.id), before: before(null, b.id), change: change(now(null, b.id), before(null, b.id)) })),
    teams: input.teams.map((t) => ({
      ...t,
      figure: now(t.id, null),
      change: change(now(t.id, null), before(t.id, null)),
      cells: Object.fromEntries(input.behaviours.map((b) => [b.id, now(t.id, b.id)])),
    })),
    overall: { figure: now(null, null), change: change(now(null, null), before(null, null)) },
  };
}

export type WeakBehaviour = Named & { average: number; spread: { low: Named & { average: number }; high: Named & { average: number } } | null };

/**
 * The weakest behaviours across the organisation (lowest average first: team training topics), each with the
 * spread between its lowest- and highest-scoring team.
 */
export function weakestBehaviours(heatmap: Heatmap, limit = 3): WeakBehaviour[] {
  return heatmap.behaviours
    .filter((b) => b.figure)
    .sort((a, b) => a.figure!.average - b.figure!.average || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((b) => {
      const scored = heatmap.teams
        .flatMap((t) => (t.cells[b.id] ? [{ id: t.id, name: t.name, average: t.cells[b.id]!.average }] : []))
        .sort((x, y) => x.average - y.average || x.name.localeCompare(y.name));
      return {
        id: b.id,
        name: b.name,
        average: b.figure!.average,
        spread: scored.length >= 2 ? { low: scored[0]!, high: scored[scored.length - 1]! } : null,
      };
    });
}
