import type { DbOrTx } from "@/db/client";
import { findNoteAuthor, findPlan } from "@/db/queries/coaching";
import { Refusal } from "@/lib/chain/outcome";
import { repTarget } from "@/lib/members/rep-target";
import type { Target } from "@/lib/permissions";

/** The permission target of a call on a plan: its rep (and their team). An unknown plan is "not found". */
export async function planTarget(db: DbOrTx, orgId: string, planId: string): Promise<Target> {
  const plan = await findPlan(db, orgId, planId);
  if (!plan) throw new Refusal("not_found", "That coaching plan does not exist.");
  return repTarget(db, orgId, plan.repUserId);
}

/** The permission target of an edit of a note: its author. An unknown note is "not found". */
export async function noteTarget(db: DbOrTx, orgId: string, noteId: string): Promise<Target> {
  const note = await findNoteAuthor(db, orgId, noteId);
  if (!note) throw new Refusal("not_found", "That note does not exist.");
  return { ownerUserId: note.authorUserId };
}
