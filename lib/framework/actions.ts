"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import {
  behaviourNameTaken,
  findBehaviour,
  findFrameworkConfirmedAt,
  insertBehaviours,
  listBehaviours,
  lockActiveBehaviourIds,
  restoreBehaviourAtEnd,
  setBehaviourArchived,
  setBehaviourPositions,
  setFrameworkConfirmed,
  updateBehaviour,
  type BehaviourInput,
} from "@/db/queries/behaviours";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { addBehaviourSchema, behaviourIdSchema, confirmFrameworkSchema, editBehaviourSchema, reorderBehavioursSchema } from "@/lib/schemas/framework";
import { MAX_ACTIVE_BEHAVIOURS } from "./rules";
import { brokenUniqueConstraint } from "./unique-violation";

const adminsOnly = ["admin"] as const;
const NAME_TAKEN = "A behaviour with this name already exists (archived ones count too).";

async function existingBehaviour(db: DbOrTx, orgId: string, behaviourId: string) {
  const behaviour = await findBehaviour(db, orgId, behaviourId);
  if (!behaviour) throw new Refusal("not_found", "That behaviour no longer exists.");
  return behaviour;
}

/** The same check the unique index makes, with a message next to the field; the index still wins a race. */
async function withUniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (brokenUniqueConstraint(error) === "behaviours_org_name_uq") invalidField("name", NAME_TAKEN);
    throw error;
  }
}

function snapshot(b: BehaviourInput): BehaviourInput {
  return { name: b.name, description: b.description, level1: b.level1, level3: b.level3, level5: b.level5 };
}

export const addBehaviour = memberAction(
  {
    name: "framework.addBehaviour",
    permission: "framework.manage",
    input: addBehaviourSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, input) => {
    const active = await lockActiveBehaviourIds(db, org.id);
    if (active.length >= MAX_ACTIVE_BEHAVIOURS) {
      throw new Refusal("conflict", `The framework already has ${active.length} active behaviours, the most it can hold. Archive one first.`);
    }
    if (await behaviourNameTaken(db, org.id, input.name)) invalidField("name", NAME_TAKEN);
    const [created] = await withUniqueName(() => insertBehaviours(db, org.id, [snapshot(input)]));
    await audit({ targetType: "behaviour", targetId: created!.id, targetLabel: input.name, after: snapshot(input) });
    return { behaviourId: created!.id };
  },
);

export const editBehaviour = memberAction(
  {
    name: "framework.editBehaviour",
    permission: "framework.manage",
    input: editBehaviourSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { behaviourId, ...input }) => {
    const behaviour = await existingBehaviour(db, org.id, behaviourId);
    if (await behaviourNameTaken(db, org.id, input.name, behaviourId)) invalidField("name", NAME_TAKEN);
    await withUniqueName(() => updateBehaviour(db, org.id, behaviourId, snapshot(input)));
    const before = snapshot(behaviour);
    const after = snapshot(input);
    // Only what changed: the log stays readable when one anchor is reworded.
    const changed = (Object.keys(after) as (keyof BehaviourInput)[]).filter((k) => before[k] !== after[k]);
    await audit({
      targetType: "behaviour",
      targetId: behaviourId,
      targetLabel: input.name,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  },
);

/** Takes the complete new order of the active behaviours and writes every position, or nothing. */
export const reorderBehaviours = memberAction(
  {
    name: "framework.reorder",
    permission: "framework.manage",
    input: reorderBehavioursSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { behaviourIds }) => {
    const current = await lockActiveBehaviourIds(db, org.id);
    const wanted = new Set(behaviourIds);
    if (current.length !== behaviourIds.length || current.some((id) => !wanted.has(id))) {
      throw new Refusal("conflict", "The list of behaviours changed in the meantime. Reload the page and reorder again.");
    }
    await setBehaviourPositions(db, org.id, behaviourIds);
    const names = new Map((await listBehaviours(db, org.id)).map((b) => [b.id, b.name]));
    await audit({
      targetType: "framework",
      targetId: org.id,
      targetLabel: org.name,
      before: { order: current.map((id) => names.get(id)) },
      after: { order: behaviourIds.map((id) => names.get(id)) },
    });
  },
);

export const archiveBehaviour = memberAction(
  {
    name: "framework.archiveBehaviour",
    permission: "framework.manage",
    input: behaviourIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { behaviourId }) => {
    await lockActiveBehaviourIds(db, org.id);
    const behaviour = await existingBehaviour(db, org.id, behaviourId);
    if (behaviour.archivedAt) throw new Refusal("conflict", `${behaviour.name} is already archived.`);
    await setBehaviourArchived(db, org.id, behaviourId, true);
    await audit({
      targetType: "behaviour",
      targetId: behaviourId,
      targetLabel: behaviour.name,
      before: { archived: false },
      after: { archived: true },
    });
  },
);

export const restoreBehaviour = memberAction(
  {
    name: "framework.restoreBehaviour",
    permission: "framework.manage",
    input: behaviourIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { behaviourId }) => {
    const active = await lockActiveBehaviourIds(db, org.id);
    const behaviour = await existingBehaviour(db, org.id, behaviourId);
    if (!behaviour.archivedAt) throw new Refusal("conflict", `${behaviour.name} is not archived.`);
    if (active.length >= MAX_ACTIVE_BEHAVIOURS) {
      throw new Refusal("conflict", `The framework already has ${active.length} active behaviours, the most it can hold. Archive one first.`);
    }
    await restoreBehaviourAtEnd(db, org.id, behaviourId);
    await audit({
      targetType: "behaviour",
      targetId: behaviourId,
      targetLabel: behaviour.name,
      before: { archived: true },
      after: { archived: false },
    });
  },
);

/** The admin's statement that these are the behaviours that predict success in their business. */
export const confirmFramework = memberAction(
  {
    name: "framework.confirm",
    permission: "framework.manage",
    input: confirmFrameworkSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }) => {
    if (await findFrameworkConfirmedAt(db, org.id)) throw new Refusal("conflict", "The framework is already confirmed.");
    const names = (await listBehaviours(db, org.id)).map((b) => b.name);
    if (names.length === 0) throw new Refusal("conflict", "Add at least one behaviour before confirming the framework.");
    const at = new Date();
    await setFrameworkConfirmed(db, org.id, at);
    await audit({
      targetType: "framework",
      targetId: org.id,
      targetLabel: org.name,
      before: { confirmedAt: null },
      after: { confirmedAt: at.toISOString(), behaviours: names },
    });
  },
);
