"use server";

import "server-only";
import { findMeasure, findResult, deleteResult, upsertResults } from "@/db/queries/results";
import { findMembership } from "@/db/queries/members";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { saveResultSchema } from "@/lib/schemas/results";
import { readResultValue } from "./values";
import { writableCycle } from "./write";

/**
 * One cell of the results table: a rep's value of a measure in a cycle, typed. Blank clears it. Admins type any rep's,
 * leaders their teams' reps' (the permission's relation, checked against the rep's team). Saving the value already
 * there writes nothing; every save is recorded in the audit log, with the value before and after.
 */
export const saveResult = memberAction(
  {
    name: "result.save",
    permission: "results.enter",
    input: saveResultSchema,
    revalidate: false, // the table patches its own cell
    target: async ({ repUserId }, { db, org }) => {
      const rep = await findMembership(db, org.id, repUserId);
      return { repTeamId: rep?.role === "rep" ? rep.teamId : null };
    },
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, member, audit }, { cycleId, repUserId, measureId, value: typed }) => {
    const [rep, measure, cycle] = await Promise.all([
      findMembership(db, org.id, repUserId),
      findMeasure(db, org.id, measureId),
      writableCycle(db, org.id, cycleId),
    ]);
    if (!rep || rep.role !== "rep" || rep.status !== "active") throw new Refusal("not_found", "That rep is no longer in the organisation.");
    if (!measure) throw new Refusal("not_found", "That measure no longer exists.");
    if (measure.archivedAt) throw new Refusal("conflict", `${measure.name} is archived: its values can no longer be changed.`);
    const label = `${rep.name} · ${measure.name} · ${cycle.name}`;
    const before = (await findResult(db, org.id, cycleId, repUserId, measureId))?.value ?? null;

    if (typed.trim() === "") {
      if (before !== null) await deleteResult(db, org.id, cycleId, repUserId, measureId);
      await audit({ targetType: "result", targetId: repUserId, targetLabel: label, before: { value: before }, after: { value: null } });
      return { value: null };
    }
    const reading = readResultValue(typed, measure.unit);
    if (!reading.ok) invalidField("value", reading.message);
    if (before !== reading.value) {
      await upsertResults(db, org.id, cycleId, [{ repUserId, measureId, value: reading.value }], member.userId);
    }
    await audit({ targetType: "result", targetId: repUserId, targetLabel: label, before: { value: before }, after: { value: reading.value } });
    return { value: reading.value };
  },
);
