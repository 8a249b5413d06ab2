import type { DbOrTx } from "@/db/client";
import { findRelationshipOwner } from "@/db/queries/relationships";
import { Refusal } from "@/lib/chain/outcome";
import type { Target } from "@/lib/permissions";

/**
 * The permission target for a call on one relationship: who keeps it. A relationship the organisation does not
 * have (another organisation's id, or none) is "not found" for everyone, before any permission is weighed.
 */
export async function relationshipTarget(db: DbOrTx, orgId: string, relationshipId: string): Promise<Target> {
  const row = await findRelationshipOwner(db, orgId, relationshipId);
  if (!row) throw new Refusal("not_found", "That relationship does not exist.");
  return { ownerUserId: row.ownerUserId };
}
