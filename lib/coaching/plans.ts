import type { listPlans } from "@/db/queries/coaching";
import { PLAN_STATUSES, type PlanStatus } from "@/db/schema/enums";
import { repSeesLeader } from "@/lib/assessments/visibility";
import { planProgress } from "./rules";

/** Coaching plan statuses (the schema's) and their words. */
export { PLAN_STATUSES, type PlanStatus };

export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = { active: "Active", done: "Done", dropped: "Dropped" };

/** A sensible first target for a behaviour the leader scored `leader`: one point up, at most 5. */
/**
 * The line a rep reads above their plans while a score is still hidden from them (their results not shared yet):
 * shown only then, so it never sits beside scores already on screen.
 */
export function scoresAwaitSharingNote(plans: readonly { then: unknown; now: unknown }[]): string | null {
  return plans.some((p) => p.then === null || p.now === null) ? "Scores appear once your leader shares your results." : null;
}

export function suggestedTarget(leader: number | null): number {
  return leader === null ? 4 : Math.min(5, leader + 1);
}

/** A plan as its card shows it (components/coaching/plan-card.tsx): scores then and now, progress, checklist. */
export function planView(p: Awaited<ReturnType<typeof listPlans>>[number]) {
  const then = p.scoreThen === null ? null : Number(p.scoreThen);
  const now = p.latest === null ? null : Number(p.latest.score);
  return {
    id: p.id,
    behaviourId: p.behaviourId,
    behaviourName: p.behaviourName,
    targetScore: p.targetScore,
    dueOn: p.dueOn,
    status: p.status,
    then: then === null ? null : { score: then, cycleName: p.cycleName },
    now: now === null || p.latest === null ? null : { score: now, cycleName: p.latest.cycleName },
    progress: planProgress(then, now, p.targetScore),
    actions: p.actions.map((a) => ({ id: a.id, description: a.description, done: a.doneAt !== null })),
  };
}

/** The cycles whose leader ratings a rep sees (blind mode, cycle by cycle): what their plans' scores may come from. */
export function repLeaderCycleIds(
  blindMode: boolean,
  cycles: readonly { id: string; status: string }[],
  states: readonly { cycleId: string; submittedAt: Date | null; sharedAt: Date | null }[],
): string[] {
  const stateOf = new Map(states.map((s) => [s.cycleId, s]));
  return cycles.filter((c) => c.status !== "draft" && repSeesLeader(blindMode, stateOf.get(c.id))).map((c) => c.id);
}
