import type { HeatCell } from "@/db/queries/dashboards";
import type { OrganisationRollup } from "@/lib/coaching/queue";
import { compareQueueItems, TRAINING_TOPICS, type QueueItem } from "@/lib/coaching/rules";

import type { Participation } from "@/db/queries/dashboards";

export type { Participation, TeamParticipation } from "@/db/queries/dashboards";

/**
 * The dashboards' figures, shaped from the SQL roll-ups (no averaging here: every average comes from SQL).
 */

type Named = { id: string; name: string };

/** How many teams the dashboards' long tables open with (participation furthest behind, the heatmap weakest first). */
export const FIRST_TEAMS = 10;
export type Figure = { average: number; count: number } | null;
type Change = number | null;

/** A team x behaviour table of the current cycle, with row, column and overall figures and change. */
export type Heatmap = {
  behaviours: (Named & { figure: Figure; before: Figure; change: Change })[];
  /**
   * `cells`: the team's figure per behaviour, aligned to `behaviours`. `weakest`: the team's lowest-rated behaviour,
   * the first in the framework's order on a tie.
   */
  teams: (Named & { figure: Figure; change: Change; cells: Figure[]; weakest: (Named & { average: number }) | null })[];
  /** How many teams there are: more than `teams` when only the weakest were read (the admin's cut table). */
  teamCount: number;
  overall: { figure: Figure; change: Change };
};

/**
 * What the heatmap table shows, and no more: a client component's props travel in the page's payload, and an
 * organisation of 50 teams has 600 cells.
 */
export type HeatmapTable = {
  behaviours: (Named & { figure: Figure })[];
  teams: (Named & { figure: Figure; change: Change; cells: Figure[] })[];
  teamCount: number;
  overall: Heatmap["overall"];
};

/** The heatmap as its table shows it: teams weakest first (by overall average; unrated teams last, by name). */
export function heatmapTable({ behaviours, teams, teamCount, overall }: Heatmap): HeatmapTable {
  const average = (figure: Figure) => figure?.average ?? Infinity;
  return {
    behaviours: behaviours.map(({ id, name, figure }) => ({ id, name, figure })),
    teams: teams
      .map(({ id, name, figure, change, cells }) => ({ id, name, figure, change, cells }))
      .sort((a, b) => average(a.figure) - average(b.figure)),
    teamCount,
    overall,
  };
}

/**
 * Teams furthest behind first: by the share of their reps' self-assessments submitted and leader ratings complete,
 * the two counted alike; teams without reps last. Ties keep the order given (by name).
 */
export function furthestBehindFirst<T extends Participation>(teams: readonly T[]): T[] {
  const done = (t: T) => (t.reps === 0 ? Infinity : (t.selfSubmitted + t.leaderComplete) / (2 * t.reps));
  return [...teams].sort((a, b) => done(a) - done(b));
}

function key(cycleId: string, teamId: string | null, behaviourId: string | null) {
  return `${cycleId}|${teamId ?? "*"}|${behaviourId ?? "*"}`;
}

/** Rounded to one decimal like the averages it compares, so "+0.3" is what a person computes from the screen. */
function change(now: Figure, before: Figure): Change {
  return now && before ? Math.round((now.average - before.average) * 10) / 10 : null;
}

/**
 * The heatmap of `teams`, from the cells of teamBehaviourAverages. With `weakestTeams` (the cells of only that many
 * weakest teams were read), the teams are those with cells, then the unrated ones in the order given, up to that
 * many: what heatmapTable would put first of every team.
 */
export function buildHeatmap(
  cells: readonly HeatCell[],
  input: { cycleId: string; previousCycleId: string | null; teams: readonly Named[]; behaviours: readonly Named[]; weakestTeams?: number },
): Heatmap {
  const index = new Map(cells.map((c) => [key(c.cycleId, c.teamId, c.behaviourId), { average: c.average, count: c.count }]));
  const now = (teamId: string | null, behaviourId: string | null): Figure => index.get(key(input.cycleId, teamId, behaviourId)) ?? null;
  const before = (teamId: string | null, behaviourId: string | null): Figure =>
    input.previousCycleId ? (index.get(key(input.previousCycleId, teamId, behaviourId)) ?? null) : null;
  return {
    behaviours: input.behaviours.map((b) => ({
      ...b,
      figure: now(null, b.id),
      before: before(null, b.id),
      change: change(now(null, b.id), before(null, b.id)),
    })),
    teams: readTeams(input.teams, index, input.cycleId, input.weakestTeams).map((t) => ({
      ...t,
      figure: now(t.id, null),
      change: change(now(t.id, null), before(t.id, null)),
      cells: input.behaviours.map((b) => now(t.id, b.id)),
      weakest: input.behaviours.reduce<(Named & { average: number }) | null>((low, b) => {
        const cell = now(t.id, b.id);
        return cell && (!low || cell.average < low.average) ? { ...b, average: cell.average } : low;
      }, null),
    })),
    teamCount: input.teams.length,
    overall: { figure: now(null, null), change: change(now(null, null), before(null, null)) },
  };
}

function readTeams(teams: readonly Named[], index: Map<string, unknown>, cycleId: string, weakestTeams?: number) {
  if (weakestTeams === undefined) return teams;
  // Fewer rated teams than were asked for: those are all of them, and the others are unrated.
  const rated = (t: Named) => index.has(key(cycleId, t.id, null));
  return [...teams.filter(rated), ...teams.filter((t) => !rated(t))].slice(0, weakestTeams);
}

/** A training topic: one of the organisation's weakest behaviours, with the teams at either end of its spread. */
export type TrainingTopic = {
  behaviourId: string;
  name: string;
  average: number;
  rated: number;
  misSeen: number;
  /** Present when at least two teams have it rated. */
  spread: { low: { name: string; average: number }; high: { name: string; average: number }; size: number } | null;
};

/**
 * The organisation's training topics from the coaching roll-ups as shaped for the coaching page (weakest first,
 * then most mis-seen), so the dashboard and the coaching page name the same behaviours in the same order; each
 * with the teams at either end when two or more teams are rated on it.
 */
export function trainingTopics(organisation: OrganisationRollup, limit = TRAINING_TOPICS): TrainingTopic[] {
  return organisation
    .filter((b) => b.average !== null)
    .slice(0, limit)
    .map((b) => {
      const { lowestTeam, highestTeam, lowestTeamName, highestTeamName, spread } = b;
      return {
        behaviourId: b.behaviourId,
        name: b.name,
        average: b.average!,
        rated: b.rated,
        misSeen: b.misSeen,
        // Team names are unique in an organisation: two names, two teams.
        spread:
          spread !== null && lowestTeam !== null && highestTeam !== null && lowestTeamName && highestTeamName && lowestTeamName !== highestTeamName
            ? { low: { name: lowestTeamName, average: lowestTeam }, high: { name: highestTeamName, average: highestTeam }, size: spread }
            : null,
      };
    });
}

/** The queue's most pressing items across reps: "coach on this next" order, then the reps' coaching order. */
export function topQueueItems<R extends { items: readonly QueueItem[] }>(reps: readonly R[], limit: number): { rep: R; item: QueueItem }[] {
  return reps
    .flatMap((rep, order) => rep.items.map((item) => ({ rep, item, order })))
    .sort((a, b) => compareQueueItems(a.item, b.item) || a.order - b.order)
    .slice(0, limit)
    .map(({ rep, item }) => ({ rep, item }));
}
