"use server";

import "server-only";
import { upsertResults } from "@/db/queries/results";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { teamScope } from "@/lib/permissions";
import { previewResultsSchema, uploadResultsSchema } from "@/lib/schemas/results";
import { planDigest } from "./plan";
import { previewOf } from "./preview";
import { countsSentence, planFor, writableCycle } from "./write";

/**
 * A results file: every row checked and shown, nothing written (a read-only transaction). Admins write any rep's
 * values; leaders their teams' reps' (a row naming another rep is an error). Four statements beside the chain's,
 * however many rows.
 */
export const previewResultsUpload = memberAction(
  {
    name: "results.previewUpload",
    permission: "results.upload",
    input: previewResultsSchema,
    readOnly: true,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }, { cycleId, content }) => {
    const cycle = await writableCycle(db, org.id, cycleId);
    const plan = await planFor(db, org.id, cycle.id, content.rows, { teamIds: teamScope(member), commaIsDecimal: content.delimiter === ";" });
    return previewOf(plan, cycle, content.ignoredColumns);
  },
);

/**
 * Writes a previewed file: read and checked afresh, refused when any row has an error or when what it would write is
 * no longer what the preview showed, then written in one statement with one audit event. The same file again writes
 * nothing and says so.
 */
export const uploadResults = memberAction(
  {
    name: "results.upload",
    permission: "results.upload",
    input: uploadResultsSchema,
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, member, audit }, { cycleId, content, digest }) => {
    const cycle = await writableCycle(db, org.id, cycleId);
    const plan = await planFor(db, org.id, cycle.id, content.rows, { teamIds: teamScope(member), commaIsDecimal: content.delimiter === ";" });
    const notAllowed = plan.rows.filter((r) => r.notAllowed);
    if (notAllowed.length > 0) {
      throw new Refusal("forbidden", `You may not write ${notAllowed[0]!.repName}’s results (row ${notAllowed[0]!.row}): ${notAllowed[0]!.note}`);
    }
    if (digest && digest !== planDigest(plan)) {
      throw new Refusal("conflict", "Something changed since your preview. Review the new preview and confirm again.", undefined, {
        preview: previewOf(plan, cycle, content.ignoredColumns),
      });
    }
    if (plan.counts.error > 0) {
      throw new Refusal(
        "invalid",
        `${plan.counts.error === 1 ? "1 row has an error" : `${plan.counts.error} rows have errors`}: fix the file and upload it again. Nothing was saved.`,
      );
    }
    const changed = await upsertResults(db, org.id, cycle.id, plan.writes, member.userId);
    const created = changed.filter((r) => r.inserted).length;
    const counts = { new: created, changed: changed.length - created, unchanged: plan.rows.length - changed.length };
    await audit({
      targetType: "cycle",
      targetId: cycle.id,
      targetLabel: cycle.name,
      after: { rows: plan.rows.length, created: counts.new, updated: counts.changed, unchanged: counts.unchanged, via: "upload" },
    });
    return { ...counts, changedAny: changed.length > 0, summary: countsSentence({ ...counts, error: 0 }) };
  },
);
