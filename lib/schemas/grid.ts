import { z } from "zod";
import { intField, uuidField } from "./fields";

export const scoreField = intField("A score is a whole number from 1 to 5.", 1, 5).nullable();

export const rateSchema = z.object({
  cycleId: uuidField,
  repUserId: uuidField,
  behaviourId: uuidField,
  /** null clears the cell. */
  score: scoreField,
  /** The version the editor saw; 0 for a cell never saved. */
  expectedVersion: intField("That version of the score is not valid. Reload the page.", 0),
});

/** The grid page's pickers, from the URL; unknown values are ignored. */
export const gridViewSchema = z.object({
  team: z
    .union([uuidField, z.literal("all")])
    .optional()
    .catch(undefined),
  cycle: uuidField.optional().catch(undefined),
});
