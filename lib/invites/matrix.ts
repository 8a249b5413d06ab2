import type { Db } from "@/db/client";
import { insertInvite } from "@/db/queries/invites";
import type { MatrixFixture } from "@/lib/chain/registry";
import { hashToken, newToken } from "@/lib/tokens";

/** The fixed id of the matrix's email-bound invite to team A (valid in every fixture organisation). */
export const MATRIX_EMAIL_INVITE_ID = "5e1a7e00-0000-4000-8000-000000000061";

/** An active single-use invite to the fixture's team A, bound to an address, made by the admin. */
export async function prepareEmailInvite(db: Db, f: MatrixFixture): Promise<void> {
  await insertInvite(db, f.orgId, {
    id: MATRIX_EMAIL_INVITE_ID,
    tokenHash: hashToken(newToken()),
    role: "rep",
    teamId: f.teamId,
    email: `invited.${f.slug}@example.test`,
    maxUses: 1,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: f.users.admin,
  });
}
