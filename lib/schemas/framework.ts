import { z } from "zod";
import { BEHAVIOUR_LIMITS, CYCLE_NAME_MAX } from "@/lib/framework/rules";
import { uuidField } from "./fields";

/** A required, trimmed text with one message when it is missing and one when it is too long. */
function text(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);
}

const anchor = (level: 1 | 3 | 5) =>
  text(`Describe what someone rated ${level} does.`, BEHAVIOUR_LIMITS.text, `Keep this to ${BEHAVIOUR_LIMITS.text} characters or fewer.`);

const behaviourFields = {
  name: text("Enter the behaviour's name.", BEHAVIOUR_LIMITS.name, `Keep the name to ${BEHAVIOUR_LIMITS.name} characters or fewer.`),
  description: text(
    "Describe the behaviour in a sentence.",
    BEHAVIOUR_LIMITS.text,
    `Keep the description to ${BEHAVIOUR_LIMITS.text} characters or fewer.`,
  ),
  level1: anchor(1),
  level3: anchor(3),
  level5: anchor(5),
};

export const addBehaviourSchema = z.object(behaviourFields);
export const editBehaviourSchema = z.object({ behaviourId: uuidField, ...behaviourFields });
export const behaviourIdSchema = z.object({ behaviourId: uuidField });

/** The complete new order of the active behaviours, first to last. */
export const reorderBehavioursSchema = z.object({
  behaviourIds: z
    .array(uuidField, { error: "Send the behaviours in their new order." })
    .min(1, "Send the behaviours in their new order.")
    .max(100, "That is more behaviours than the framework has.")
    .refine((ids) => new Set(ids).size === ids.length, "Each behaviour may appear only once."),
});

export const confirmFrameworkSchema = z.object({});

const cycleNameField = text("Name the cycle, e.g. “Q1 2027”.", CYCLE_NAME_MAX, `Keep the name to ${CYCLE_NAME_MAX} characters or fewer.`);

export const createCycleSchema = z.object({ name: cycleNameField });
export const cycleIdSchema = z.object({ cycleId: uuidField });
/** `closeCurrent`: close the cycle that is open now, in the same step (the page asks first). */
export const openCycleSchema = z.object({ cycleId: uuidField, closeCurrent: z.boolean().optional().default(false) });
