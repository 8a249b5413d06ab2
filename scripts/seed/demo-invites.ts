import type { DbOrTx } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit";
import { insertInvite, insertInviteLedTeams } from "@/db/queries/invites";
import { hashToken, newToken } from "@/lib/tokens";
import type { SeedContext } from "./index";
import { DEMO_ADMIN, DEMO_TEAMS } from "./demo-people";

const DAY = 86_400_000;

/**
 * One active and one expired invite link, an expired invite for a leader of both teams (as the people import makes
 * them), and the audit entries setting up the organisation would leave.
 */
export async function seedDemoInvitesAndAudit(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const admin = ctx.users[DEMO_ADMIN.email]!;
  const [east, west] = DEMO_TEAMS;
  const westLeader = ctx.users[west!.leader.email]!;

  for (const team of DEMO_TEAMS) {
    const teamId = ctx.teams[team.name]!;
    await insertAuditEvent(db, ctx.orgId, admin, {
      action: "team.create",
      targetType: "team",
      targetId: teamId,
      targetLabel: team.name,
      after: { name: team.name },
    });
    await insertAuditEvent(db, ctx.orgId, admin, {
      action: "team.addLeader",
      targetType: "team",
      targetId: teamId,
      targetLabel: team.name,
      after: { leader: team.leader.name },
    });
  }

  const links = [
    { team: east!, createdBy: admin, expiresAt: new Date(Date.now() + 7 * DAY), maxUses: 5 },
    { team: west!, createdBy: westLeader, expiresAt: new Date(Date.now() - DAY), maxUses: 1 },
  ];
  for (const link of links) {
    const invite = await insertInvite(db, ctx.orgId, {
      tokenHash: hashToken(newToken()), // nobody will use these demo links: their tokens are not kept
      role: "rep",
      teamId: ctx.teams[link.team.name]!,
      email: null,
      maxUses: link.maxUses,
      expiresAt: link.expiresAt,
      createdBy: link.createdBy,
    });
    await insertAuditEvent(db, ctx.orgId, link.createdBy, {
      action: "invite.create",
      targetType: "invite",
      targetId: invite.id,
      targetLabel: link.team.name,
      after: { role: "rep", team: link.team.name, email: null, maxUses: link.maxUses, expiresAt: link.expiresAt },
    });
  }

  // A leader invited to lead both teams, never accepted: the first team on the invite, the second in invite_led_teams.
  const leaderInvite = await insertInvite(db, ctx.orgId, {
    tokenHash: hashToken(newToken()),
    role: "leader",
    teamId: ctx.teams[east!.name]!,
    email: "robin.hale@brightwater.example",
    maxUses: 1,
    expiresAt: new Date(Date.now() - 2 * DAY),
    createdBy: admin,
  });
  await insertInviteLedTeams(db, ctx.orgId, [{ inviteId: leaderInvite.id, teamId: ctx.teams[west!.name]! }]);
  await insertAuditEvent(db, ctx.orgId, admin, {
    action: "invite.create",
    targetType: "invite",
    targetId: leaderInvite.id,
    targetLabel: east!.name,
    after: { role: "leader", team: east!.name, email: leaderInvite.email, maxUses: 1, expiresAt: leaderInvite.expiresAt },
  });
}
