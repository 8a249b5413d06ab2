/** Coaching plan statuses and their words. */
export const PLAN_STATUSES = ["active", "done", "dropped"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = { active: "Active", done: "Done", dropped: "Dropped" };

/** A sensible first target for a behaviour the leader scored `leader`: one point up, at most 5. */
export function suggestedTarget(leader: number | null): number {
  return leader === null ? 4 : Math.min(5, leader + 1);
}
