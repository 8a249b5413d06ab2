import type { DbOrTx } from "@/db/client";
import { listRelationships } from "@/db/queries/relationships";
import { dateInZone, todayIn } from "@/lib/dates";
import { CADENCE_RESTARTING_KINDS, contactState, isOverdue } from "./rules";

/**
 * Relationships (one owner's, or all when `ownerUserId` is undefined) in one query, each with its flags worked
 * out in the organisation's time zone: the contact cadence, an overdue next step, overdue actions.
 */
export async function listRelationshipsWithFlags(db: DbOrTx, org: { id: string; timeZone: string }, ownerUserId: string | undefined, now?: Date) {
  const today = todayIn(org.timeZone, now);
  const rows = await listRelationships(db, org.id, { ownerUserId, restartingKinds: CADENCE_RESTARTING_KINDS });
  return rows.map((r) => ({
    ...r,
    contact: contactState({ lastContactOn: r.lastContactOn, startedOn: dateInZone(r.createdAt, org.timeZone), cadenceDays: r.cadenceDays }, today),
    nextStepOverdue: isOverdue(r.nextStepDue, today),
    actionsOverdue: isOverdue(r.firstOpenActionDue, today),
  }));
}
