import type { GridContent } from "./compact";
import { gridFooters } from "./footers";
import type { GridViewName } from "./views";

/** What the CSV is made of: the grid decoded, and whether it is one team's or all teams'. */
export type GridCsvData = { teamId: string | null; grid: GridContent | null };

/**
 * The grid as CSV: rep, team, one column per behaviour, the row average; then the average rows as the page shows
 * them (gridFooters: each team's in an all-teams grid, the scope's, the organisation's). Numbers are
 * written plain (a gap of minus one is -1); a hidden self rating is the word "hidden"; an empty cell is empty.
 */

/** A text field, quoted when needed, with a leading =, +, -, @ (or tab / carriage return) neutralised. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvNumber(value: number | null | undefined): string {
  return value == null ? "" : String(value);
}

export function slugify(value: string): string {
  return (
    value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "cycle"
  );
}

export function gridCsvFileName(slug: string, cycleName: string, view: GridViewName): string {
  return `${slug}-${slugify(cycleName)}-${view}.csv`;
}

export function gridCsv(data: GridCsvData): string {
  const { grid } = data;
  const lines: string[][] = [];
  const behaviours = grid?.behaviours ?? [];
  lines.push(["Rep", "Team", ...behaviours.map((b) => b.name), "Average"].map(csvText));
  if (grid) {
    const valueOf = new Map<string, number | null>();
    for (const c of grid.cells) valueOf.set(`${c.repUserId}:${c.behaviourId}`, c.score);
    for (const v of grid.values) valueOf.set(`${v.repUserId}:${v.behaviourId}`, v.value);
    const hidden = new Set(grid.hidden);
    for (const rep of grid.reps) {
      const isHidden = hidden.has(rep.userId);
      lines.push([
        csvText(rep.name),
        csvText(rep.teamName ?? ""),
        ...behaviours.map((b) => (isHidden ? "hidden" : csvNumber(valueOf.get(`${rep.userId}:${b.id}`)))),
        isHidden ? "hidden" : csvNumber(grid.averages.byRep[rep.userId]?.average),
      ]);
    }
    for (const footer of gridFooters(grid, data.teamId === null)) {
      lines.push([csvText(footer.label), "", ...behaviours.map((b) => csvNumber(footer.values.byBehaviour[b.id]?.average)), csvNumber(footer.values.overall.average)]);
    }
  }
  return lines.map((line) => line.join(",")).join("\r\n") + "\r\n";
}
