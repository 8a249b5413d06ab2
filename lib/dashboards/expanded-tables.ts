import { z } from "zod";

/**
 * The dashboard tables a person opened whole ("Show all N teams"), kept in the address (`?heatmap=all`) so the
 * server reads and renders those tables' every row and the others' first rows only.
 */
const TABLES = ["participation", "heatmap"] as const;
type Table = (typeof TABLES)[number];
export type ExpandedTables = Record<Table, boolean>;

/** The dashboard loader's input: the page's search parameters, where any value but "all" leaves a table cut. */
export const expandedTablesInput = z
  .object({ participation: z.unknown().optional(), heatmap: z.unknown().optional() })
  .transform((tables): ExpandedTables => ({ participation: tables.participation === "all", heatmap: tables.heatmap === "all" }));

/** The dashboard's address with `table` toggled and the others as they are, scrolled to that table. */
export function toggledHref(slug: string, expanded: ExpandedTables, table: Table): string {
  const query = new URLSearchParams();
  for (const t of TABLES) if (t === table ? !expanded[t] : expanded[t]) query.set(t, "all");
  return `/o/${slug}${query.size ? `?${query}` : ""}#${table}`;
}
