import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import { insertAssignments } from "@/db/queries/calibration-rounds";
import { listCycles } from "@/db/queries/cycles";
import { calibrationRounds, secondRatings } from "@/db/schema";
import type { SeedContext } from "./index";
import { DEMO_ADMIN, DEMO_TEAMS } from "./demo-people";
import { DEMO_LENIENT_TEAM, demoFairPreviousScore, demoPreviousScore } from "./demo-ratings";

/** The behaviour the demo's second raters read differently ("Building relationships", the third). */
export const DEMO_AMBIGUOUS_BEHAVIOUR = 2;

/**
 * The second score of team t's rep r on behaviour b, given the first: the same, or one point nearer the middle for
 * every third rep and behaviour, except on the ambiguous behaviour, where the scale is read the other way round.
 */
function demoSecondScore(first: number, t: number, r: number, b: number): number {
  if (b === DEMO_AMBIGUOUS_BEHAVIOUR) return 6 - first;
  if ((r + b + t) % 3 !== 0) return first;
  return first > 3 ? first - 1 : first < 3 ? first + 1 : first;
}

/**
 * The first (the rep's leader's, as in the grid) and the second score of team t's rep r on behaviour b in the demo
 * round. The second rater reads the scale as most leaders do, so starts from the score such a leader would give.
 */
export function demoScorePair(t: number, r: number, b: number): [first: number, second: number] {
  return [demoPreviousScore(t, r, b), demoSecondScore(demoFairPreviousScore(t, r, b), t, r, b)];
}

/** Who rates team t's reps a second time: the lenient leader's team by the other leader, the others by the admin. */
function demoSecondRater(t: number) {
  return t === DEMO_LENIENT_TEAM ? DEMO_TEAMS[(t + 1) % DEMO_TEAMS.length]!.leader : DEMO_ADMIN;
}

/**
 * A finished calibration round in the closed cycle (where every rep has a leader rating): all ten reps sampled and
 * rated a second time (demoSecondRater). One behaviour comes out ambiguous (alpha below 0.667), and the lenient
 * leader's scores run above the second rater's on the same reps.
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
    team.reps.forEach((rep, r) => {
      const repUserId = ctx.users[rep.email]!;
      assignments.push({ repUserId, teamId: ctx.teams[team.name]!, secondRaterUserId: ctx.users[demoSecondRater(t).email]! });
      behaviours.forEach((behaviour, b) => {
        const [, score] = demoScorePair(t, r, b);
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
