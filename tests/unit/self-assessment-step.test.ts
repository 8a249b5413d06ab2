import { describe, expect, it } from "vitest";
import { selfAssessmentStep } from "@/lib/dashboards/self-assessment-step";

describe("the rep dashboard's next step", () => {
  it("asks a draft with every behaviour rated (a reopened one) to submit, not to finish", () => {
    expect(selfAssessmentStep("draft", 6, 6)).toEqual({
      text: "Every behaviour is rated. Review your answers and submit them to your leader.",
      cta: "Review and submit",
    });
    expect(selfAssessmentStep("draft", 4, 6).text).toBe("Your draft is saved. Finish the behaviours you have not rated yet, then submit.");
    expect(selfAssessmentStep("draft", 0, 0).text).toMatch(/^Your draft is saved/);
    expect(selfAssessmentStep("submitted", 6, 6).text).toMatch(/^Submitted/);
  });
});
