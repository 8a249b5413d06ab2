import type { AssessmentStatus } from "@/lib/assessments/visibility";

const NEXT_STEP = {
  not_started: {
    text: "Rate yourself 1 to 5 on each behaviour. It takes about ten minutes, and you can save a draft.",
    cta: "Start your self-assessment",
  },
  draft: { text: "Your draft is saved. Finish the behaviours you have not rated yet, then submit.", cta: "Continue your self-assessment" },
  submitted: { text: "Submitted. Your leader will go through the results with you and share them here.", cta: "View your answers" },
  shared: { text: "Your leader has shared your results: see where your view and theirs differ.", cta: "View your answers" },
} as const;

const DRAFT_COMPLETE = { text: "Every behaviour is rated. Review your answers and submit them to your leader.", cta: "Review and submit" } as const;

/**
 * What the rep's dashboard asks them to do next about their self-assessment. A draft with every behaviour rated (a
 * self-assessment reopened after a submit, say) has nothing left to finish: it needs a submit.
 */
export function selfAssessmentStep(status: AssessmentStatus, rated: number, behaviours: number): { text: string; cta: string } {
  if (status === "draft" && behaviours > 0 && rated >= behaviours) return DRAFT_COMPLETE;
  return NEXT_STEP[status];
}
