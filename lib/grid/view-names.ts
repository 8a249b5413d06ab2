/**
 * The grid's views: the leader's ratings (editable), and three read-only ones. Plain constants with no zod, so the
 * grid's client component imports them without shipping zod to the browser (31 KB gzip).
 */
export const GRID_VIEWS = ["leader", "self", "gap", "change"] as const;
export type GridViewName = (typeof GRID_VIEWS)[number];

export const GRID_VIEW_LABEL: Record<GridViewName, string> = {
  leader: "Leader ratings",
  self: "Self ratings",
  gap: "Gap (self − leader)",
  change: "Change since previous cycle",
};

/** The views of differences (signed values, e.g. +2), as opposed to the views of scores. */
export const isDifferenceView = (view: GridViewName) => view === "gap" || view === "change";
