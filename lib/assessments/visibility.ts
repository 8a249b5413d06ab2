/**
 * Blind mode, decided in one place (PRODUCT.md, "Decisions that settle the details"):
 * - the coach (leader or admin) sees a rep's self ratings only once the rep has submitted;
 * - the rep sees the leader's ratings, and anything derived from them, only once they are shared;
 * - sharing is possible once the rep has submitted, or once the cycle is closed;
 * - reopening clears both, hiding the leader's ratings from the rep again.
 * With blind mode off, both sides see each other's ratings as they are saved.
 */
import type { CycleStatus } from "@/db/schema/enums";

export type AssessmentState = { submittedAt: Date | null; sharedAt: Date | null } | null | undefined;
export type AssessmentStatus = "not_started" | "draft" | "submitted" | "shared";

export function assessmentStatus(state: AssessmentState): AssessmentStatus {
  if (!state) return "not_started";
  if (state.sharedAt) return "shared";
  return state.submittedAt ? "submitted" : "draft";
}

/** Whether the rep may see the leader's ratings and comments (and gaps, plan scores, the report). */
export function repSeesLeader(blindMode: boolean, state: AssessmentState): boolean {
  return !blindMode || Boolean(state?.sharedAt);
}

/** Whether the rep's coach may see the rep's self ratings and comments. */
export function coachSeesSelf(blindMode: boolean, state: AssessmentState): boolean {
  return !blindMode || Boolean(state?.submittedAt);
}

/** Whether the coach may share the rep's results now. */
export function canShare(state: AssessmentState, cycleStatus: CycleStatus): boolean {
  if (state?.sharedAt) return false;
  return Boolean(state?.submittedAt) || cycleStatus === "closed";
}

export const ASSESSMENT_STATUS_LABEL: Record<AssessmentStatus, string> = {
  not_started: "Not started",
  draft: "Draft",
  submitted: "Submitted",
  shared: "Shared",
};
