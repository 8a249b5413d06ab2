import type { Db } from "@/db/client";
import { insertInvite } from "@/db/queries/invites";
import { hashToken, newToken } from "@/lib/tokens";
import type { MatrixCases, MatrixFixture } from "./types";

/** The fixed id of the matrix's email-bound invite to team A (valid in every fixture organisation). */
const MATRIX_EMAIL_INVITE_ID = "5e1a7e00-0000-4000-8000-000000000061";

/** An active single-use invite to the fixture's team A, bound to an address, made by the admin. */
async function prepareEmailInvite(db: Db, f: MatrixFixture): Promise<void> {
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

export const invitesCases: MatrixCases = {
  "invite.create": { input: (f) => ({ role: "rep", teamId: f.teamId, expiresInHours: "168", maxUses: "1", email: "" }) },
  "invite.bulk": {
    input: (f) => ({ role: "rep", teamId: f.teamId, expiresInHours: "168", emails: `new.${crypto.randomUUID().slice(0, 8)}@example.test` }),
  },
  "invite.sendEmail": { input: () => ({ inviteId: MATRIX_EMAIL_INVITE_ID }), prepare: prepareEmailInvite },
  "invite.revoke": { input: (f) => ({ inviteId: f.inviteId }) },
  "invite.acceptAsNew": {
    input: () => ({ name: "Nia Newcomer", email: `nia.${crypto.randomUUID().slice(0, 8)}@example.test`, password: "a long enough password" }),
  },
  "invite.acceptSignedIn": { input: () => ({}) },
  "/o/[slug]/invites": { input: () => ({}) },
  "/o/[slug]/join/[token]": { input: () => ({}) },
};
