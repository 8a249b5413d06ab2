import { describe, expect, it } from "vitest";
import {
  ALPHA_TENTATIVE,
  bothIn,
  drawSample,
  eligibleSecondRaters,
  parseSampleSize,
  proposeRound,
  raterOffsets,
  roundAgreement,
  sampleCount,
  secondRaterRefusal,
  type Person,
  type RatingPair,
} from "@/lib/calibration/rounds";
import { DEMO_AMBIGUOUS_BEHAVIOUR, demoScorePair } from "@/scripts/seed/demo-calibration";
import { krippendorffAlpha } from "@/lib/statistics/agreement";

/** A seeded generator (mulberry32), so a proposal is the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const people: Person[] = [
  { userId: "admin", name: "Ada", role: "admin", ledTeamIds: [] },
  { userId: "lee", name: "Lee", role: "leader", ledTeamIds: ["A"] },
  { userId: "olu", name: "Olu", role: "leader", ledTeamIds: ["B"] },
  { userId: "both", name: "Bo", role: "leader", ledTeamIds: ["A", "B"] },
  { userId: "r1", name: "Remy", role: "rep", ledTeamIds: [] },
];

describe("calibration round sampling", () => {
  it("reads a sample size as a number or a share, and nothing else", () => {
    expect(parseSampleSize("4")).toEqual({ kind: "count", count: 4 });
    expect(parseSampleSize(" 30 % ")).toEqual({ kind: "share", percent: 30 });
    for (const bad of ["", "0", "0%", "101%", "-2", "2.5", "abc", "3%%"]) expect(parseSampleSize(bad), bad).toBeNull();
  });

  it("samples at least 3 reps per team when the team has them, never more than the team", () => {
    expect(sampleCount(10, { kind: "count", count: 1 })).toBe(3);
    expect(sampleCount(2, { kind: "count", count: 5 })).toBe(2);
    expect(sampleCount(10, { kind: "count", count: 7 })).toBe(7);
    expect(sampleCount(10, { kind: "share", percent: 10 })).toBe(3);
    expect(sampleCount(20, { kind: "share", percent: 33 })).toBe(7); // ceil(6.6)
    expect(sampleCount(10, { kind: "share", percent: 100 })).toBe(10);
  });

  it("draws distinct reps of the team, uniformly enough that every rep gets picked", () => {
    const reps = ["a", "b", "c", "d", "e", "f"];
    const random = seeded(7);
    const seen = new Map<string, number>();
    for (let i = 0; i < 600; i += 1) {
      const sample = drawSample(reps, 3, random);
      expect(new Set(sample).size).toBe(3);
      for (const r of sample) seen.set(r, (seen.get(r) ?? 0) + 1);
    }
    // Each rep is expected 300 times of 1,800 picks; a fair draw stays well within 240-360.
    for (const r of reps) expect(seen.get(r)!).toBeGreaterThan(240);
    for (const r of reps) expect(seen.get(r)!).toBeLessThan(360);
  });

  it("never proposes the team's own leader or a rep as second rater, and prefers another leader to an admin", () => {
    expect(eligibleSecondRaters("A", people).map((p) => p.userId)).toEqual(["admin", "olu"]);
    for (let seed = 1; seed < 30; seed += 1) {
      const [a, b] = proposeRound(
        [
          { teamId: "A", repUserIds: ["r1", "r2", "r3", "r4", "r5"] },
          { teamId: "B", repUserIds: ["r6", "r7"] },
        ],
        people,
        { kind: "count", count: 1 },
        seeded(seed),
      );
      expect(a!.secondRaterUserId).toBe("olu");
      expect(b!.secondRaterUserId).toBe("lee");
      expect(a!.repUserIds).toHaveLength(3);
      expect(b!.repUserIds.sort()).toEqual(["r6", "r7"]);
    }
    // Only leaders of the team and an admin: the admin.
    expect(
      proposeRound([{ teamId: "A", repUserIds: ["r1"] }], [people[0]!, people[1]!, people[3]!], { kind: "count", count: 3 })[0]!.secondRaterUserId,
    ).toBe("admin");
  });

  it("refuses a second rater who leads the team, is the rep, or is no leader or admin", () => {
    expect(secondRaterRefusal(people[1], "A", "r1")).toMatch(/does not lead the team/);
    expect(secondRaterRefusal(people[4], "A", "r1")).toMatch(/leader or an admin/);
    expect(secondRaterRefusal(undefined, "A", "r1")).toMatch(/leader or an admin/);
    expect(secondRaterRefusal({ ...people[0]!, userId: "r1" }, "A", "r1")).toMatch(/cannot rate themself/);
    expect(secondRaterRefusal(people[2], "A", "r1")).toBeNull();
  });
});

describe("the blind reveal and agreement", () => {
  it("shows a pair only when both ratings are in", () => {
    expect(bothIn(3, 4)).toBe(true);
    expect(bothIn(null, 4)).toBe(false);
    expect(bothIn(3, null)).toBe(false);
  });

  const pair = (
    rep: number,
    behaviourId: string,
    first: number | null,
    second: number | null,
    comments: [string | null, string | null] = [null, null],
  ): RatingPair => ({
    repUserId: `rep${rep}`,
    behaviourId,
    firstRaterUserId: "lee",
    firstRaterName: "Lee",
    secondRaterUserId: "olu",
    first,
    second,
    firstComment: comments[0],
    secondComment: comments[1],
  });

  it("gives no figure below 10 reps rated twice, counting only pairs where both are in", () => {
    const pairs = [...Array.from({ length: 9 }, (_, i) => pair(i, "x", 3, 3)), pair(9, "x", 3, null), pair(10, "x", null, 2)];
    const { overall, behaviours } = roundAgreement(pairs, [{ id: "x", name: "X" }]);
    expect(overall).toEqual({ reps: 9, exact: null, withinOne: null, alpha: null, flagged: false });
    expect(behaviours[0]).toMatchObject({ reps: 9, alpha: null, flagged: false, comments: [] });
  });

  it("computes exact, within-one and alpha per behaviour and flags one below 0.667 with both notes", () => {
    const firsts = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
    const pairs = [
      ...firsts.map((f, i) => pair(i, "same", f, f)),
      ...firsts.map((f, i) => pair(i, "flip", f, 6 - f, i === 0 ? ["Rarely calls back", "Knows every buyer"] : [null, null])),
    ];
    const { overall, behaviours } = roundAgreement(pairs, [
      { id: "same", name: "Same" },
      { id: "flip", name: "Flip" },
    ]);
    expect(behaviours[0]).toMatchObject({ reps: 10, exact: 1, withinOne: 1, alpha: 1, flagged: false });
    // Flipped scores (1-5, 2-4, 3-3): equal, or within one, only at 3 (2 of 10).
    expect(behaviours[1]).toMatchObject({ reps: 10, exact: 0.2, withinOne: 0.2, flagged: true });
    expect(behaviours[1]!.alpha).toBeCloseTo(
      krippendorffAlpha(
        firsts.map((f) => [f, 6 - f]),
        "ordinal",
      )!,
      10,
    );
    expect(behaviours[1]!.alpha!).toBeLessThan(0);
    expect(behaviours[1]!.comments).toEqual([
      { repUserId: "rep0", first: 1, second: 5, firstComment: "Rarely calls back", secondComment: "Knows every buyer" },
    ]);
    expect(overall.reps).toBe(10);
    expect(overall.exact).toBeCloseTo(12 / 20, 10);
  });

  it("makes exactly one demo behaviour ambiguous over the ten demo reps", () => {
    const flagged: number[] = [];
    for (let b = 0; b < 10; b += 1) {
      const units: [number, number][] = [];
      for (let t = 0; t < 2; t += 1) for (let r = 0; r < 5; r += 1) units.push(demoScorePair(t, r, b));
      const alpha = krippendorffAlpha(units, "ordinal");
      if (alpha !== null && alpha < ALPHA_TENTATIVE) flagged.push(b);
    }
    expect(flagged).toEqual([DEMO_AMBIGUOUS_BEHAVIOUR]);
  });

  it("sets each rater against the other rating of the same rep and behaviour, marking from 30 ratings and half a point", () => {
    const rated = (rep: number, first: number | null, second: number | null, firstRater = "lee"): RatingPair => ({
      ...pair(rep, "x", first, second),
      firstRaterUserId: firstRater,
    });
    // Lee: 30 pairs one point above Olu; 2 pairs where Ann (another first rater) is 2 below Olu; unpaired ratings ignored.
    const pairs = [
      ...Array.from({ length: 30 }, (_, i) => rated(i, 4, 3)),
      rated(30, 1, 3, "ann"),
      rated(31, 2, 4, "ann"),
      rated(32, 5, null),
      rated(33, null, 1),
    ];
    expect(raterOffsets(pairs)).toEqual([
      { userId: "lee", count: 30, offset: 1, tendency: "higher" },
      // Olu: -1 on 30 pairs and +2 on 2: (-30 + 4) / 32.
      { userId: "olu", count: 32, offset: -26 / 32, tendency: "lower" },
      { userId: "ann", count: 2, offset: -2, tendency: null },
    ]);
    // 29 pairs a point apart: too few ratings to mark.
    expect(raterOffsets(Array.from({ length: 29 }, (_, i) => rated(i, 4, 3))).map((r) => r.tendency)).toEqual([null, null]);
    // 40 pairs 0.45 apart on average: under the gap.
    const near = Array.from({ length: 40 }, (_, i) => rated(i, i < 18 ? 4 : 3, 3));
    expect(raterOffsets(near).map((r) => [r.offset, r.tendency])).toEqual([
      [18 / 40, null],
      [-18 / 40, null],
    ]);
  });
});
