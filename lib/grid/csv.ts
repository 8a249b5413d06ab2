import { csvLines, type CsvCell } from "@/lib/csv";
import { fileNameSlug } from "@/lib/slug";
import type { GridContent } from "./compact";
import { gridFooters } from "./footers";
import type { GridViewName } from "./views";

/** What the CSV is made of: the grid decoded, and whether it is one team's or all teams'. */
export type GridCsvData = { teamId: string | null; grid: GridContent | null };

export function gridCsvFileName(slug: string, cycleName: string, view: GridViewName): string {
  return `${slug}-${fileNameSlug(cycleName, "cycle")}-${view}.csv`;
}

/**
 * The grid as CSV (lib/csv.ts): rep, team, one column per behaviour, the row average; then the average rows as the
 * page shows them (gridFooters: each team's in an all-teams grid, the scope's, the organisation's). Numbers are
 * written plain (a gap of minus one is -1); a hidden self rating is the word "hidden"; an empty cell is empty.
 */
export function gridCsv(data: GridCsvData): string {
  const { grid } = data;
  const behaviours = grid?.behaviours ?? [];
  const lines: CsvCell[][] = [["Rep", "Team", ...behaviours.map((b) => b.name), "Average"]];
  if (grid) {
    const valueOf = new Map<string, number | null>();
    for (const c of grid.cells) valueOf.set(`${c.repUserId}:${c.behaviourId}`, c.score);
    for (const v of grid.values) valueOf.set(`${v.repUserId}:${v.behaviourId}`, v.value);
    const hidden = new Set(grid.hidden);
    for (const rep of grid.reps) {
      const isHidden = hidden.has(rep.userId);
      lines.push([
        rep.name,
        rep.teamName ?? "",
        ...behaviours.map((b) => (isHidden ? "hidden" : valueOf.get(`${rep.userId}:${b.id}`))),
        isHidden ? "hidden" : grid.averages.byRep[rep.userId]?.average,
      ]);
    }
    for (const footer of gridFooters(grid, data.teamId === null)) {
      lines.push([footer.label, "", ...behaviours.map((b) => footer.values.byBehaviour[b.id]?.average), footer.values.overall.average]);
    }
  }
  return csvLines(lines);
}
