import { z } from "zod";
import { uuidField } from "./fields";
import { scoreField } from "./grid";

const commentField = z
  .string()
  .trim()
  .max(1000, "Keep the comment under 1,000 characters.")
  .nullable()
  .transform((value) => value || null);

export const saveSelfRatingSchema = z.object({
  cycleId: uuidField,
  behaviourId: uuidField,
  score: scoreField,
  comment: commentField.default(null),
});

export const submitSelfAssessmentSchema = z.object({ cycleId: uuidField });

/** A coach acting on one rep's assessment: share or reopen. */
export const repAssessmentSchema = z.object({ cycleId: uuidField, repUserId: uuidField });

export const leaderCommentSchema = z.object({
  cycleId: uuidField,
  repUserId: uuidField,
  behaviourId: uuidField,
  comment: commentField,
});

/** The baseline page: whose, and which cycle (default: the current one). */
export const baselineViewSchema = z.object({ repId: uuidField, cycle: uuidField.optional().catch(undefined) });
