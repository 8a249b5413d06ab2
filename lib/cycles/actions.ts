"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import { findFrameworkConfirmedAt } from "@/db/queries/behaviours";
import {
  anyCycleEverOpened,
  cycleNameTaken,
  findCurrentCycle,
  findCycle,
  insertCycle,
  lockCycleChanges,
  markCycleClosed,
  markCycleOpen,
} from "@/db/queries/cycles";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { brokenUniqueConstraint } from "@/lib/framework/unique-violation";
import { queueSelfAssessmentMails } from "@/lib/reminders/mail";
import { listActiveRepsToMail } from "@/db/queries/reminders";
import { createCycleSchema, cycleIdSchema, openCycleSchema } from "@/lib/schemas/framework";

const adminsOnly = ["admin"] as const;
const NAME_TAKEN = "A cycle with this name already exists.";

async function existingCycle(db: DbOrTx, orgId: string, cycleId: string) {
  const cycle = await findCycle(db, orgId, cycleId);
  if (!cycle) throw new Refusal("not_found", "That cycle no longer exists.");
  return cycle;
}

/** A new cycle starts as a draft: nobody rates in it until an admin opens it. */
export const createCycle = memberAction(
  {
    name: "cycle.create",
    permission: "cycles.manage",
    input: createCycleSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { name }) => {
    if (await cycleNameTaken(db, org.id, name)) invalidField("name", NAME_TAKEN);
    let cycle;
    try {
      cycle = await insertCycle(db, org.id, { name });
    } catch (error) {
      if (brokenUniqueConstraint(error) === "cycles_org_name_uq") invalidField("name", NAME_TAKEN);
      throw error;
    }
    await audit({ targetType: "cycle", targetId: cycle.id, targetLabel: name, after: { name, status: "draft" } });
    return { cycleId: cycle.id };
  },
);

/**
 * Makes a draft cycle the current one. Only one cycle is open at a time: with another open, this refuses
 * unless `closeCurrent` says to close that one in the same step. The first cycle ever opened needs the
 * framework confirmed first. Every active rep is mailed a direct link to their self-assessment, queued in the
 * same transaction (two statements whatever the number of reps).
 */
export const openCycle = memberAction(
  {
    name: "cycle.open",
    permission: "cycles.manage",
    input: openCycleSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, user, audit }, { cycleId, closeCurrent }) => {
    await lockCycleChanges(db, org.id);
    const cycle = await existingCycle(db, org.id, cycleId);
    if (cycle.status === "open") throw new Refusal("conflict", `${cycle.name} is already open.`);
    if (cycle.status === "closed") {
      throw new Refusal("conflict", `${cycle.name} is closed: closed cycles stay as history. Create a new cycle instead.`);
    }

    if (!(await anyCycleEverOpened(db, org.id)) && !(await findFrameworkConfirmedAt(db, org.id))) {
      throw new Refusal(
        "conflict",
        "Before the first cycle opens, an admin confirms the behaviour framework. Review it on the Framework page, then open the cycle.",
      );
    }

    const at = new Date();
    const current = await findCurrentCycle(db, org.id);
    if (current) {
      if (!closeCurrent) {
        throw new Refusal("conflict", `${current.name} is open. Close it before opening ${cycle.name}: only one cycle is open at a time.`);
      }
      await markCycleClosed(db, org.id, current.id, at);
      await audit({
        action: "cycle.close",
        targetType: "cycle",
        targetId: current.id,
        targetLabel: current.name,
        before: { status: "open" },
        after: { status: "closed" },
      });
    }

    try {
      if (!(await markCycleOpen(db, org.id, cycleId, at))) throw new Refusal("conflict", `${cycle.name} changed in the meantime. Reload the page.`);
    } catch (error) {
      if (brokenUniqueConstraint(error) === "cycles_org_one_open_uq") {
        throw new Refusal("conflict", `Another cycle was opened in the meantime. Close it before opening ${cycle.name}.`);
      }
      throw error;
    }
    const reps = await listActiveRepsToMail(db, org.id);
    await queueSelfAssessmentMails(db, org, "cycle_opened", { cycleName: cycle.name, senderName: user.name }, reps);
    await audit({
      targetType: "cycle",
      targetId: cycleId,
      targetLabel: cycle.name,
      before: { status: "draft" },
      after: { status: "open", mailedReps: reps.length },
    });
  },
);

/** Closing the current cycle makes its ratings read-only history. */
export const closeCycle = memberAction(
  {
    name: "cycle.close",
    permission: "cycles.manage",
    input: cycleIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { cycleId }) => {
    await lockCycleChanges(db, org.id);
    const cycle = await existingCycle(db, org.id, cycleId);
    if (cycle.status !== "open") throw new Refusal("conflict", `${cycle.name} is not open.`);
    await markCycleClosed(db, org.id, cycleId, new Date());
    await audit({ targetType: "cycle", targetId: cycleId, targetLabel: cycle.name, before: { status: "open" }, after: { status: "closed" } });
  },
);
