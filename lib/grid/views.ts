import { z } from "zod";
import { gridViewSchema } from "@/lib/schemas/grid";
import { GRID_VIEWS } from "./view-names";

export { GRID_VIEW_LABEL, GRID_VIEWS, type GridViewName } from "./view-names";

/** The grid page's and the CSV export's parameters, from the URL; unknown values are ignored. */
export const gridPageSchema = gridViewSchema.extend({
  view: z.enum(GRID_VIEWS).optional().catch(undefined),
});
