import { insertInviteLedTeams, insertInvites } from "@/db/queries/invites";
import { setLeaderships, updateMemberships } from "@/db/queries/members";
import { insertTeams } from "@/db/queries/teams";
import type { ActionContext } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { joinPath, queueInviteMails } from "@/lib/invites/mail";
import { hashToken, newToken } from "@/lib/tokens";
import { teamCell, teamKey, type ImportPlan, type PlannedRow, type TeamRef } from "./plan";

export type ImportChoices = {
  /** Addresses of the members whose differences to apply. */
  apply: ReadonlySet<string>;
  sendEmail: boolean;
  expiresInHours: number;
};

type InviteLink = { row: number; name: string; email: string; role: string; team: string; path: string };

export type ImportResult = {
  invited: number;
  teamsCreated: string[];
  updated: number;
  /** Members whose differences were left as they are. */
  leftAsTheyAre: number;
  unchanged: number;
  errors: number;
  emailed: boolean;
  /** The new people's links, once, when they were not emailed (only their hashes are kept). */
  links: InviteLink[];
};

type Audited = Parameters<ActionContext["auditAll"]>[0][number];

/**
 * Applies a plan in the caller's transaction, in a constant number of statements however many rows: missing teams
 * created, one email-bound single-use invite per new person (a leader's further teams beside it) and their mails
 * queued, the chosen members' role, team and leaderships changed, and the audit events: one per team created and per
 * membership change, and the import's own with its counts. Refuses a plan with nothing to apply.
 */
export async function applyImport(ctx: ActionContext, plan: ImportPlan, choices: ImportChoices): Promise<ImportResult> {
  const { db, org, user } = ctx;
  const invites = plan.rows.filter((r) => r.status === "invite");
  const updates = plan.rows.filter((r) => r.status === "update" && choices.apply.has(r.email));
  if (invites.length === 0 && updates.length === 0) {
    throw new Refusal("conflict", "Nothing to import: everyone in this file is already in place (or has an error to fix).");
  }
  const newTeams = new Map<string, string>();
  for (const row of [...invites, ...updates])
    for (const team of row.teams) if (!team.id && !newTeams.has(team.key)) newTeams.set(team.key, team.name);
  const created = await insertTeams(db, org.id, [...newTeams.values()]);
  if (created.length !== newTeams.size) throw new Refusal("conflict", "A team this file names was created in the meantime. Preview the file again.");
  const createdIds = new Map(created.map((t) => [teamKey(t.name), t.id]));
  const idOf = (team: TeamRef) => team.id ?? createdIds.get(team.key)!;

  const now = new Date();
  const expiresAt = new Date(now.getTime() + choices.expiresInHours * 3_600_000);
  const fresh = invites.map((row) => ({ row, token: newToken() }));
  const inserted = await insertInvites(
    db,
    org.id,
    fresh.map(({ row, token }) => ({
      tokenHash: hashToken(token),
      role: row.role!,
      teamId: row.teams[0] ? idOf(row.teams[0]) : null,
      email: row.email,
      expiresAt,
      createdBy: user.id,
      emailedAt: choices.sendEmail ? now : null,
    })),
  );
  const inviteIds = new Map(inserted.map((i) => [i.email, i.id]));
  await insertInviteLedTeams(
    db,
    org.id,
    invites
      .filter((r) => r.role === "leader")
      .flatMap((r) => r.teams.slice(1).map((team) => ({ inviteId: inviteIds.get(r.email)!, teamId: idOf(team) }))),
  );
  if (choices.sendEmail) {
    await queueInviteMails(
      db,
      org,
      user,
      fresh.map(({ row, token }) => ({
        email: row.email,
        token,
        role: row.role!,
        teamName: row.teams.length ? row.teams.map((t) => t.name).join(", ") : null,
        expiresAt,
      })),
    );
  }

  await updateMemberships(
    db,
    org.id,
    updates
      .filter((r) => r.changes?.role || r.changes?.team)
      .map((r) => ({ userId: r.userId!, role: r.role!, teamId: r.role === "rep" ? idOf(r.teams[0]!) : null })),
  );
  await setLeaderships(
    db,
    org.id,
    updates.filter((r) => r.changes?.leads).map((r) => ({ userId: r.userId!, teamIds: r.role === "leader" ? r.teams.map(idOf) : [] })),
  );

  const counts = {
    rows: plan.rows.length,
    invited: invites.length,
    teamsCreated: created.length,
    updated: updates.length,
    leftAsTheyAre: plan.counts.update - updates.length,
    unchanged: plan.counts.unchanged,
    errors: plan.counts.error,
    emailed: choices.sendEmail,
  };
  await ctx.auditAll([
    ...created.map((t): Audited => ({ action: "team.create", targetType: "team", targetId: t.id, targetLabel: t.name, after: { name: t.name } })),
    ...updates.flatMap((r) => membershipEvents(r, idOf)),
    { targetType: "organisation", targetId: org.id, targetLabel: org.name, after: counts },
  ]);

  return {
    invited: invites.length,
    teamsCreated: created.map((t) => t.name),
    updated: updates.length,
    leftAsTheyAre: counts.leftAsTheyAre,
    unchanged: counts.unchanged,
    errors: counts.errors,
    emailed: choices.sendEmail,
    links: choices.sendEmail
      ? []
      : fresh.map(({ row, token }) => ({
          row: row.row,
          name: row.cells.name,
          email: row.email,
          role: row.role!,
          team: teamCell(row.teams.map((t) => t.name)),
          path: joinPath(org.slug, token),
        })),
  };
}

/** The events the members page would record for the same changes: role, team, and each leadership added or removed. */
function membershipEvents(row: PlannedRow, idOf: (team: TeamRef) => string): Audited[] {
  const changes = row.changes ?? {};
  const label = row.personName ?? row.email;
  const events: Audited[] = [];
  if (changes.role) {
    events.push({
      action: "member.changeRole",
      targetType: "membership",
      targetId: row.userId,
      targetLabel: label,
      before: { role: changes.role.from },
      after: { role: changes.role.to, team: row.role === "rep" ? row.teams[0]!.name : null },
    });
  } else if (changes.team) {
    events.push({
      action: "member.moveTeam",
      targetType: "membership",
      targetId: row.userId,
      targetLabel: label,
      before: { team: changes.team.from },
      after: { team: changes.team.to },
    });
  }
  if (changes.leads) {
    const to = row.role === "leader" ? row.teams : [];
    const toIds = to.map(idOf);
    changes.leads.fromIds.forEach((id, i) => {
      if (!toIds.includes(id))
        events.push({
          action: "team.removeLeader",
          targetType: "team",
          targetId: id,
          targetLabel: changes.leads!.from[i],
          before: { leader: label },
          after: { leader: null },
        });
    });
    to.forEach((team, i) => {
      if (!changes.leads!.fromIds.includes(toIds[i]!))
        events.push({ action: "team.addLeader", targetType: "team", targetId: toIds[i], targetLabel: team.name, after: { leader: label } });
    });
  }
  return events;
}
