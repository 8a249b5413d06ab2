import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { assessments, selfRatings } from "@/db/schema";
import type { SeedContext } from "./index";
import { DEMO_TEAMS } from "./demo-people";

const DAY = 86_400_000;

/**
 * Self-assessments: everyone submitted and was shared in the closed cycle. In the current cycle each team has,
 * by position: not started, a draft, submitted (not shared), submitted and shared, submitted (not shared).
 */
export async function seedDemoSelfAssessments(db: DbOrTx, ctx: SeedContext): Promise<void> {
  const [behaviours, cycles] = await Promise.all([listBehaviours(db, ctx.orgId), listCycles(db, ctx.orgId)]);
  const current = cycles.find((c) => c.status === "open");
  const previous = cycles.find((c) => c.status === "closed");
  const states: (typeof assessments.$inferInsert)[] = [];
  const answers: (typeof selfRatings.$inferInsert)[] = [];
  const now = Date.now();

  for (const [t, team] of DEMO_TEAMS.entries()) {
    const leader = ctx.users[team.leader.email]!;
    team.reps.forEach((rep, r) => {
      const repUserId = ctx.users[rep.email]!;
      const answer = (cycleId: string, shift: number, count = behaviours.length) =>
        behaviours.slice(0, count).forEach((b, i) =>
          answers.push({ orgId: ctx.orgId, cycleId, repUserId, behaviourId: b.id, score: ((r * 3 + i * 2 + shift + t) % 5) + 1, comment: i === 0 ? "This is where I want to grow." : null }),
        );
      if (previous) {
        states.push({ orgId: ctx.orgId, cycleId: previous.id, repUserId, submittedAt: new Date(now - 70 * DAY), sharedAt: new Date(now - 60 * DAY), sharedBy: leader });
        answer(previous.id, 1);
      }
      if (!current || r === 0) return;
      if (r === 1) {
        states.push({ orgId: ctx.orgId, cycleId: current.id, repUserId });
        answer(current.id, 2, Math.ceil(behaviours.length / 2));
        return;
      }
      const shared = r === 3;
      states.push({ orgId: ctx.orgId, cycleId: current.id, repUserId, submittedAt: new Date(now - 5 * DAY), sharedAt: shared ? new Date(now - 2 * DAY) : null, sharedBy: shared ? leader : null });
      answer(current.id, 2);
    });
  }
  if (states.length > 0) await db.insert(assessments).values(states);
  if (answers.length > 0) await db.insert(selfRatings).values(answers);
}
