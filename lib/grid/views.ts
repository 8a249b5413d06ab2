import { z } from "zod";
import { gridViewSchema } from "@/lib/schemas/grid";
import { intField } from "@/lib/schemas/fields";
import { GRID_VIEWS } from "./view-names";

export { GRID_VIEW_LABEL, GRID_VIEWS, type GridViewName } from "./view-names";

/** The grid page's and the CSV export's parameters, from the URL; unknown values are ignored. */
export const gridPageSchema = gridViewSchema.extend({
  view: z.enum(GRID_VIEWS).optional().catch(undefined),
  /** The page of reps, from 1 (the page only; the CSV export holds everyone). */
  page: intField("Not a page number.", 1, 10_000).optional().catch(undefined),
});

/** Reps per page of the grid: the largest team fits on one; an organisation of 20,000 is 40 pages. */
export const GRID_PAGE_SIZE = 500;
