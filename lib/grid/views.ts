import { z } from "zod";
import { gridViewSchema } from "@/lib/schemas/grid";

/** The grid's views: the leader's ratings (editable), and three read-only ones. */
export const GRID_VIEWS = ["leader", "self", "gap", "change"] as const;
export type GridViewName = (typeof GRID_VIEWS)[number];

export const GRID_VIEW_LABEL: Record<GridViewName, string> = {
  leader: "Leader ratings",
  self: "Self ratings",
  gap: "Gap (self − leader)",
  change: "Change since previous cycle",
};

/** The grid page's and the CSV export's parameters, from the URL; unknown values are ignored. */
export const gridPageSchema = gridViewSchema.extend({
  view: z.enum(GRID_VIEWS).optional().catch(undefined),
});

/** Views whose values are signed differences. */
export function isSigned(view: GridViewName): boolean {
  return view === "gap" || view === "change";
}
