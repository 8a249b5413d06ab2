import { z } from "zod";
import { INTERACTION_KINDS, RELATIONSHIP_STATUSES } from "@/lib/relationships/rules";
import { isIsoDate } from "@/lib/dates";
import { blankable, intField, uuidField } from "./fields";

export const RELATIONSHIP_LIMITS = {
  name: 100,
  title: 100,
  department: 60,
  nextStep: 300,
  goal: 200,
  friction: 1000,
  notes: 2000,
  action: 300,
} as const;

/** A required, trimmed text with one message when it is missing and one when it is too long. */
function text(missing: string, max: number, what: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, `Keep ${what} to ${max} characters or fewer.`);
}

/** An optional, trimmed text: blank becomes null. */
export function optionalText(max: number, what: string) {
  return blankable(z.string().trim().max(max, `Keep ${what} to ${max} characters or fewer.`)).transform((v) => v || null);
}

/** A calendar day, yyyy-mm-dd (what a date input sends), between 2000 and 2100. */
function dateField(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(isIsoDate, "Enter a real date, like 2027-03-31.")
    .refine((v) => v >= "2000-01-01" && v <= "2100-12-31", "Enter a date between 2000 and 2100.");
}

/** A checkbox: present ("on", "true") or absent. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const trustField = intField("Choose a trust level from 1 to 5.", 1, 5);

const departmentNameField = text("Enter the department's name.", RELATIONSHIP_LIMITS.department, "the name");
export const addDepartmentSchema = z.object({ name: departmentNameField });
export const renameDepartmentSchema = z.object({ departmentId: uuidField, name: departmentNameField });
export const departmentIdSchema = z.object({ departmentId: uuidField });

const departmentField = z.string({ error: "Choose a department." }).trim().min(1, "Choose a department.").pipe(z.uuid("Choose a department."));

const relationshipFields = {
  departmentId: departmentField,
  counterpartName: text("Enter the counterpart's name.", RELATIONSHIP_LIMITS.name, "the name"),
  counterpartTitle: optionalText(RELATIONSHIP_LIMITS.title, "the title"),
  status: z.enum(RELATIONSHIP_STATUSES, { error: "Choose a status." }),
  trust: trustField,
  priority: checkbox,
  nextStep: optionalText(RELATIONSHIP_LIMITS.nextStep, "the next step"),
  nextStepDue: blankable(dateField("Enter the due date.")),
  cadenceDays: intField("Choose a contact cadence from 1 to 365 days.", 1, 365),
};

const dueNeedsStep: [(v: { nextStep: string | null; nextStepDue: string | null }) => boolean, { path: string[]; message: string }] = [
  (v) => v.nextStepDue === null || v.nextStep !== null,
  { path: ["nextStep"], message: "Describe the next step, or clear its due date." },
];

export const createRelationshipSchema = z.object(relationshipFields).refine(...dueNeedsStep);
export const updateRelationshipSchema = z.object({ relationshipId: uuidField, ...relationshipFields }).refine(...dueNeedsStep);
export const setPrioritySchema = z.object({ relationshipId: uuidField, priority: checkbox });

export const addGoalSchema = z.object({ relationshipId: uuidField, text: text("Describe the joint goal.", RELATIONSHIP_LIMITS.goal, "the goal") });
export const setGoalAchievedSchema = z.object({ relationshipId: uuidField, goalId: uuidField, achieved: checkbox });

export const logInteractionSchema = z.object({
  relationshipId: uuidField,
  kind: z.enum(INTERACTION_KINDS, { error: "Choose what kind of interaction it was." }),
  occurredOn: dateField("Enter the date it happened."),
  weFrustrateThem: optionalText(RELATIONSHIP_LIMITS.friction, "this answer"),
  theyFrustrateUs: optionalText(RELATIONSHIP_LIMITS.friction, "this answer"),
  notes: optionalText(RELATIONSHIP_LIMITS.notes, "the notes"),
  trustAfter: trustField,
});

export const addActionSchema = z.object({
  relationshipId: uuidField,
  interactionId: blankable(uuidField),
  /** The check-in answer whose friction point it came from, if any. */
  checkInId: blankable(uuidField),
  description: text("Describe the action.", RELATIONSHIP_LIMITS.action, "the action"),
  owner: z.enum(["us", "them"], { error: "Choose who owns the action: us or them." }),
  dueOn: dateField("Enter the due date."),
});
export const setActionDoneSchema = z.object({ relationshipId: uuidField, actionId: uuidField, done: checkbox });

/** The detail page: which relationship. */
export const relationshipPageSchema = z.object({ relationshipId: uuidField });
