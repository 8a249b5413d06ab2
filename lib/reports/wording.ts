import type { CycleStatus } from "@/db/schema/enums";
import { ASSESSMENT_STATUS_LABEL, type AssessmentStatus } from "@/lib/assessments/visibility";

type Cycle = { status: CycleStatus; assessment: AssessmentStatus; visible: { self: boolean; leader: boolean } };

/**
 * The line above the report's table: what is missing from this copy and why, else how to read a gap. The rep
 * hears about the leader's side, a coach about the rep's.
 */
export function reportTableIntro(cycle: Cycle, viewerIsRep: boolean, repName: string): string {
  if (viewerIsRep && !cycle.visible.leader) {
    const afterSubmit = cycle.status === "open" && cycle.assessment !== "submitted" ? ", after you submit your self-assessment" : "";
    return `Your leader's scores, comments, gaps and labels appear on this report once they share your results${afterSubmit}.`;
  }
  if (!viewerIsRep && !cycle.visible.self) {
    return `${repName}'s self ratings appear once they submit the self-assessment (now: ${ASSESSMENT_STATUS_LABEL[cycle.assessment].toLowerCase()}).`;
  }
  if (viewerIsRep && cycle.assessment !== "shared" && cycle.assessment !== "submitted") {
    return "Your self-assessment is not submitted yet: your scores below are your draft.";
  }
  return "Gap = self minus leader: positive when the self score is higher. Each gap gets a coaching label (see the key below).";
}
