import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertBehaviours } from "@/db/queries/behaviours";
import { insertCycle } from "@/db/queries/cycles";
import { insertOrganisation } from "@/db/queries/organisations";
import { enterOrganisation } from "@/db/tenant";
import { memberships, ratings, teamLeaders, teams, users } from "@/db/schema";
import type { MemberRole } from "@/db/schema/enums";
import { hashPassword } from "@/lib/auth/password";
import { insertInChunks } from "./chunks";
import { DEMO_PASSWORD } from "./demo-people";
import { seedLargeCoaching } from "./demo-coaching";
import { seedLargeRelationships } from "./demo-relationships";

export const LARGE_ORG = { slug: "large-org", name: "Large Example Org", timeZone: "Europe/Berlin" };
export const LARGE_ADMIN_EMAIL = "admin@large.example";
export const LARGE_LEADER_EMAIL = "leader@large.example";

/**
 * A large organisation for tests and benchmarks: 50 teams, the first with 500 reps and the others with 5,
 * 12 behaviours, 4 cycles (3 closed, 1 open) with leader ratings for every rep, each leader's internal
 * relationships with their interactions, goals and actions, and coaching (self-assessments in the open cycle
 * that give every queue label, plans, 1:1 notes). Same password as the demo.
 */
export async function seedLargeOrganisation(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const org = await insertOrganisation(tx, LARGE_ORG);
    await enterOrganisation(tx, org.id); // behind the organisation's wall (db/tenant.ts)
    const teamRows = await tx
      .insert(teams)
      .values(Array.from({ length: 50 }, (_, i) => ({ orgId: org.id, name: `Team ${String(i + 1).padStart(2, "0")}` })))
      .returning();
    const people: { email: string; name: string; role: MemberRole; teamId: string | null; leads?: string }[] = [
      { email: LARGE_ADMIN_EMAIL, name: "Alex Admin", role: "admin", teamId: null },
      ...teamRows.map((team, t) => ({
        email: t === 0 ? LARGE_LEADER_EMAIL : `leader${t + 1}@large.example`,
        name: `Leader ${t + 1}`,
        role: "leader" as const,
        teamId: null,
        leads: team.id,
      })),
      ...teamRows.flatMap((team, t) =>
        Array.from({ length: t === 0 ? 500 : 5 }, (_, r) => ({
          email: `rep${t + 1}-${r + 1}@large.example`,
          name: `Rep ${t + 1}-${r + 1}`,
          role: "rep" as const,
          teamId: team.id,
        })),
      ),
    ];
    const created: { id: string; email: string }[] = [];
    await insertInChunks(people, async (chunk) => {
      created.push(
        ...(await tx
          .insert(users)
          .values(chunk.map(({ email, name }) => ({ email, name, passwordHash })))
          .returning({ id: users.id, email: users.email })),
      );
    });
    const idOf = new Map(created.map((u) => [u.email, u.id]));
    await insertInChunks(people, (chunk) =>
      tx.insert(memberships).values(chunk.map((p) => ({ orgId: org.id, userId: idOf.get(p.email)!, role: p.role, teamId: p.teamId }))),
    );
    await tx.insert(teamLeaders).values(people.filter((p) => p.leads).map((p) => ({ orgId: org.id, teamId: p.leads!, userId: idOf.get(p.email)! })));

    const behaviourRows = await insertBehaviours(
      tx,
      org.id,
      Array.from({ length: 12 }, (_, i) => ({
        name: `Behaviour ${i + 1}`,
        description: `What behaviour ${i + 1} means here.`,
        level1: "Rarely shows it.",
        level3: "Shows it most of the time.",
        level5: "Shows it always and coaches others in it.",
      })),
    );
    const cycleRows = [];
    for (let c = 0; c < 4; c++) {
      cycleRows.push(
        await insertCycle(tx, org.id, {
          name: `Cycle ${c + 1}`,
          status: c === 3 ? "open" : "closed",
          openedAt: new Date(),
          closedAt: c === 3 ? null : new Date(),
        }),
      );
    }
    const admin = idOf.get(LARGE_ADMIN_EMAIL)!;
    const reps = people.filter((p) => p.role === "rep").map((p) => idOf.get(p.email)!);
    const rows = cycleRows.flatMap((cycle, c) =>
      reps.flatMap((rep, r) =>
        behaviourRows.map((b, i) => ({
          orgId: org.id,
          cycleId: cycle.id,
          repUserId: rep,
          behaviourId: b.id,
          score: ((r + i + c) % 5) + 1,
          updatedBy: admin,
        })),
      ),
    );
    await insertInChunks(rows, (chunk) => tx.insert(ratings).values(chunk));
    await seedLargeRelationships(
      tx,
      org.id,
      people.filter((p) => p.leads).map((p) => idOf.get(p.email)!),
    );
    await seedLargeCoaching(tx, org.id, {
      cycleId: cycleRows[3]!.id,
      behaviourIds: behaviourRows.map((b) => b.id),
      teams: people
        .filter((p) => p.leads)
        .map((p) => ({
          leaderId: idOf.get(p.email)!,
          repIds: people.filter((q) => q.role === "rep" && q.teamId === p.leads).map((q) => idOf.get(q.email)!),
        })),
      timeZone: LARGE_ORG.timeZone,
    });
  });
  // A bulk load leaves the planner without statistics (the embedded database never gathers them by itself, and
  // PostgreSQL's autovacuum only a minute later): without them the grid's and the queue's joins take seconds.
  await db.execute(sql`analyze`);
}
