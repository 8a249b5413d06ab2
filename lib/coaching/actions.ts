"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import { findBehaviour } from "@/db/queries/behaviours";
import {
  countActiveBehavioursIn,
  deleteOneOnOneNote,
  deletePlanAction,
  findCoachingSettings,
  findOwnNote,
  findPlan,
  findPlanAction,
  insertNote,
  insertPlan,
  insertPlanActions,
  setCoachingPlanActionDone,
  updateCoachingPlan,
  updateOneOnOneNote,
  updateOrganisationCoachingSettings,
} from "@/db/queries/coaching";
import { findCurrentCycle } from "@/db/queries/cycles";
import { findMembership } from "@/db/queries/members";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { repTarget } from "@/lib/members/rep-target";
import { todayIn } from "@/lib/dates";
import {
  addPlanActionSchema,
  coachingSettingsSchema,
  createNoteSchema,
  createPlanSchema,
  noteIdSchema,
  planActionSchema,
  setPlanActionDoneSchema,
  updateNoteSchema,
  updatePlanSchema,
} from "@/lib/schemas/coaching";
import { noteTarget, planTarget } from "./target";

const coaches = ["admin", "leader", "coLeader"] as const;
const onPlan = { target: (input: { planId: string }, ctx: { db: DbOrTx; org: { id: string } }) => planTarget(ctx.db, ctx.org.id, input.planId) };
const onNote = { target: (input: { noteId: string }, ctx: { db: DbOrTx; org: { id: string } }) => noteTarget(ctx.db, ctx.org.id, input.noteId) };
const onRep = { target: (input: { repUserId: string }, ctx: { db: DbOrTx; org: { id: string } }) => repTarget(ctx.db, ctx.org.id, input.repUserId) };

async function existingRep(db: DbOrTx, orgId: string, repUserId: string) {
  const rep = await findMembership(db, orgId, repUserId);
  if (!rep || rep.role !== "rep") throw new Refusal("not_found", "That rep does not exist.");
  return rep;
}

async function existingPlan(db: DbOrTx, orgId: string, planId: string) {
  const plan = await findPlan(db, orgId, planId);
  if (!plan) throw new Refusal("not_found", "That coaching plan does not exist.");
  return plan;
}

const planLabel = (plan: { repName: string; behaviourName: string }) => `${plan.repName} · ${plan.behaviourName}`;

/** Label thresholds and the 1:1 cadence: a panel of the organisation settings. */
export const updateCoachingSettings = memberAction(
  {
    name: "coaching.updateSettings",
    permission: "org.manage",
    input: coachingSettingsSchema,
    expect: { allow: ["admin"] },
  },
  async ({ db, org, audit }, values) => {
    const before = await findCoachingSettings(db, org.id);
    await updateOrganisationCoachingSettings(db, org.id, values);
    await audit({ targetType: "organisation", targetId: org.id, targetLabel: org.name, before, after: values });
    return values;
  },
);

/** A coaching plan for one rep: focus behaviour, target, a checklist, a due date. Its scores start from the current cycle. */
export const createPlan = memberAction(
  {
    name: "coaching.createPlan",
    permission: "rep.coach",
    input: createPlanSchema,
    ...onRep,
    expect: { allow: coaches },
  },
  async ({ db, org, user, audit }, input) => {
    const rep = await existingRep(db, org.id, input.repUserId);
    const behaviour = await findBehaviour(db, org.id, input.behaviourId);
    if (!behaviour || behaviour.archivedAt) invalidField("behaviourId", "Choose a behaviour from the list.");
    const cycle = await findCurrentCycle(db, org.id);
    const plan = await insertPlan(db, org.id, {
      repUserId: rep.userId,
      behaviourId: behaviour.id,
      cycleId: cycle?.id ?? null,
      targetScore: input.targetScore,
      dueOn: input.dueOn,
      createdBy: user.id,
    });
    await insertPlanActions(db, org.id, plan.id, input.actions);
    await audit({
      targetType: "coaching_plan",
      targetId: plan.id,
      targetLabel: planLabel({ repName: rep.name, behaviourName: behaviour.name }),
      after: { targetScore: input.targetScore, dueOn: input.dueOn, actions: input.actions.length },
    });
    return { planId: plan.id };
  },
);

export const updatePlan = memberAction(
  {
    name: "coaching.updatePlan",
    permission: "rep.coach",
    input: updatePlanSchema,
    ...onPlan,
    expect: { allow: coaches },
  },
  async ({ db, org, audit }, { planId, ...values }) => {
    const plan = await existingPlan(db, org.id, planId);
    await updateCoachingPlan(db, org.id, planId, values);
    await audit({
      targetType: "coaching_plan",
      targetId: planId,
      targetLabel: planLabel(plan),
      before: { targetScore: plan.targetScore, dueOn: plan.dueOn, status: plan.status },
      after: values,
    });
  },
);

export const addPlanAction = memberAction(
  {
    name: "coaching.addPlanAction",
    permission: "rep.coach",
    input: addPlanActionSchema,
    ...onPlan,
    expect: { allow: coaches },
  },
  async ({ db, org, audit }, { planId, description }) => {
    const plan = await existingPlan(db, org.id, planId);
    const [action] = await insertPlanActions(db, org.id, planId, [description]);
    await audit({ targetType: "coaching_plan", targetId: planId, targetLabel: planLabel(plan), after: { action: description } });
    return { actionId: action!.id };
  },
);

export const removePlanAction = memberAction(
  {
    name: "coaching.removePlanAction",
    permission: "rep.coach",
    input: planActionSchema,
    ...onPlan,
    expect: { allow: coaches },
  },
  async ({ db, org, audit }, { planId, actionId }) => {
    const plan = await existingPlan(db, org.id, planId);
    const action = await findPlanAction(db, org.id, planId, actionId);
    if (!action) throw new Refusal("not_found", "That action does not exist.");
    await deletePlanAction(db, org.id, actionId);
    await audit({ targetType: "coaching_plan", targetId: planId, targetLabel: planLabel(plan), before: { action: action.description } });
  },
);

/** Ticks an action done (or not): the rep on their own active plans, their coaches on any plan of the rep. */
export const setPlanActionDone = memberAction(
  {
    name: "coaching.setPlanActionDone",
    permission: "coaching.tickAction",
    input: setPlanActionDoneSchema,
    ...onPlan,
    expect: { allow: ["admin", "leader", "coLeader", "rep"] },
  },
  async ({ db, org, member, user, audit }, { planId, actionId, done }) => {
    const plan = await existingPlan(db, org.id, planId);
    if (member.role === "rep" && plan.status !== "active")
      throw new Refusal("conflict", "This plan is no longer active: ask your leader to reopen it.");
    const action = await findPlanAction(db, org.id, planId, actionId);
    if (!action) throw new Refusal("not_found", "That action does not exist.");
    await setCoachingPlanActionDone(db, org.id, actionId, done ? user.id : null);
    await audit({ targetType: "coaching_plan", targetId: planId, targetLabel: planLabel(plan), after: { action: action.description, done } });
  },
);

/** Checks a note's day (not in the future, in the organisation's time zone) and its behaviours. */
async function checkNote(db: DbOrTx, org: { id: string; timeZone: string }, values: { heldOn: string; behaviourIds: readonly string[] }) {
  if (values.heldOn > todayIn(org.timeZone)) invalidField("heldOn", "That day is in the future: write the note once the 1:1 has happened.");
  const unique = [...new Set(values.behaviourIds)];
  if ((await countActiveBehavioursIn(db, org.id, unique)) !== unique.length) invalidField("behaviourIds", "Choose behaviours from the list.");
}

/**
 * The audit entry of a note records its day and whether it is shared — never its text, so the audit log (which
 * admins read) carries nothing of a private note.
 */
const noteAudit = (note: { heldOn: string; shared: boolean; behaviourIds: readonly string[] }) => ({
  heldOn: note.heldOn,
  shared: note.shared,
  behaviours: note.behaviourIds.length,
});

/** A 1:1 note about a rep, private to its author unless shared with the rep. */
export const createNote = memberAction(
  {
    name: "coaching.createNote",
    permission: "rep.coach",
    input: createNoteSchema,
    ...onRep,
    expect: { allow: coaches },
  },
  async ({ db, org, user, audit }, { repUserId, ...values }) => {
    const rep = await existingRep(db, org.id, repUserId);
    await checkNote(db, org, values);
    const note = await insertNote(db, org.id, rep.userId, user.id, values);
    await audit({ targetType: "one_on_one_note", targetId: note.id, targetLabel: rep.name, after: noteAudit(values) });
    return { noteId: note.id };
  },
);

export const updateNote = memberAction(
  {
    name: "coaching.updateNote",
    permission: "coaching.editNote",
    input: updateNoteSchema,
    ...onNote,
    expect: { allow: ["leader"] },
  },
  async ({ db, org, user, audit }, { noteId, ...values }) => {
    const note = await findOwnNote(db, org.id, noteId, user.id);
    if (!note) throw new Refusal("not_found", "That note does not exist.");
    await checkNote(db, org, values);
    const rep = await existingRep(db, org.id, note.repUserId);
    await updateOneOnOneNote(db, org.id, noteId, values);
    await audit({
      targetType: "one_on_one_note",
      targetId: noteId,
      targetLabel: rep.name,
      before: { heldOn: note.heldOn, shared: note.shared },
      after: noteAudit(values),
    });
  },
);

export const deleteNote = memberAction(
  {
    name: "coaching.deleteNote",
    permission: "coaching.editNote",
    input: noteIdSchema,
    ...onNote,
    expect: { allow: ["leader"] },
  },
  async ({ db, org, user, audit }, { noteId }) => {
    const note = await findOwnNote(db, org.id, noteId, user.id);
    if (!note) throw new Refusal("not_found", "That note does not exist.");
    const rep = await existingRep(db, org.id, note.repUserId);
    await deleteOneOnOneNote(db, org.id, noteId);
    await audit({ targetType: "one_on_one_note", targetId: noteId, targetLabel: rep.name, before: { heldOn: note.heldOn, shared: note.shared } });
  },
);
