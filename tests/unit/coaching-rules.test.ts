import { describe, expect, it } from "vitest";
import { suggestedTarget } from "@/lib/coaching/plans";
import {
  agendaItems,
  agendaText,
  DEFAULT_THRESHOLDS,
  gapOf,
  isMisSeen,
  isWeak,
  labelExplanation,
  labelOf,
  COACHING_LABELS,
  oneOnOneState,
  orderQueue,
  orderReps,
  planProgress,
  queueItem,
  type Thresholds,
} from "@/lib/coaching/rules";
import { todayIn } from "@/lib/dates";

const t = DEFAULT_THRESHOLDS;

describe("coaching labels (gap = self - leader)", () => {
  it("uses the product's defaults", () => {
    expect(t).toEqual({ blindSpotGap: 2, hiddenStrengthGap: 2, agreedWeaknessMax: 2, agreedStrengthMin: 4 });
    expect(gapOf(5, 2)).toBe(3);
    expect(gapOf(1, 4)).toBe(-3);
  });

  it("calls a gap of +2 or more a blind spot, and +1 not", () => {
    expect(labelOf(3, 1, t)).toBe("blind_spot"); // gap exactly 2
    expect(labelOf(5, 1, t)).toBe("blind_spot"); // gap 4
    expect(labelOf(5, 3, t)).toBe("blind_spot"); // gap 2, leader in the middle
    expect(labelOf(2, 1, t)).toBe("agreed_weakness"); // gap 1, both low
    expect(labelOf(4, 3, t)).toBe("aligned"); // gap 1, leader in the middle
  });

  it("calls a gap of -2 or less a hidden strength, and -1 not", () => {
    expect(labelOf(1, 3, t)).toBe("hidden_strength"); // gap exactly -2
    expect(labelOf(2, 5, t)).toBe("hidden_strength");
    expect(labelOf(3, 5, t)).toBe("hidden_strength"); // both "high-ish" but the gap decides first
    expect(labelOf(4, 5, t)).toBe("agreed_strength"); // gap -1, both high
    expect(labelOf(2, 3, t)).toBe("aligned"); // gap -1, leader in the middle
  });

  it("calls both <= 2 an agreed weakness, and a 3 on either side not", () => {
    expect(labelOf(2, 2, t)).toBe("agreed_weakness");
    expect(labelOf(1, 1, t)).toBe("agreed_weakness");
    expect(labelOf(1, 2, t)).toBe("agreed_weakness");
    expect(labelOf(3, 2, t)).toBe("aligned");
    expect(labelOf(2, 3, t)).toBe("aligned");
  });

  it("calls both >= 4 an agreed strength, and a 3 on either side not", () => {
    expect(labelOf(4, 4, t)).toBe("agreed_strength");
    expect(labelOf(5, 5, t)).toBe("agreed_strength");
    expect(labelOf(5, 4, t)).toBe("agreed_strength");
    expect(labelOf(3, 4, t)).toBe("aligned");
    expect(labelOf(4, 3, t)).toBe("aligned");
    expect(labelOf(3, 3, t)).toBe("aligned");
  });

  it("follows the organisation's own thresholds", () => {
    const strict: Thresholds = { blindSpotGap: 1, hiddenStrengthGap: 3, agreedWeaknessMax: 3, agreedStrengthMin: 5 };
    expect(labelOf(4, 3, strict)).toBe("blind_spot"); // gap 1 now suffices
    expect(labelOf(3, 3, strict)).toBe("agreed_weakness"); // both <= 3
    expect(labelOf(2, 4, strict)).toBe("aligned"); // gap -2 is no longer a hidden strength; leader 4 > 3
    expect(labelOf(1, 4, strict)).toBe("hidden_strength"); // gap -3
    expect(labelOf(4, 4, strict)).toBe("aligned"); // agreed strength needs both 5
    expect(labelOf(5, 5, strict)).toBe("agreed_strength");
  });

  it("explains every label in one sentence that names its threshold", () => {
    for (const label of COACHING_LABELS) {
      const sentence = labelExplanation(label, t);
      expect(sentence.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1)).toHaveLength(1);
    }
    expect(labelExplanation("blind_spot", { ...t, blindSpotGap: 3 })).toContain("at least 3 points higher");
    expect(labelExplanation("agreed_strength", t)).toContain("4 or higher");
  });
});

const item = (name: string, position: number, leader: number, self: number | null) =>
  queueItem({ behaviourId: name, name, position, leader, self, selfComment: null }, t);

describe("coach on this next", () => {
  it("orders a hand-computed fixture: leader score low first, then blind spots, then the size of the gap, then the framework", () => {
    const items = [
      item("Presenting", 0, 3, 3), //       leader 3, aligned, gap 0
      item("Prospecting", 1, 2, 4), //      leader 2, blind spot, gap +2
      item("Money", 2, 2, 1), //            leader 2, agreed weakness, gap -1
      item("Access", 3, 2, null), //        leader 2, self hidden: no gap
      item("Entertaining", 4, 1, 1), //     leader 1, agreed weakness, gap 0
      item("Solutions", 5, 3, 5), //        leader 3, blind spot, gap +2
      item("Relationships", 6, 3, 1), //    leader 3, hidden strength, gap -2
      item("Closing", 7, 2, 5), //          leader 2, blind spot, gap +3
    ];
    expect(orderQueue(items).map((i) => i.name)).toEqual([
      "Entertaining", // the only 1
      "Closing", // 2s: blind spots first, larger gap first (+3)
      "Prospecting", // (+2)
      "Money", // then by the size of the gap: |-1|
      "Access", // no gap
      "Solutions", // 3s: the blind spot first
      "Relationships", // |-2|
      "Presenting", // 0
    ]);
    expect(items.find((i) => i.name === "Access")).toMatchObject({ gap: null, label: null });
  });

  it("ranks by the leader's rating alone when no self rating is visible", () => {
    const items = [item("B", 1, 4, null), item("A", 0, 4, null), item("C", 2, 1, null), item("D", 3, 3, null)];
    expect(orderQueue(items).map((i) => i.name)).toEqual(["C", "D", "A", "B"]);
  });

  it("orders reps by their lowest leader score, then by the time since their last 1:1", () => {
    const state = (lastNoteOn: string | null) => oneOnOneState({ lastNoteOn, joinedOn: "2026-01-01", cadenceDays: 14 }, "2026-11-27");
    const reps = [
      { name: "Avery", items: [item("x", 0, 3, null), item("y", 1, 2, null)], oneOnOne: state("2026-11-20") }, // low 2, 7 days
      { name: "Blake", items: [item("x", 0, 2, null)], oneOnOne: state("2026-10-01") }, //                       low 2, 57 days
      { name: "Casey", items: [item("x", 0, 1, null), item("y", 1, 5, null)], oneOnOne: state("2026-11-26") }, // low 1
      { name: "Drew", items: [item("x", 0, 2, null)], oneOnOne: state(null) }, //                                low 2, never
      { name: "Emery", items: [], oneOnOne: state(null) }, //                                                     not rated yet
      { name: "Finley", items: [item("x", 0, 2, null)], oneOnOne: state("2026-10-01") }, //                      same as Blake: by name
    ];
    expect(orderReps(reps).map((r) => r.name)).toEqual(["Casey", "Drew", "Blake", "Finley", "Avery", "Emery"]);
  });
});

describe("the 1:1 cadence", () => {
  it("flags a rep only after more than the cadence has passed", () => {
    const on = (today: string) => oneOnOneState({ lastNoteOn: "2026-11-13", joinedOn: "2026-01-01", cadenceDays: 14 }, today);
    expect(on("2026-11-26")).toMatchObject({ daysSince: 13, overdue: false, dueOn: "2026-11-27" });
    expect(on("2026-11-27")).toMatchObject({ daysSince: 14, overdue: false });
    expect(on("2026-11-28")).toMatchObject({ daysSince: 15, overdue: true });
  });

  it("counts from the day they joined when there has been no 1:1 yet", () => {
    expect(oneOnOneState({ lastNoteOn: null, joinedOn: "2026-11-10", cadenceDays: 14 }, "2026-11-24")).toMatchObject({
      overdue: false,
      lastNoteOn: null,
    });
    expect(oneOnOneState({ lastNoteOn: null, joinedOn: "2026-11-10", cadenceDays: 14 }, "2026-11-25")).toMatchObject({ overdue: true });
  });

  it("turns overdue at midnight in the organisation's time zone, not in UTC", () => {
    const state = (instant: string, zone: string) =>
      oneOnOneState({ lastNoteOn: "2026-11-13", joinedOn: "2026-01-01", cadenceDays: 14 }, todayIn(zone, new Date(instant)));
    // 05:30 UTC on the 28th is still 23:30 on the 27th in Chicago (UTC-6): the boundary day, on time.
    expect(state("2026-11-28T05:30:00Z", "America/Chicago").overdue).toBe(false);
    expect(state("2026-11-28T06:30:00Z", "America/Chicago").overdue).toBe(true);
    // In Tokyo (UTC+9) the 28th began at 15:00 UTC on the 27th.
    expect(state("2026-11-27T14:30:00Z", "Asia/Tokyo").overdue).toBe(false);
    expect(state("2026-11-27T15:30:00Z", "Asia/Tokyo").overdue).toBe(true);
  });
});

describe("plans and the 1:1 agenda", () => {
  it("shows a plan's score then and now against its target", () => {
    expect(planProgress(2, null, 4)).toEqual({ then: 2, now: null, change: null, reached: false });
    expect(planProgress(2, 3, 4)).toEqual({ then: 2, now: 3, change: 1, reached: false });
    expect(planProgress(2, 4, 4)).toEqual({ then: 2, now: 4, change: 2, reached: true });
    expect(planProgress(3, 2, 4)).toMatchObject({ change: -1, reached: false });
    expect(planProgress(null, 5, 4)).toMatchObject({ change: null, reached: true });
    expect(suggestedTarget(2)).toBe(3);
    expect(suggestedTarget(5)).toBe(5);
  });

  it("proposes the largest gaps, in either direction, as the agenda", () => {
    const items = [item("A", 0, 2, 5), item("B", 1, 4, 1), item("C", 2, 3, 3), item("D", 3, 3, 4), item("E", 4, 2, null), item("F", 5, 1, 3)];
    expect(agendaItems(items).map((i) => i.name)).toEqual(["A", "B", "F"]);
    expect(agendaText("Q4 2026", agendaItems(items, 2))).toBe(
      "Agenda: the largest gaps from Q4 2026\n- A: self 5, leader 2, gap +3 (blind spot)\n- B: self 1, leader 4, gap -3 (hidden strength)",
    );
    expect(agendaItems([item("C", 0, 3, 3)])).toEqual([]);
  });
});

describe("roll-up flags", () => {
  it("calls a team average below 3 weak, and a behaviour mis-seen by at least two reps and a quarter of those rated", () => {
    expect([2.9, 3, null].map(isWeak)).toEqual([true, false, false]);
    expect(isMisSeen(2, 8)).toBe(true);
    expect(isMisSeen(2, 9)).toBe(false);
    expect(isMisSeen(1, 2)).toBe(false);
    expect(isMisSeen(0, 0)).toBe(false);
  });
});
