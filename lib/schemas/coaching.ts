import { z } from "zod";
import { GAP_BASES } from "@/lib/coaching/gap-basis";
import { PLAN_STATUSES } from "@/lib/coaching/plans";
import { isIsoDate } from "@/lib/dates";
import { blankable, checkboxField, intField, uuidField } from "./fields";

export const COACHING_LIMITS = { action: 200, actions: 10, note: 5000 } as const;

/** A calendar day, yyyy-mm-dd, between 2000 and 2100. */
const day = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(isIsoDate, "Enter a real date, like 2027-03-31.")
    .refine((v) => v >= "2000-01-01" && v <= "2100-12-31", "Enter a date between 2000 and 2100.");

/** Ids sent as one form value, several, or none. */
const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z.array(uuidField).max(20, "Choose at most 20 behaviours."),
);

/** Label thresholds and the 1:1 cadence (organisation settings). */
export const coachingSettingsSchema = z
  .object({
    blindSpotGap: intField("Choose a gap from 1 to 4.", 1, 4),
    hiddenStrengthGap: intField("Choose a gap from 1 to 4.", 1, 4),
    agreedWeaknessMax: intField("Choose a score from 1 to 5.", 1, 5),
    agreedStrengthMin: intField("Choose a score from 1 to 5.", 1, 5),
    oneOnOneCadenceDays: intField("Choose a cadence from 1 to 365 days.", 1, 365),
    gapBasis: z.enum(GAP_BASES, { error: "Choose what the labels measure." }),
  })
  .refine((v) => v.agreedWeaknessMax < v.agreedStrengthMin, {
    path: ["agreedStrengthMin"],
    message: "An agreed strength must start above the agreed-weakness score.",
  });

const targetScore = intField("Choose a target score from 1 to 5.", 1, 5);
const dueOn = blankable(day("Enter the due date."));

/** The checklist typed as one action per line: blank lines dropped, each line trimmed. */
const actionLines = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
      : Array.isArray(v)
        ? v
        : [],
  z
    .array(z.string().max(COACHING_LIMITS.action, `Keep each action to ${COACHING_LIMITS.action} characters or fewer.`))
    .max(COACHING_LIMITS.actions, `List at most ${COACHING_LIMITS.actions} actions.`),
);

export const createPlanSchema = z.object({
  repUserId: uuidField,
  behaviourId: z
    .string({ error: "Choose the behaviour to focus on." })
    .trim()
    .min(1, "Choose the behaviour to focus on.")
    .pipe(z.uuid("Choose the behaviour to focus on.")),
  targetScore,
  dueOn,
  actions: actionLines,
});

export const updatePlanSchema = z.object({
  planId: uuidField,
  targetScore,
  dueOn,
  status: z.enum(PLAN_STATUSES, { error: "Choose a status." }),
});

export const addPlanActionSchema = z.object({
  planId: uuidField,
  description: z
    .string({ error: "Describe the action." })
    .trim()
    .min(1, "Describe the action.")
    .max(COACHING_LIMITS.action, `Keep the action to ${COACHING_LIMITS.action} characters or fewer.`),
});

export const planActionSchema = z.object({ planId: uuidField, actionId: uuidField });
export const setPlanActionDoneSchema = z.object({ planId: uuidField, actionId: uuidField, done: checkboxField });

const noteFields = {
  heldOn: day("Enter the day of the 1:1."),
  body: z
    .string({ error: "Write the note." })
    .trim()
    .min(1, "Write the note.")
    .max(COACHING_LIMITS.note, `Keep the note to ${COACHING_LIMITS.note} characters or fewer.`),
  shared: checkboxField,
  behaviourIds: idList,
};

export const createNoteSchema = z.object({ repUserId: uuidField, ...noteFields });
export const updateNoteSchema = z.object({ noteId: uuidField, ...noteFields });
export const noteIdSchema = z.object({ noteId: uuidField });

/** The queue page: optionally one team, and every rep instead of the first ones. */
export const queuePageSchema = z.object({
  team: blankable(uuidField).optional(),
  all: z.enum(["1"]).optional(),
  /** The page's view of the labels; absent: the organisation's setting. */
  gaps: z.enum(GAP_BASES).optional(),
});

/** One rep's coaching page. */
export const repCoachingPageSchema = z.object({ repId: uuidField });
