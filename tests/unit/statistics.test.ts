import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { krippendorffAlpha, pairAgreement } from "@/lib/statistics/agreement";
import { averageRanks, spearman, spearmanInterval } from "@/lib/statistics/correlation";

describe("average ranks and Spearman's rho", () => {
  it("gives tied values the average of the ranks they span", () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual([4, 1, 4, 2, 4]);
    expect(averageRanks([5, 5])).toEqual([1.5, 1.5]);
  });

  it("matches a hand computation with ties (ranks 1, 2.5, 2.5, 4 against 1, 3, 2, 4: 3/sqrt(10))", () => {
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it("is 1 and -1 for the same and the reversed order, whatever the scale", () => {
    expect(spearman([1, 2, 3, 4, 5], [10, 20, 300, 4000, 50000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("has no value when a side never varies or there are fewer than two pairs", () => {
    expect(spearman([3, 3, 3], [1, 2, 3])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow();
  });

  it("stays within -1..1 and is symmetric", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 2, maxLength: 30 }), (pairs) => {
        const xs = pairs.map(([x]) => x);
        const ys = pairs.map(([, y]) => y);
        const rho = spearman(xs, ys);
        if (rho === null) return;
        expect(Math.abs(rho)).toBeLessThanOrEqual(1 + 1e-12);
        expect(spearman(ys, xs)).toBeCloseTo(rho, 12);
      }),
    );
  });
});

describe("the 95% interval of rho (Fisher's z, Bonett-Wright standard error)", () => {
  it("matches a hand computation: rho 0.5 over 30 pairs", () => {
    // z = atanh(0.5) = 0.549306; se = sqrt(1.125 / 27) = 0.204124; z ± 1.959964 se = 0.149230 .. 0.949383
    const interval = spearmanInterval(0.5, 30)!;
    expect(interval.low).toBeCloseTo(Math.tanh(0.14923), 4);
    expect(interval.high).toBeCloseTo(Math.tanh(0.949383), 4);
    expect(interval.low).toBeCloseTo(0.1481, 3);
    expect(interval.high).toBeCloseTo(0.7396, 3);
  });

  it("reproduces Bonett's published example, with ties in x (statpsych ci.spear, Bonett & Wright 2000)", () => {
    // Source: D. G. Bonett, statpsych R package, ci.spear reference page, "Examples" (the interval of Bonett, D. G. &
    // Wright, T. A. (2000), Psychometrika 65(1), 23-28, doi:10.1007/BF02294183):
    // https://dgbonett.github.io/statpsych/reference/ci.spear.html
    //   Estimate 0.8699639, LL 0.5840951, UL 0.9638297 at alpha .05.
    // x holds 28 three times and 40 twice: the ties take average ranks.
    const y = [21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19];
    const x = [67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51];
    const rho = spearman(y, x)!;
    expect(rho).toBeCloseTo(0.8699639, 6);
    const interval = spearmanInterval(rho, y.length)!;
    expect(interval.low).toBeCloseTo(0.5840951, 6);
    expect(interval.high).toBeCloseTo(0.9638297, 6);
  });

  it("narrows as pairs are added and has none below 4 pairs", () => {
    const wide = spearmanInterval(0.3, 10)!;
    const narrow = spearmanInterval(0.3, 100)!;
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
    expect(spearmanInterval(0.3, 3)).toBeNull();
    expect(spearmanInterval(1, 50)).toBeNull();
  });
});

describe("Krippendorff's alpha", () => {
  // The reliability data of "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 observers x 12 units,
  // missing values as null. The paper's results: ordinal 0.815, interval 0.849.
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = observers[0]!.map((_, u) => observers.map((row) => row[u]!));

  it("reproduces the paper's ordinal and interval figures", () => {
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });

  it("ignores units with a single value (unit 12 above) and values no one else rated", () => {
    const withoutLonely = units.slice(0, 11);
    expect(krippendorffAlpha(withoutLonely, "ordinal")).toBeCloseTo(krippendorffAlpha(units, "ordinal")!, 12);
  });

  it("is 1 when every rater agrees on every unit, whatever the values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 2, max: 4 }), (scores, raters) => {
        fc.pre(new Set(scores).size >= 2);
        const agreeing = scores.map((score) => new Array<number>(raters).fill(score));
        expect(krippendorffAlpha(agreeing, "ordinal")).toBeCloseTo(1, 12);
        expect(krippendorffAlpha(agreeing, "interval")).toBeCloseTo(1, 12);
      }),
    );
  });

  it("comes near 0 when the second rater's scores are the first's shuffled across units", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 400, maxLength: 400 }), fc.integer(), (first, seed) => {
        fc.pre(new Set(first).size >= 3);
        // A seeded Fisher-Yates shuffle: the same marginal distribution, no link to the unit.
        const second = [...first];
        let state = seed >>> 0 || 1;
        for (let i = second.length - 1; i > 0; i -= 1) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          const j = state % (i + 1);
          [second[i], second[j]] = [second[j]!, second[i]!];
        }
        const units = first.map((score, u) => [score, second[u]!]);
        expect(Math.abs(krippendorffAlpha(units, "ordinal")!)).toBeLessThan(0.2);
        expect(Math.abs(krippendorffAlpha(units, "interval")!)).toBeLessThan(0.2);
      }),
      { numRuns: 50 },
    );
  });

  it("has no value without two pairable values or without any variation", () => {
    expect(krippendorffAlpha([[3], [4]], "ordinal")).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [2, 2],
          [2, 2],
        ],
        "interval",
      ),
    ).toBeNull();
  });
});

describe("exact agreement and agreement within one point", () => {
  it("counts the share of pairs", () => {
    expect(
      pairAgreement([
        [3, 3],
        [3, 4],
        [1, 5],
        [2, 2],
      ]),
    ).toEqual({ exact: 0.5, withinOne: 0.75 });
    expect(pairAgreement([])).toBeNull();
  });
});
