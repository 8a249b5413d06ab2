import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import { insertAssignments } from "@/db/queries/calibration-rounds";
import { listCycles } from "@/db/queries/cycles";
import { calibrationRounds, secondRatings } from "@/db/schema";
import type { SeedContext } from "./index";
import { DEMO_ADMIN, DEMO_TEAMS } from "./demo-people";
import { demoPreviousScore } from "./demo-ratings";

/** The behaviour the demo's second raters read differently ("Building relationships", the third). */
export const DEMO_AMBIGUOUS_BEHAVIOUR = 2;

/**
 * The second score of team t's rep r on behaviour b, given the first: the same, or one point nearer the middle for
 * every third rep and behaviour, except on the ambiguous behaviour, where the scale is read the other way round.
 */
export function demoSecondScore(first: number, t: number, r: number, b: number): number {
  if (b === DEMO_AMBIGUOUS_BEHAVIOUR) return 6 - first;
  if ((r + b + t) % 3 !== 0) return first;
  return first > 3 ? first - 1 : first < 3 ? first + 1 : first;
}

/**
 * A finished calibration round in the closed cycle (where every rep has a leader rating): all ten reps sampled, each
 * team's reps rated a second time by the other team's leader. One behaviour comes out ambiguous (alpha below 0.667).
 */
export async function seedDemoCalibration(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const [behaviours, cycles] = await Promise.all([listBehaviours(db, ctx.orgId), listCycles(db, ctx.orgId)]);
  const previous = cycles.find((c) => c.status === "closed");
  if (!previous) return;
  const [round] = await db
    .insert(calibrationRounds)
    .values({
      orgId: ctx.orgId,
      cycleId: previous.id,
      createdBy: ctx.users[DEMO_ADMIN.email]!,
      createdAt: new Date("2026-09-22T09:00:00Z"),
      finishedAt: new Date("2026-09-29T16:30:00Z"),
    })
    .returning();
  const assignments: { repUserId: string; teamId: string; secondRaterUserId: string }[] = [];
  const rows: (typeof secondRatings.$inferInsert)[] = [];
  for (const [t, team] of DEMO_TEAMS.entries()) {
    const other = DEMO_TEAMS[(t + 1) % DEMO_TEAMS.length]!;
    team.reps.forEach((rep, r) => {
      const repUserId = ctx.users[rep.email]!;
      assignments.push({ repUserId, teamId: ctx.teams[team.name]!, secondRaterUserId: ctx.users[other.leader.email]! });
      behaviours.forEach((behaviour, b) => {
        const first = demoPreviousScore(t, r, b);
        const score = demoSecondScore(first, t, r, b);
        const comment =
          b === DEMO_AMBIGUOUS_BEHAVIOUR && r < 2
            ? score >= 4
              ? "Keeps in touch with every account, even the quiet ones."
              : "Friendly, but the relationships stop at the buyer."
            : null;
        rows.push({ orgId: ctx.orgId, roundId: round!.id, repUserId, behaviourId: behaviour.id, score, comment });
      });
    });
  }
  await insertAssignments(db, ctx.orgId, round!.id, assignments);
  await db.insert(secondRatings).values(rows);
}
