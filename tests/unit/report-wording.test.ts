import { describe, expect, it } from "vitest";
import { reportTableIntro } from "@/lib/reports/wording";

const both = { self: true, leader: true };

describe("the report's line above its table", () => {
  it("tells a rep the leader's side comes once shared, and to submit first while the cycle is open", () => {
    expect(reportTableIntro({ status: "open", assessment: "draft", visible: { self: true, leader: false } }, true, "Sam")).toBe(
      "Your leader's scores, comments, gaps and labels appear on this report once they share your results, after you submit your self-assessment.",
    );
    expect(reportTableIntro({ status: "open", assessment: "submitted", visible: { self: true, leader: false } }, true, "Sam")).toBe(
      "Your leader's scores, comments, gaps and labels appear on this report once they share your results.",
    );
    expect(reportTableIntro({ status: "closed", assessment: "draft", visible: { self: true, leader: false } }, true, "Sam")).not.toContain(
      "after you submit",
    );
  });

  it("tells a coach the rep's side comes once submitted, naming where the rep is", () => {
    expect(reportTableIntro({ status: "open", assessment: "not_started", visible: { self: false, leader: true } }, false, "Sam Okafor")).toBe(
      "Sam Okafor's self ratings appear once they submit the self-assessment (now: not started).",
    );
  });

  it("marks a rep's unsubmitted scores as a draft when both sides show", () => {
    expect(reportTableIntro({ status: "open", assessment: "draft", visible: both }, true, "Sam")).toBe(
      "Your self-assessment is not submitted yet: your scores below are your draft.",
    );
  });

  it("explains the gap when nothing is missing", () => {
    for (const [assessment, viewerIsRep] of [
      ["shared", true],
      ["submitted", false],
      ["draft", false],
    ] as const) {
      expect(reportTableIntro({ status: "open", assessment, visible: both }, viewerIsRep, "Sam")).toMatch(/^Gap = self minus leader/);
    }
  });
});
