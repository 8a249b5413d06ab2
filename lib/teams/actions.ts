"use server";

import "server-only";
import { findMembership } from "@/db/queries/members";
import {
  countActiveReps,
  deleteTeamLeader,
  findTeam,
  insertTeam,
  insertTeamLeader,
  setTeamArchived,
  teamNameTaken,
  updateTeamName,
} from "@/db/queries/teams";
import type { DbOrTx } from "@/db/client";
import { memberAction } from "@/lib/chain/member";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { createTeamSchema, renameTeamSchema, teamIdSchema, teamLeaderSchema } from "@/lib/schemas/people";

const adminsOnly = ["admin"] as const;

async function existingTeam(db: DbOrTx, orgId: string, teamId: string) {
  const team = await findTeam(db, orgId, teamId);
  if (!team) throw new Refusal("not_found", "That team no longer exists.");
  return team;
}

export const createTeam = memberAction(
  {
    name: "team.create",
    permission: "people.manage",
    input: createTeamSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { name }) => {
    if (await teamNameTaken(db, org.id, name)) invalidField("name", "A team with this name already exists.");
    const team = await insertTeam(db, org.id, name);
    await audit({ targetType: "team", targetId: team.id, targetLabel: name, after: { name } });
    return { teamId: team.id };
  },
);

export const renameTeam = memberAction(
  {
    name: "team.rename",
    permission: "people.manage",
    input: renameTeamSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { teamId, name }) => {
    const team = await existingTeam(db, org.id, teamId);
    if (await teamNameTaken(db, org.id, name, teamId)) invalidField("name", "A team with this name already exists.");
    await updateTeamName(db, org.id, teamId, name);
    await audit({ targetType: "team", targetId: teamId, targetLabel: name, before: { name: team.name }, after: { name } });
  },
);

/** Archiving hides a team from pickers and keeps all its history. Its reps must be moved first. */
export const archiveTeam = memberAction(
  {
    name: "team.archive",
    permission: "people.manage",
    input: teamIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { teamId }) => {
    const team = await existingTeam(db, org.id, teamId);
    if (team.archivedAt) throw new Refusal("conflict", `${team.name} is already archived.`);
    const reps = await countActiveReps(db, org.id, teamId);
    if (reps > 0) {
      throw new Refusal("conflict", `${team.name} still has ${reps} active ${reps === 1 ? "rep" : "reps"}. Move them to another team first.`);
    }
    await setTeamArchived(db, org.id, teamId, true);
    await audit({ targetType: "team", targetId: teamId, targetLabel: team.name, after: { archived: true } });
  },
);

export const restoreTeam = memberAction(
  {
    name: "team.restore",
    permission: "people.manage",
    input: teamIdSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { teamId }) => {
    const team = await existingTeam(db, org.id, teamId);
    if (!team.archivedAt) throw new Refusal("conflict", `${team.name} is not archived.`);
    await setTeamArchived(db, org.id, teamId, false);
    await audit({ targetType: "team", targetId: teamId, targetLabel: team.name, after: { archived: false } });
  },
);

export const addTeamLeader = memberAction(
  {
    name: "team.addLeader",
    permission: "people.manage",
    input: teamLeaderSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { teamId, userId }) => {
    const team = await existingTeam(db, org.id, teamId);
    const person = await findMembership(db, org.id, userId);
    if (!person || person.status !== "active" || person.role !== "leader") {
      invalidField("userId", "Choose an active member with the leader role.");
    }
    await insertTeamLeader(db, org.id, teamId, userId);
    await audit({ targetType: "team", targetId: teamId, targetLabel: team.name, after: { leader: person.name } });
  },
);

export const removeTeamLeader = memberAction(
  {
    name: "team.removeLeader",
    permission: "people.manage",
    input: teamLeaderSchema,
    expect: { allow: adminsOnly },
  },
  async ({ db, org, audit }, { teamId, userId }) => {
    const team = await existingTeam(db, org.id, teamId);
    const person = await findMembership(db, org.id, userId);
    if (!person || !(await deleteTeamLeader(db, org.id, teamId, userId))) {
      throw new Refusal("conflict", "That person does not lead this team.");
    }
    await audit({ targetType: "team", targetId: teamId, targetLabel: team.name, before: { leader: person.name }, after: { leader: null } });
  },
);
