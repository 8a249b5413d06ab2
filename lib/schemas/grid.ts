import { z } from "zod";
import { uuidField } from "./fields";

export const scoreField = z
  .number({ error: "A score is a whole number from 1 to 5." })
  .int("A score is a whole number from 1 to 5.")
  .min(1, "A score is a whole number from 1 to 5.")
  .max(5, "A score is a whole number from 1 to 5.")
  .nullable();

export const rateSchema = z.object({
  cycleId: uuidField,
  repUserId: uuidField,
  behaviourId: uuidField,
  /** null clears the cell. */
  score: scoreField,
  /** The version the editor saw; 0 for a cell never saved. */
  expectedVersion: z.number().int().min(0),
});

/** The grid page's pickers, from the URL; unknown values are ignored. */
export const gridViewSchema = z.object({
  team: z.union([uuidField, z.literal("all")]).optional().catch(undefined),
  cycle: uuidField.optional().catch(undefined),
});
