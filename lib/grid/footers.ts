import type { ColumnAverages, GridContent } from "./compact";

export type GridFooter = {
  /** Unique among the rows (a team may be called "Organisation"). */
  key: string;
  label: string;
  /** A team row's team (null: the people without a team); undefined for the scope's and the organisation's rows. */
  teamId?: string | null;
  values: ColumnAverages;
};

/**
 * The grid's average rows, in the order the page and the CSV show them: in an all-teams grid each team's (by name,
 * the people without a team last), then the chosen scope's (all teams, or the team), then the organisation's.
 */
export function gridFooters(grid: Pick<GridContent, "averages" | "organisation" | "teams">, allTeams: boolean): GridFooter[] {
  return [
    ...(allTeams
      ? grid.teams.map((team) => ({ key: `team:${team.teamId ?? ""}`, label: team.name, teamId: team.teamId, values: team.averages }))
      : []),
    { key: "scope", label: allTeams ? "All teams" : "Team average", values: grid.averages },
    { key: "organisation", label: "Organisation", values: grid.organisation },
  ];
}
