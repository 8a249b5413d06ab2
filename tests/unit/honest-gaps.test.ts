import { formatGap } from "@/components/self-assessment/format";
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, orderQueue, queueItem } from "@/lib/coaching/rules";
import { compareWithOthers } from "@/lib/calibration/rules";
import { agreementSentence, honestGaps, scaleDirection, selfTendency, strengthAgreement, tendencySentence } from "@/lib/coaching/tendency";

const pairs = (list: [self: number, leader: number][]) => list.map(([self, leader]) => ({ self, leader }));
/** A rep who rates every behaviour 2 above the leader, except the fourth, where they agree. */
const lenient = pairs([
  [5, 3],
  [4, 2],
  [5, 3],
  [3, 3],
  [4, 2],
]);

describe("the rep's overall tendency", () => {
  it("is the mean of self minus leader, with its count", () => {
    expect(selfTendency(lenient)).toEqual({ mean: 8 / 5, count: 5 });
    expect(
      selfTendency(
        pairs([
          [1, 4],
          [2, 4],
          [3, 3],
        ]),
      ),
    ).toEqual({ mean: -5 / 3, count: 3 });
  });

  it("has none below three behaviours rated on both sides", () => {
    expect(
      selfTendency(
        pairs([
          [5, 1],
          [5, 1],
        ]),
      ),
    ).toBeNull();
  });

  it("asks to talk about the scale first only past the thresholds", () => {
    expect(scaleDirection({ mean: 2, count: 5 }, DEFAULT_THRESHOLDS)).toBe("higher");
    expect(scaleDirection({ mean: 1.9, count: 5 }, DEFAULT_THRESHOLDS)).toBeNull();
    expect(scaleDirection({ mean: -2.2, count: 5 }, DEFAULT_THRESHOLDS)).toBe("lower");
    expect(scaleDirection({ mean: -1.5, count: 5 }, { ...DEFAULT_THRESHOLDS, hiddenStrengthGap: 1 })).toBe("lower");
    expect(scaleDirection(null, DEFAULT_THRESHOLDS)).toBeNull();
  });

  it("reads in words with the count, to the leader, to the rep and in a report", () => {
    expect(tendencySentence({ mean: 1.84, count: 10 })).toBe("Rates themself 1.8 higher than you overall (over 10 behaviours rated by both).");
    expect(tendencySentence({ mean: -0.5, count: 3 }, "rep")).toBe(
      "You rate yourself 0.5 lower than your leader overall (over 3 behaviours rated by both).",
    );
    expect(tendencySentence({ mean: 0.04, count: 4 }, "report")).toBe("Self and leader scores match on average (over 4 behaviours rated by both).");
  });
});

describe("agreement on strengths (Spearman's rho)", () => {
  it("agrees when the two rank the behaviours alike, however far apart the scales", () => {
    const a = strengthAgreement(
      pairs([
        [5, 3],
        [4, 2],
        [3, 1],
        [5, 3],
        [4, 2],
      ]),
    )!;
    expect(a.rho).toBeCloseTo(1, 12);
    expect(a.verdict).toBe("agree");
    expect(agreementSentence(a)).toBe("You agree on what is strong and weak (rank correlation 1.00 over 5 behaviours).");
  });

  it("disagrees when the orders run opposite, and partly agrees in between", () => {
    expect(
      strengthAgreement(
        pairs([
          [1, 5],
          [2, 4],
          [3, 3],
          [4, 2],
          [5, 1],
        ]),
      )!.verdict,
    ).toBe("disagree");
    // No ties, so rho = 1 - 6 Σd² / (n(n² - 1)). Ranks 1..5 against 2,1,3,5,4: Σd² = 4, rho = 0.8.
    expect(
      strengthAgreement(
        pairs([
          [1, 2],
          [2, 1],
          [3, 3],
          [4, 5],
          [5, 4],
        ]),
      )!.verdict,
    ).toBe("agree");
    expect(
      strengthAgreement(
        pairs([
          [1, 2],
          [2, 1],
          [3, 3],
          [4, 5],
          [5, 4],
        ]),
      )!.rho,
    ).toBeCloseTo(0.8, 12);
    // Against 2,1,5,4,3: Σd² = 1+1+4+0+4 = 10, rho = 0.5 exactly, the first "agree".
    expect(
      strengthAgreement(
        pairs([
          [1, 2],
          [2, 1],
          [3, 5],
          [4, 4],
          [5, 3],
        ]),
      )!,
    ).toMatchObject({ verdict: "agree" });
    expect(
      strengthAgreement(
        pairs([
          [1, 2],
          [2, 1],
          [3, 5],
          [4, 4],
          [5, 3],
        ]),
      )!.rho,
    ).toBeCloseTo(0.5, 12);
    // Against 2,4,1,5,3: Σd² = 1+4+4+1+4 = 14, rho = 0.3.
    const partly = strengthAgreement(
      pairs([
        [1, 2],
        [2, 4],
        [3, 1],
        [4, 5],
        [5, 3],
      ]),
    )!;
    expect(partly.rho).toBeCloseTo(0.3, 12);
    expect(partly.verdict).toBe("partly");
  });

  it("is not shown below five behaviours or when a side never varies", () => {
    expect(strengthAgreement(lenient.slice(0, 4))).toBeNull();
    expect(
      strengthAgreement(
        pairs([
          [3, 1],
          [3, 2],
          [3, 3],
          [3, 4],
          [3, 5],
        ]),
      ),
    ).toBeNull();
  });

  it("gives a page both sentences, or none from too few pairs", () => {
    expect(honestGaps(lenient, "report")).toEqual({
      tendency: "Self scores are 1.6 higher than the leader's on average (over 5 behaviours rated by both).",
      // Ties: self ranks 4.5, 2.5, 4.5, 1, 2.5 against leader ranks 4, 1.5, 4, 4, 1.5; rho = 2.5 / sqrt(9 x 7.5) = 0.304.
      agreement: "Self and leader partly agree on what is strong and weak (rank correlation 0.30 over 5 behaviours).",
    });
    expect(honestGaps(lenient.slice(0, 2), "coach")).toEqual({ tendency: null, agreement: null });
  });
});

describe("queue items labelled by the relative gap", () => {
  const inputs = lenient.map((p, i) => ({ behaviourId: `b${i}`, name: `B${i}`, position: i, leader: p.leader, self: p.self, selfComment: null }));
  const tendency = selfTendency(lenient)!.mean;

  it("turns the lenient rep's four blind spots into none; the behaviour they rate as the leader does has the largest relative gap", () => {
    const raw = inputs.map((i) => queueItem(i, DEFAULT_THRESHOLDS, { tendency, basis: "raw" }));
    const relative = inputs.map((i) => queueItem(i, DEFAULT_THRESHOLDS, { tendency, basis: "relative" }));
    expect(raw.map((i) => i.label)).toEqual(["blind_spot", "blind_spot", "blind_spot", "aligned", "blind_spot"]);
    // Relative gaps: +0.4 four times, -1.6 once; none reaches 2, and no pair is both high or both low.
    expect(relative.map((i) => i.label)).toEqual(["aligned", "aligned", "aligned", "aligned", "aligned"]);
    expect(relative[3]!.relativeGap).toBeCloseTo(-1.6, 12);
    expect(raw[3]!.relativeGap).toBeCloseTo(-1.6, 12);
    expect(raw.every((i) => !i.relative) && relative.every((i) => i.relative)).toBe(true);
  });

  it("falls back to the raw gap without a tendency", () => {
    const item = queueItem(inputs[0]!, DEFAULT_THRESHOLDS, { tendency: null, basis: "relative" });
    expect(item).toMatchObject({ label: "blind_spot", relative: false, relativeGap: null });
  });

  it("orders by the size of the gap the label was decided on", () => {
    const a = queueItem({ ...inputs[3]!, behaviourId: "a", position: 0 }, DEFAULT_THRESHOLDS, { tendency, basis: "relative" }); // 3 vs 3: relative -1.6
    const b = queueItem({ ...inputs[1]!, behaviourId: "b", position: 1, leader: 3, self: 5 }, DEFAULT_THRESHOLDS, { tendency, basis: "relative" }); // relative +0.4
    expect(orderQueue([b, a]).map((i) => i.behaviourId)).toEqual(["a", "b"]);
    const rawA = queueItem({ ...inputs[3]!, behaviourId: "a", position: 0 }, DEFAULT_THRESHOLDS);
    const rawB = queueItem({ ...inputs[1]!, behaviourId: "b", position: 1, leader: 3, self: 5 }, DEFAULT_THRESHOLDS);
    expect(orderQueue([rawA, rawB]).map((i) => i.behaviourId)).toEqual(["b", "a"]);
  });
});

describe("a rater against the other leaders", () => {
  const row = (count: number, sum: number) => ({
    raterUserId: "r",
    raterName: "R",
    behaviourId: null,
    count,
    sum,
    mean: sum / count,
    sd: null,
    distribution: [0, 0, 0, 0, 0] as [number, number, number, number, number],
  });
  it("is marked from 0.5 away from the others' mean with at least 30 ratings, not before", () => {
    // Others: 60 ratings summing 180 (mean 3). The rater: 30 ratings, mean 3.5 -> +0.5, marked higher.
    expect(compareWithOthers(row(30, 105), { count: 90, sum: 285, mean: 285 / 90 })).toMatchObject({ vsOthers: 0.5, tendency: "higher" });
    expect(compareWithOthers(row(30, 104), { count: 90, sum: 284, mean: 284 / 90 }).tendency).toBeNull();
    expect(compareWithOthers(row(29, 29 * 2.5), { count: 89, sum: 29 * 2.5 + 180, mean: (29 * 2.5 + 180) / 89 }).tendency).toBeNull();
    expect(compareWithOthers(row(30, 75), { count: 90, sum: 255, mean: 255 / 90 })).toMatchObject({ vsOthers: -0.5, tendency: "lower" });
  });

  it("has no comparison with others when no one else rated", () => {
    expect(compareWithOthers(row(40, 160), { count: 40, sum: 160, mean: 4 })).toMatchObject({ vsOthers: null, vsOrganisation: 0, tendency: null });
  });
});

describe("a gap as the pages write it", () => {
  it("keeps whole gaps whole, writes a relative gap to one decimal, with a true minus sign", () => {
    expect([2, -1, 0].map(formatGap)).toEqual(["+2", "\u22121", "0"]);
    expect([0.4, -1.6, 1 / 3, -7 / 3].map(formatGap)).toEqual(["+0.4", "\u22121.6", "+0.3", "\u22122.3"]);
    // A relative gap that rounds to nothing is none, without a sign.
    expect([0.04, -0.04].map(formatGap)).toEqual(["0", "0"]);
    expect(formatGap(null)).toBe("—");
  });
});
