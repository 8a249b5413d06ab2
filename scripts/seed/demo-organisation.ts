import type { DbOrTx } from "@/db/client";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership, insertOrganisation } from "@/db/queries/organisations";
import { insertTeam, insertTeamLeader } from "@/db/queries/teams";
import { enterOrganisation } from "@/db/tenant";
import type { SeedContext } from "./index";
import { DEMO_ADMIN, DEMO_ORG, DEMO_TEAMS } from "./demo-people";

/**
 * The organisation, its admin, two teams with a leader each, and five reps per team. Their addresses count as
 * verified, so the demo's reminders and digests land in the local mailbox like any organisation's.
 */
export async function seedDemoOrganisation(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const emailVerifiedAt = new Date();
  const org = await insertOrganisation(db, DEMO_ORG);
  await enterOrganisation(db, org.id); // the seed's transaction writes behind the organisation's wall (db/tenant.ts)
  ctx.orgId = org.id;
  const admin = await insertUser(db, { ...DEMO_ADMIN, passwordHash: ctx.passwordHash, emailVerifiedAt });
  await insertMembership(db, org.id, { userId: admin.id, role: "admin" });
  ctx.users[admin.email] = admin.id;

  for (const demoTeam of DEMO_TEAMS) {
    const team = await insertTeam(db, org.id, demoTeam.name);
    ctx.teams[team.name] = team.id;
    const leader = await insertUser(db, { ...demoTeam.leader, passwordHash: ctx.passwordHash, emailVerifiedAt });
    await insertMembership(db, org.id, { userId: leader.id, role: "leader" });
    await insertTeamLeader(db, org.id, team.id, leader.id);
    ctx.users[leader.email] = leader.id;
    for (const rep of demoTeam.reps) {
      const user = await insertUser(db, { ...rep, passwordHash: ctx.passwordHash, emailVerifiedAt });
      await insertMembership(db, org.id, { userId: user.id, role: "rep", teamId: team.id });
      ctx.users[user.email] = user.id;
    }
  }
}
