import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import { insertPlan } from "@/db/queries/coaching";
import { insertCycle } from "@/db/queries/cycles";
import { assessments, measures, ratings, results, selfRatings } from "@/db/schema";
import { insertInChunks } from "./chunks";
import type { SeedContext } from "./index";
import { DEMO_TEAMS } from "./demo-people";
import { DEMO_RESULTS } from "./demo-results-names";

/**
 * Sales results for "What predicts results" (lib/results/analysis.ts), added after every other step so the figures
 * those steps pin stay as they are:
 * - two earlier closed cycles, Q1 and Q2 2026, in which every demo rep has leader ratings and a shared
 *   self-assessment, so four cycles (Q1-Q4) have ratings and results;
 * - two measures: "Quota attainment" (percent, the main measure) follows the leader's score on "Qualifying and
 *   discovery" plus noise, and "Win rate" (percent) the score on "Negotiating and closing" plus noise, in every
 *   cycle, from whatever scores the earlier steps saved (a rep unrated this cycle keeps last cycle's score);
 * - ten coaching plans made in Q1 ("Presenting" and "Getting access to decision-makers", five each, five per
 *   leader), done by Q2: the coached reps rise by one or two points, reps who started from the same score without
 *   a plan by zero or one.
 * Everything comes from fixed formulas, so each fresh demo database looks the same.
 */

export { DEMO_RESULTS };

/** A fixed number in [0, 1) for the inputs (a multiplicative hash): the results' noise. */
function demoNoise(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = Math.imul(h ^ (p + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** Q1 and Q2 leader scores of team t's rep r on behaviour b (c: 0 for Q1, 1 for Q2), away from the coached ones. */
function demoEarlyScore(t: number, r: number, b: number, c: number): number {
  const q2 = ((r * 7 + b * 3 + t * 2 + 1) % 5) + 1;
  return c === 1 ? q2 : Math.max(1, q2 - ((r + b + t) % 2));
}

/** The coached behaviours' Q1 score: 2 or 3, so reps with and without a plan share starting scores. */
const coachedStart = (t: number, r: number) => 2 + ((r + t) % 2);

/** Which of the two coached behaviours (0 or 1) team t's rep r has a plan on: East 0-2 and West 3-4 on the first. */
const planOn = (t: number, r: number) => ((t === 0 ? r <= 2 : r >= 3) ? 0 : 1);

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function seedDemoResults(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const behaviours = await listBehaviours(db, ctx.orgId);
  const index = (name: string) => behaviours.findIndex((b) => b.name === name);
  const coached = DEMO_RESULTS.coached.map(index);
  const q1 = await insertCycle(db, ctx.orgId, {
    name: "Q1 2026",
    status: "closed",
    openedAt: new Date("2026-01-05T15:00:00Z"),
    closedAt: new Date("2026-04-01T14:00:00Z"),
  });
  const q2 = await insertCycle(db, ctx.orgId, {
    name: "Q2 2026",
    status: "closed",
    openedAt: new Date("2026-04-01T14:05:00Z"),
    closedAt: new Date("2026-07-01T13:55:00Z"),
  });

  const rated: (typeof ratings.$inferInsert)[] = [];
  const states: (typeof assessments.$inferInsert)[] = [];
  const selves: (typeof selfRatings.$inferInsert)[] = [];
  for (const [t, team] of DEMO_TEAMS.entries()) {
    const leader = ctx.users[team.leader.email]!;
    team.reps.forEach((rep, r) => {
      const repUserId = ctx.users[rep.email]!;
      [q1, q2].forEach((cycle, c) => {
        states.push({
          orgId: ctx.orgId,
          cycleId: cycle.id,
          repUserId,
          submittedAt: cycle.closedAt,
          sharedAt: cycle.closedAt,
          sharedBy: leader,
        });
        behaviours.forEach((behaviour, b) => {
          const which = coached.indexOf(b);
          const start = coachedStart(t, r);
          const score =
            which < 0
              ? demoEarlyScore(t, r, b, c)
              : c === 0
                ? start
                : planOn(t, r) === which
                  ? Math.min(5, start + 1 + (r % 2))
                  : start + ((r + t) % 3 === 0 ? 1 : 0);
          rated.push({ orgId: ctx.orgId, cycleId: cycle.id, repUserId, behaviourId: behaviour.id, score, updatedBy: leader });
          selves.push({
            orgId: ctx.orgId,
            cycleId: cycle.id,
            repUserId,
            behaviourId: behaviour.id,
            score: Math.min(5, Math.max(1, score + ((r + b + c) % 3) - 1)),
          });
        });
      });
    });
  }
  await insertInChunks(rated, (chunk) => db.insert(ratings).values(chunk));
  await insertInChunks(states, (chunk) => db.insert(assessments).values(chunk));
  await insertInChunks(selves, (chunk) => db.insert(selfRatings).values(chunk));

  // The plans, made in Q1 by each rep's leader (their score then: the Q1 score above), done by Q2.
  for (const [t, team] of DEMO_TEAMS.entries()) {
    for (const [r, rep] of team.reps.entries()) {
      const behaviourId = behaviours[coached[planOn(t, r)]!]!.id;
      await insertPlan(db, ctx.orgId, {
        repUserId: ctx.users[rep.email]!,
        behaviourId,
        cycleId: q1.id,
        targetScore: Math.min(5, coachedStart(t, r) + 1),
        dueOn: "2026-03-31",
        status: "done",
        createdBy: ctx.users[team.leader.email]!,
      });
    }
  }

  const [attainment, winRate] = await db
    .insert(measures)
    .values([
      { orgId: ctx.orgId, name: DEMO_RESULTS.attainment, unit: "percent", higherIsBetter: true, isMain: true, position: 1 },
      { orgId: ctx.orgId, name: DEMO_RESULTS.winRate, unit: "percent", higherIsBetter: true, isMain: false, position: 2 },
    ])
    .returning();

  // Results from the leader scores every step saved, oldest cycle first (a rep unrated in a cycle keeps the last).
  const scores = await db.select().from(ratings).where(eq(ratings.orgId, ctx.orgId));
  const cycleIds = [...new Set(scores.map((s) => s.cycleId))];
  const openedOf = new Map([
    [q1.id, 1],
    [q2.id, 2],
  ]);
  // Q3 and Q4 were made before this step: order them after Q1 and Q2 by the ids the framework step left.
  const framework = (ctx as SeedContext & { framework?: { previousCycleId: string; currentCycleId: string } }).framework;
  if (framework) {
    openedOf.set(framework.previousCycleId, 3);
    openedOf.set(framework.currentCycleId, 4);
  }
  const ordered = cycleIds.filter((id) => openedOf.has(id)).sort((a, b) => openedOf.get(a)! - openedOf.get(b)!);
  const driver = (name: string) => behaviours[index(name)]!.id;
  const rows: (typeof results.$inferInsert)[] = [];
  for (const [t, team] of DEMO_TEAMS.entries()) {
    team.reps.forEach((rep, r) => {
      const repUserId = ctx.users[rep.email]!;
      const last: Record<string, number> = {};
      ordered.forEach((cycleId, c) => {
        const score = (behaviourId: string) => {
          const found = scores.find((s) => s.cycleId === cycleId && s.repUserId === repUserId && s.behaviourId === behaviourId)?.score;
          if (found != null) last[behaviourId] = found;
          return last[behaviourId] ?? 3;
        };
        const qualifying = score(driver(DEMO_RESULTS.drivesAttainment));
        const negotiating = score(driver(DEMO_RESULTS.drivesWinRate));
        rows.push({
          orgId: ctx.orgId,
          cycleId,
          repUserId,
          measureId: attainment!.id,
          value: round1(50 + 12 * qualifying + (demoNoise(t, r, c, 1) - 0.5) * 30),
        });
        rows.push({
          orgId: ctx.orgId,
          cycleId,
          repUserId,
          measureId: winRate!.id,
          value: round1(10 + 5 * negotiating + (demoNoise(t, r, c, 2) - 0.5) * 24),
        });
      });
    });
  }
  await insertInChunks(rows, (chunk) => db.insert(results).values(chunk));
}
