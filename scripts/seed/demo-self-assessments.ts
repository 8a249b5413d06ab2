import type { DbOrTx } from "@/db/client";
import { listBehaviours } from "@/db/queries/behaviours";
import { listCycles } from "@/db/queries/cycles";
import { assessments, selfRatings } from "@/db/schema";
import type { SeedContext } from "./index";
import { DEMO_TEAMS } from "./demo-people";
import { demoLeaderScore } from "./demo-ratings";

const DAY = 86_400_000;
/** Sam Okafor of Team East (submitted, not shared, every behaviour rated by the leader this cycle). */
const LENIENT = { team: 0, rep: 2 };

/**
 * Self-assessments: everyone submitted and was shared in the closed cycle. In the current cycle each team has,
 * by position: not started, a draft, submitted (not shared), submitted and shared, submitted (not shared).
 * Sam Okafor (Team East, submitted) rates himself high across the board this cycle.
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
      // The lenient rep rates themself two above their leader wherever the scale allows: the queue's raw and
      // relative labels differ most for them.
      const score = (i: number, shift: number) =>
        t === LENIENT.team && r === LENIENT.rep && shift === 2 ? Math.min(5, demoLeaderScore(t, r, i) + 2) : ((r * 3 + i * 2 + shift + t) % 5) + 1;
      const answer = (cycleId: string, shift: number, count = behaviours.length) =>
        behaviours.slice(0, count).forEach((b, i) =>
          answers.push({
            orgId: ctx.orgId,
            cycleId,
            repUserId,
            behaviourId: b.id,
            score: score(i, shift),
            comment: i === 0 ? "This is where I want to grow." : null,
          }),
        );
      if (previous) {
        states.push({
          orgId: ctx.orgId,
          cycleId: previous.id,
          repUserId,
          submittedAt: new Date(now - 70 * DAY),
          sharedAt: new Date(now - 60 * DAY),
          sharedBy: leader,
        });
        answer(previous.id, 1);
      }
      if (!current || r === 0) return;
      if (r === 1) {
        states.push({ orgId: ctx.orgId, cycleId: current.id, repUserId });
        answer(current.id, 2, Math.ceil(behaviours.length / 2));
        return;
      }
      const shared = r === 3;
      states.push({
        orgId: ctx.orgId,
        cycleId: current.id,
        repUserId,
        submittedAt: new Date(now - 5 * DAY),
        sharedAt: shared ? new Date(now - 2 * DAY) : null,
        sharedBy: shared ? leader : null,
      });
      answer(current.id, 2);
    });
  }
  if (states.length > 0) await db.insert(assessments).values(states);
  if (answers.length > 0) await db.insert(selfRatings).values(answers);
}
