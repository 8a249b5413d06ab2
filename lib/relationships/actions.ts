"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import { findCheckIn } from "@/db/queries/check-ins";
import {
  clearPriority,
  findAction,
  findDepartment,
  findGoal,
  findInteraction,
  findRelationship,
  insertAction,
  insertGoal,
  insertInteraction,
  insertRelationship,
  latestInteractionOn,
  setRelationshipActionDone,
  setRelationshipGoalAchieved,
  updateRelationshipValues,
  type RelationshipValues,
} from "@/db/queries/relationships";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { todayIn } from "@/lib/dates";
import {
  addActionSchema,
  addGoalSchema,
  createRelationshipSchema,
  logInteractionSchema,
  setActionDoneSchema,
  setGoalAchievedSchema,
  setPrioritySchema,
  updateRelationshipSchema,
} from "@/lib/schemas/relationships";
import { relationshipLabel, restartsCadence } from "./rules";
import { relationshipTarget } from "./target";

const keepers = ["admin", "leader", "coLeader", "otherLeader"] as const;
/** The keeper of a relationship (the matrix's is kept by `leader`); admins may act on any. */
const ownerOrAdmin = ["admin", "leader"] as const;
const onRelationship = {
  target: (input: { relationshipId: string }, ctx: { db: DbOrTx; org: { id: string } }) =>
    relationshipTarget(ctx.db, ctx.org.id, input.relationshipId),
};

async function existingRelationship(db: DbOrTx, orgId: string, relationshipId: string) {
  const relationship = await findRelationship(db, orgId, relationshipId);
  if (!relationship) throw new Refusal("not_found", "That relationship does not exist.");
  return relationship;
}

async function activeDepartment(db: DbOrTx, orgId: string, departmentId: string, allowArchivedId?: string) {
  const department = await findDepartment(db, orgId, departmentId);
  if (!department || (department.archivedAt && department.id !== allowArchivedId)) invalidField("departmentId", "Choose a department from the list.");
  return department;
}

/** A leader (or admin) adds a relationship they keep. */
export const createRelationship = memberAction(
  {
    name: "relationship.create",
    permission: "relationships.keep",
    input: createRelationshipSchema,
    expect: { allow: keepers },
  },
  async ({ db, org, user, audit }, values) => {
    const department = await activeDepartment(db, org.id, values.departmentId);
    if (values.priority) await clearPriority(db, org.id, user.id);
    const row = await insertRelationship(db, org.id, user.id, values);
    await audit({
      targetType: "relationship",
      targetId: row.id,
      targetLabel: relationshipLabel({ counterpartName: row.counterpartName, departmentName: department.name }),
      after: values,
    });
    return { relationshipId: row.id };
  },
);

export const updateRelationship = memberAction(
  {
    name: "relationship.update",
    permission: "relationships.edit",
    input: updateRelationshipSchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, audit }, { relationshipId, ...values }) => {
    const current = await existingRelationship(db, org.id, relationshipId);
    const department = await activeDepartment(db, org.id, values.departmentId, current.departmentId);
    if (values.priority && !current.priority) await clearPriority(db, org.id, current.ownerUserId);
    await updateRelationshipValues(db, org.id, relationshipId, values);
    // Only what changed, so the log stays readable.
    const changed = (Object.keys(values) as (keyof RelationshipValues)[]).filter((key) => current[key] !== values[key]);
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel({ counterpartName: values.counterpartName, departmentName: department.name }),
      before: Object.fromEntries(changed.map((key) => [key, current[key]])),
      after: Object.fromEntries(changed.map((key) => [key, values[key]])),
    });
  },
);

/** "The first relationship to develop": one per owner, so flagging one clears the others. */
export const setRelationshipPriority = memberAction(
  {
    name: "relationship.setPriority",
    permission: "relationships.edit",
    input: setPrioritySchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, audit }, { relationshipId, priority }) => {
    const current = await existingRelationship(db, org.id, relationshipId);
    if (priority) await clearPriority(db, org.id, current.ownerUserId);
    await updateRelationshipValues(db, org.id, relationshipId, { priority });
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(current),
      before: { priority: current.priority },
      after: { priority },
    });
  },
);

export const addGoal = memberAction(
  {
    name: "relationship.addGoal",
    permission: "relationships.edit",
    input: addGoalSchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, audit }, { relationshipId, text }) => {
    const relationship = await existingRelationship(db, org.id, relationshipId);
    const goal = await insertGoal(db, org.id, relationshipId, text);
    await audit({ targetType: "relationship", targetId: relationshipId, targetLabel: relationshipLabel(relationship), after: { goal: text } });
    return { goalId: goal.id };
  },
);

export const setGoalAchieved = memberAction(
  {
    name: "relationship.setGoalAchieved",
    permission: "relationships.edit",
    input: setGoalAchievedSchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, audit }, { relationshipId, goalId, achieved }) => {
    const relationship = await existingRelationship(db, org.id, relationshipId);
    const goal = await findGoal(db, org.id, relationshipId, goalId);
    if (!goal) throw new Refusal("not_found", "That goal does not exist.");
    await setRelationshipGoalAchieved(db, org.id, goalId, achieved);
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(relationship),
      after: { goal: goal.text, achieved },
    });
  },
);

/**
 * Logs a lunch, one-on-one, call or group meeting. The relationship's trust becomes the trust after its latest
 * interaction (logging an older one keeps the current level). Whether it restarted the cadence is returned.
 */
export const logInteraction = memberAction(
  {
    name: "relationship.logInteraction",
    permission: "relationships.edit",
    input: logInteractionSchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, user, audit }, { relationshipId, ...values }) => {
    if (values.occurredOn > todayIn(org.timeZone)) invalidField("occurredOn", "That date is in the future: log an interaction once it has happened.");
    const relationship = await existingRelationship(db, org.id, relationshipId);
    const latest = await latestInteractionOn(db, org.id, relationshipId);
    const interaction = await insertInteraction(db, org.id, relationshipId, user.id, values);
    if (latest === null || values.occurredOn >= latest) await updateRelationshipValues(db, org.id, relationshipId, { trust: values.trustAfter });
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(relationship),
      before: { trust: relationship.trust },
      after: { interaction: values.kind, occurredOn: values.occurredOn, trustAfter: values.trustAfter },
    });
    return { interactionId: interaction.id, restartsCadence: restartsCadence(values.kind) };
  },
);

/** A small action, often from a friction point: us or them, a due date. */
export const addAction = memberAction(
  {
    name: "relationship.addAction",
    permission: "relationships.edit",
    input: addActionSchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, audit }, { relationshipId, ...values }) => {
    const relationship = await existingRelationship(db, org.id, relationshipId);
    if (values.interactionId && !(await findInteraction(db, org.id, relationshipId, values.interactionId))) {
      throw new Refusal("not_found", "That interaction does not exist.");
    }
    const checkIn = values.checkInId ? await findCheckIn(db, org.id, relationshipId, values.checkInId) : undefined;
    if (values.checkInId && !checkIn?.answeredAt) throw new Refusal("not_found", "That check-in answer does not exist.");
    const action = await insertAction(db, org.id, relationshipId, values);
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(relationship),
      after: { action: values.description, owner: values.owner, dueOn: values.dueOn, ...(checkIn && { fromCheckIn: checkIn.id }) },
    });
    return { actionId: action.id };
  },
);

export const setActionDone = memberAction(
  {
    name: "relationship.setActionDone",
    permission: "relationships.edit",
    input: setActionDoneSchema,
    ...onRelationship,
    expect: { allow: ownerOrAdmin },
  },
  async ({ db, org, audit }, { relationshipId, actionId, done }) => {
    const relationship = await existingRelationship(db, org.id, relationshipId);
    const action = await findAction(db, org.id, relationshipId, actionId);
    if (!action) throw new Refusal("not_found", "That action does not exist.");
    await setRelationshipActionDone(db, org.id, actionId, done);
    await audit({
      targetType: "relationship",
      targetId: relationshipId,
      targetLabel: relationshipLabel(relationship),
      after: { action: action.description, done },
    });
  },
);
