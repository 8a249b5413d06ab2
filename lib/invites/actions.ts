"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import { findInvite, findTakenAddresses, insertInvite, insertInvites, markInviteRevoked, renewInviteToken } from "@/db/queries/invites";
import { findTeam } from "@/db/queries/teams";
import { memberAction, type ActionContext } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { can } from "@/lib/permissions";
import { bulkInviteSchema, createInviteSchema, inviteIdSchema } from "@/lib/schemas/invites";
import { hashToken, newToken } from "@/lib/tokens";
import { joinPath, queueInviteMails } from "./mail";

/** Leaders invite reps; an active team when one is named. Returns the team. */
async function checkRoleAndTeam(db: DbOrTx, orgId: string, member: ActionContext["member"], role: string, teamId: string | null) {
  if (role !== "rep" && !can(member, "invites.inviteStaff")) {
    invalidField("role", "Leaders invite reps. Ask an admin to invite leaders and admins.");
  }
  const team = teamId ? await findTeam(db, orgId, teamId) : undefined;
  if (teamId && (!team || team.archivedAt)) invalidField("teamId", "Choose an active team.");
  return team;
}

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
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, member, user, audit }, input) => {
    const team = await checkRoleAndTeam(db, org.id, member, input.role, input.teamId);
    const token = newToken();
    const now = new Date();
    const invite = await insertInvite(db, org.id, {
      tokenHash: hashToken(token),
      role: input.role,
      teamId: input.teamId,
      email: input.email,
      maxUses: input.maxUses,
      expiresAt: new Date(now.getTime() + input.expiresInHours * 3_600_000),
      createdBy: user.id,
      emailedAt: input.sendEmail ? now : null,
    });
    if (input.sendEmail && invite.email) {
      await queueInviteMails(db, org, user, [
        { email: invite.email, token, role: invite.role, teamName: team?.name ?? null, expiresAt: invite.expiresAt },
      ]);
    }
    await audit({
      targetType: "invite",
      targetId: invite.id,
      targetLabel: team?.name ?? null,
      after: {
        role: invite.role,
        team: team?.name ?? null,
        email: invite.email,
        maxUses: invite.maxUses,
        expiresAt: invite.expiresAt,
        emailed: input.sendEmail,
      },
    });
    return { url: joinPath(org.slug, token), expiresAt: invite.expiresAt.toISOString(), emailed: input.sendEmail };
  },
);

/**
 * Invites several people at once: one single-use invite bound to each address, all with one role and team, each
 * mailed its link. Addresses already in the organisation (active or deactivated) are skipped and reported, and so
 * are addresses that still have a usable invite (resend that one instead). A constant number of statements,
 * however long the list.
 */
export const bulkInvite = memberAction(
  {
    name: "invite.bulk",
    permission: "invites.manage",
    input: bulkInviteSchema,
    target: (input) => ({ teamId: input.teamId }),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, member, user, audit }, input) => {
    const team = await checkRoleAndTeam(db, org.id, member, input.role, input.teamId);
    const now = new Date();
    const taken = await findTakenAddresses(db, org.id, input.emails, now);
    const skipped = new Set([...taken.members, ...taken.invited]);
    const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000);
    const fresh = input.emails.filter((email) => !skipped.has(email)).map((email) => ({ email, token: newToken() }));
    const created = await insertInvites(
      db,
      org.id,
      fresh.map(({ email, token }) => ({
        tokenHash: hashToken(token),
        role: input.role,
        teamId: input.teamId,
        email,
        expiresAt,
        createdBy: user.id,
        emailedAt: now,
      })),
    );
    await queueInviteMails(
      db,
      org,
      user,
      fresh.map(({ email, token }) => ({ email, token, role: input.role, teamName: team?.name ?? null, expiresAt })),
    );
    await audit({
      targetType: "invite",
      targetId: null,
      targetLabel: team?.name ?? null,
      after: {
        role: input.role,
        team: team?.name ?? null,
        invited: created.length,
        skippedMembers: taken.members.length,
        skippedInvited: taken.invited.length,
      },
    });
    return { invited: fresh.map((f) => f.email), alreadyMembers: taken.members, alreadyInvited: taken.invited };
  },
);

/**
 * Mails an email-bound invite's link to its address, or mails it again. Only the token's hash is kept, so each
 * sending makes a new token and the link sent before stops working.
 */
export const sendInviteEmail = memberAction(
  {
    name: "invite.sendEmail",
    permission: "invites.manage",
    input: inviteIdSchema,
    target: async (input, { db, org }) => ({ teamId: (await findInvite(db, org.id, input.inviteId))?.teamId }),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, user, audit }, { inviteId }) => {
    const invite = await findInvite(db, org.id, inviteId);
    if (!invite) throw new Refusal("not_found", "That invite link no longer exists.");
    if (!invite.email) throw new Refusal("conflict", "This link is not bound to an email address: copy it from a new link instead.");
    const token = newToken();
    if (!(await renewInviteToken(db, org.id, inviteId, hashToken(token), new Date()))) {
      throw new Refusal("conflict", "This invite link is no longer active (used, expired or revoked). Create a new one.");
    }
    await queueInviteMails(db, org, user, [
      { email: invite.email, token, role: invite.role, teamName: invite.teamName, expiresAt: invite.expiresAt },
    ]);
    await audit({
      targetType: "invite",
      targetId: inviteId,
      targetLabel: invite.teamName,
      after: { emailedTo: invite.email, resent: invite.emailedAt !== null },
    });
    return { email: invite.email };
  },
);

export const revokeInviteLink = memberAction(
  {
    name: "invite.revoke",
    permission: "invites.manage",
    input: inviteIdSchema,
    target: async (input, { db, org }) => ({ teamId: (await findInvite(db, org.id, input.inviteId))?.teamId }),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, user, audit }, { inviteId }) => {
    const invite = await findInvite(db, org.id, inviteId);
    if (!invite) throw new Refusal("not_found", "That invite link no longer exists.");
    if (!(await markInviteRevoked(db, org.id, inviteId, user.id))) throw new Refusal("conflict", "That link was already revoked.");
    await audit({ targetType: "invite", targetId: inviteId, targetLabel: invite.teamName, before: { revokedAt: null }, after: { revoked: true } });
  },
);
