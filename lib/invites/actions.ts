"use server";

import { findInvite, insertInvite, revokeInvite } from "@/db/queries/invites";
import { findTeam } from "@/db/queries/teams";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { can } from "@/lib/permissions";
import { createInviteSchema, inviteIdSchema } from "@/lib/schemas/invites";
import { hashToken, newToken } from "@/lib/tokens";

/**
 * Creates an invite link. Admins invite any role to any team; leaders invite reps to the teams they lead.
 * Returns the raw token once: the database keeps only its hash.
 */
export const createInvite = memberAction(
  {
    name: "invite.create",
    permission: "invites.manage",
    input: createInviteSchema,
    target: (input) => ({ teamId: input.teamId }),
    expect: {
      allow: ["admin", "leader", "coLeader"],
      input: (f) => ({ role: "rep", teamId: f.teamId, expiresInHours: "168", maxUses: "1", email: "" }),
    },
  },
  async ({ db, org, member, user, audit }, input) => {
    if (input.role !== "rep" && !can(member, "invites.inviteStaff")) {
      invalidField("role", "Leaders invite reps. Ask an admin to invite leaders and admins.");
    }
    const team = input.teamId ? await findTeam(db, org.id, input.teamId) : undefined;
    if (input.teamId && (!team || team.archivedAt)) invalidField("teamId", "Choose an active team.");
    const token = newToken();
    const invite = await insertInvite(db, org.id, {
      tokenHash: hashToken(token),
      role: input.role,
      teamId: input.teamId,
      email: input.email,
      maxUses: input.maxUses,
      expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
      createdBy: user.id,
    });
    await audit({
      targetType: "invite",
      targetId: invite.id,
      targetLabel: team?.name ?? null,
      after: { role: invite.role, team: team?.name ?? null, email: invite.email, maxUses: invite.maxUses, expiresAt: invite.expiresAt },
    });
    return { url: `/o/${org.slug}/join/${token}`, expiresAt: invite.expiresAt.toISOString() };
  },
);

export const revokeInviteLink = memberAction(
  {
    name: "invite.revoke",
    permission: "invites.manage",
    input: inviteIdSchema,
    target: async (input, { db, org }) => ({ teamId: (await findInvite(db, org.id, input.inviteId))?.teamId }),
    expect: { allow: ["admin", "leader", "coLeader"], input: (f) => ({ inviteId: f.inviteId }) },
  },
  async ({ db, org, user, audit }, { inviteId }) => {
    const invite = await findInvite(db, org.id, inviteId);
    if (!invite) throw new Refusal("not_found", "That invite link no longer exists.");
    if (!(await revokeInvite(db, org.id, inviteId, user.id))) throw new Refusal("conflict", "That link was already revoked.");
    await audit({ targetType: "invite", targetId: inviteId, targetLabel: invite.teamName, before: { revokedAt: null }, after: { revoked: true } });
  },
);
