"use server";

import "server-only";
import type { DbOrTx } from "@/db/client";
import { lockActiveAdmins, findMembership, removeAllLeaderships, updateMembership } from "@/db/queries/members";
import { setMembershipStatus } from "@/db/queries/organisations";
import { findTeam } from "@/db/queries/teams";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { changeRoleSchema, leaveOrganisationSchema, memberIdSchema, moveTeamSchema } from "@/lib/schemas/people";

const adminsOnly = ["admin"] as const;

async function existingMember(db: DbOrTx, orgId: string, userId: string) {
  const person = await findMembership(db, orgId, userId);
  if (!person) throw new Refusal("not_found", "That person is not a member of this organisation.");
  return person;
}

async function activeTeam(db: DbOrTx, orgId: string, teamId: string, field = "teamId") {
  const team = await findTeam(db, orgId, teamId);
  if (!team || team.archivedAt) invalidField(field, "Choose an active team.");
  return team;
}

/**
 * Whether this membership is the organisation's last active admin, counted under the active admins' row lock
 * (lockActiveAdmins), so two removals at once take turns and the second counts what the first left.
 */
async function isLastActiveAdmin(db: DbOrTx, orgId: string, person: { role: string; status: string }) {
  return person.role === "admin" && person.status === "active" && (await lockActiveAdmins(db, orgId)) <= 1;
}

/** The organisation always keeps one active admin. */
async function assertNotLastAdmin(db: DbOrTx, orgId: string, person: { role: string; status: string }, doing: string) {
  if (await isLastActiveAdmin(db, orgId, person)) {
    throw new Refusal("conflict", `You cannot ${doing} the last active admin. Make someone else an admin first.`);
  }
}

/** Changes a member's role. Reps need a team; someone who stops being a leader stops leading their teams. */
export const changeRole = memberAction(
  {
    name: "member.changeRole",
    permission: "people.manage",
    input: changeRoleSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { userId, role, teamId }) => {
    const person = await existingMember(db, org.id, userId);
    if (person.role === role && (role !== "rep" || person.teamId === teamId)) {
      throw new Refusal("conflict", `${person.name} already has this role.`);
    }
    if (role !== "admin") await assertNotLastAdmin(db, org.id, person, "demote");
    const team = role === "rep" && teamId ? await activeTeam(db, org.id, teamId) : undefined;
    if (role !== "leader") await removeAllLeaderships(db, org.id, userId);
    await updateMembership(db, org.id, userId, { role, teamId: team?.id ?? null });
    await audit({
      targetType: "membership",
      targetId: userId,
      targetLabel: person.name,
      before: { role: person.role },
      after: { role, team: team?.name ?? null },
    });
  },
);

/** Moves a rep to another team. Their ratings and history stay with them. */
export const moveToTeam = memberAction(
  {
    name: "member.moveTeam",
    permission: "people.manage",
    input: moveTeamSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { userId, teamId }) => {
    const person = await existingMember(db, org.id, userId);
    if (person.role !== "rep") invalidField("userId", "Only reps belong to a team. Make leaders lead a team on the Teams page.");
    if (person.teamId === teamId) throw new Refusal("conflict", `${person.name} is already in that team.`);
    const from = person.teamId ? await findTeam(db, org.id, person.teamId) : undefined;
    const to = await activeTeam(db, org.id, teamId);
    await updateMembership(db, org.id, userId, { role: "rep", teamId });
    await audit({
      targetType: "membership",
      targetId: userId,
      targetLabel: person.name,
      before: { team: from?.name ?? null },
      after: { team: to.name },
    });
  },
);

/** Deactivation refuses the organisation to that person at once and keeps everything they did. */
export const deactivateMember = memberAction(
  {
    name: "member.deactivate",
    permission: "people.manage",
    input: memberIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, user, audit }, { userId }) => {
    const person = await existingMember(db, org.id, userId);
    if (userId === user.id) throw new Refusal("conflict", "You cannot deactivate yourself.");
    if (person.status === "deactivated") throw new Refusal("conflict", `${person.name} is already deactivated.`);
    await assertNotLastAdmin(db, org.id, person, "deactivate");
    await setMembershipStatus(db, org.id, userId, "deactivated");
    await audit({
      targetType: "membership",
      targetId: userId,
      targetLabel: person.name,
      before: { status: "active" },
      after: { status: "deactivated" },
    });
  },
);

export const reactivateMember = memberAction(
  {
    name: "member.reactivate",
    permission: "people.manage",
    input: memberIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { userId }) => {
    const person = await existingMember(db, org.id, userId);
    if (person.status === "active") throw new Refusal("conflict", `${person.name} is already active.`);
    if (person.accountDeleted)
      throw new Refusal("conflict", "This person deleted their account, so it cannot be reactivated. Invite them again if they want to come back.");
    await setMembershipStatus(db, org.id, userId, "active");
    await audit({
      targetType: "membership",
      targetId: userId,
      targetLabel: person.name,
      before: { status: "deactivated" },
      after: { status: "active" },
    });
  },
);

/**
 * "Leave" on the account page: the person deactivates their own membership, as an admin deactivating them would
 * (everything they did stays; an admin can reactivate them). The organisation keeps an active admin: its last one
 * is refused, with what to do instead.
 */
export const leaveOrganisation = memberAction(
  {
    name: "member.leave",
    permission: "org.view",
    input: leaveOrganisationSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] },
  },
  async ({ db, org, user, audit }) => {
    const person = await existingMember(db, org.id, user.id);
    if (await isLastActiveAdmin(db, org.id, person)) {
      throw new Refusal("conflict", `You are the last active admin of ${org.name}, so you cannot leave it. Make someone else an admin first.`);
    }
    await setMembershipStatus(db, org.id, user.id, "deactivated");
    await audit({
      targetType: "membership",
      targetId: user.id,
      targetLabel: person.name,
      before: { status: "active" },
      after: { status: "deactivated" },
    });
    return { organisation: org.name };
  },
);
