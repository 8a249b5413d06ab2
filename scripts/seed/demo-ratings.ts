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

/**
 * The demo's lenient leader: Priya Nair (Team West) rated every score one point high (5 stays 5) in the closed cycle,
 * so "How leaders rate" marks her and the calibration round in that cycle shows it; by the open cycle, after the
 * round, she rates like the others.
 */
export const DEMO_LENIENT_TEAM = 1;

/** The previous cycle's score of team t's rep r on behaviour b as a leader who reads the scale as the others do gives it. */
export function demoFairPreviousScore(t: number, r: number, b: number): number {
  return Math.max(1, demoLeaderScore(t, r, b) - ((r + b) % 2));
}

/** The previous (closed) cycle's leader score of team t's rep r on behaviour b: every rep is rated there. */
export function demoPreviousScore(t: number, r: number, b: number): number {
  const fair = demoFairPreviousScore(t, r, b);
  return t === DEMO_LENIENT_TEAM ? Math.min(5, fair + 1) : fair;
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
            score: demoPreviousScore(t, r, b),
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
