import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { ratings } from "@/db/schema";
import type { SeedContext } from "./index";
import { DEMO_TEAMS } from "./demo-people";

/**
 * Leader ratings for most demo reps in the previous (closed) and the current cycle. Scores come from a fixed
 * formula, so every fresh demo database looks the same. This cycle each team leaves its last rep unrated and its
 * second and fourth reps one behaviour short, so the first and third are complete (2 of 5 per team).
 */
/** The current cycle's leader score of team t's rep r on behaviour b (the previous cycle's is derived from it). */
export function demoLeaderScore(t: number, r: number, b: number): number {
  return ((r * 7 + b * 3 + t * 2) % 5) + 1;
}

export async function seedDemoRatings(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const [behaviours, cycles] = await Promise.all([listBehaviours(db, ctx.orgId), listCycles(db, ctx.orgId)]);
  const current = cycles.find((c) => c.status === "open");
  const previous = cycles.find((c) => c.status === "closed");
  const rows: (typeof ratings.$inferInsert)[] = [];
  for (const [t, team] of DEMO_TEAMS.entries()) {
    const leader = ctx.users[team.leader.email]!;
    team.reps.forEach((rep, r) => {
      const repId = ctx.users[rep.email]!;
      behaviours.forEach((behaviour, b) => {
        const base = demoLeaderScore(t, r, b);
        if (previous)
          rows.push({
            orgId: ctx.orgId,
            cycleId: previous.id,
            repUserId: repId,
            behaviourId: behaviour.id,
            score: Math.max(1, base - ((r + b) % 2)),
            updatedBy: leader,
          });
        const unrated = r === team.reps.length - 1 || (r % 2 === 1 && (b + r) % 7 === 6);
        if (current && !unrated)
          rows.push({ orgId: ctx.orgId, cycleId: current.id, repUserId: repId, behaviourId: behaviour.id, score: base, updatedBy: leader });
      });
    });
  }
  if (rows.length > 0) await db.insert(ratings).values(rows);
}
