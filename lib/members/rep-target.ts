import type { DbOrTx } from "@/db/client";
import { findMembership } from "@/db/queries/members";
import type { Target } from "@/lib/permissions";

/** The permission target for an action on one rep: who they are and which team they are in (reps only). */
export async function repTarget(db: DbOrTx, orgId: string, repUserId: string): Promise<Target> {
  const rep = await findMembership(db, orgId, repUserId);
  return { repUserId, repTeamId: rep?.role === "rep" ? rep.teamId : null };
}
