/**
 * The coaching queue's rules, pure so they are unit-tested (PRODUCT.md, "Decisions that settle the details"):
 * the label of a (self, leader) pair, the order of a rep's "coach on this next" items, the order of reps for
 * coaching, the 1:1 cadence, and the proposed agenda of the next 1:1. Dates are yyyy-mm-dd calendar days in the
 * organisation's time zone.
 */
import { addDays, daysBetween } from "@/lib/dates";
import type { GapBasis } from "./gap-basis";

/** The organisation's label thresholds (organisations.{blind_spot_gap, ...}). gap = self - leader. */
export type Thresholds = {
  /** Blind spot when gap >= this. */
  blindSpotGap: number;
  /** Hidden strength when gap <= -this. */
  hiddenStrengthGap: number;
  /** Agreed weakness when both scores are <= this. */
  agreedWeaknessMax: number;
  /** Agreed strength when both scores are >= this. */
  agreedStrengthMin: number;
};

export const DEFAULT_THRESHOLDS: Thresholds = { blindSpotGap: 2, hiddenStrengthGap: 2, agreedWeaknessMax: 2, agreedStrengthMin: 4 };

export const COACHING_LABELS = ["blind_spot", "hidden_strength", "agreed_weakness", "agreed_strength", "aligned"] as const;
export type CoachingLabel = (typeof COACHING_LABELS)[number];

export const LABEL_NAME: Record<CoachingLabel, string> = {
  blind_spot: "Blind spot",
  hidden_strength: "Hidden strength",
  agreed_weakness: "Agreed weakness",
  agreed_strength: "Agreed strength",
  aligned: "Aligned",
};

/**
 * One sentence per label, with the organisation's thresholds in it. "coach" speaks to the leader (the queue);
 * "report" is a printed document's neutral voice, read by the rep as much as by the leader.
 */
export function labelExplanation(label: CoachingLabel, t: Thresholds, voice: "coach" | "report" = "coach", basis: GapBasis = "raw"): string {
  if (voice === "report") return reportExplanation(label, t);
  if (basis === "relative" && label === "blind_spot")
    return `Beyond how they rate themself overall, the rep rates this at least ${t.blindSpotGap} points higher than you do: they may not see what you see, so start by agreeing on what good looks like.`;
  if (basis === "relative" && label === "hidden_strength")
    return `Beyond how they rate themself overall, the rep rates this at least ${t.hiddenStrengthGap} points lower than you do: tell them what they do well, so they keep doing it with confidence.`;
  switch (label) {
    case "blind_spot":
      return `The rep rates themself at least ${t.blindSpotGap} points higher than you do: they may not see what you see, so start by agreeing on what good looks like.`;
    case "hidden_strength":
      return `The rep rates themself at least ${t.hiddenStrengthGap} points lower than you do: tell them what they do well, so they keep doing it with confidence.`;
    case "agreed_weakness":
      return `You both score it ${t.agreedWeaknessMax} or lower: you already agree it needs work, so go straight to a plan.`;
    case "agreed_strength":
      return `You both score it ${t.agreedStrengthMin} or higher: a strength to build on, and one they could teach others.`;
    case "aligned":
      return "Your scores are close and in the middle: no urgent gap, keep an eye on it.";
  }
}

function reportExplanation(label: CoachingLabel, t: Thresholds): string {
  switch (label) {
    case "blind_spot":
      return `Self score at least ${t.blindSpotGap} points above the leader's: first agree on what good looks like.`;
    case "hidden_strength":
      return `Self score at least ${t.hiddenStrengthGap} points below the leader's: a strength to use with more confidence.`;
    case "agreed_weakness":
      return `Both scores ${t.agreedWeaknessMax} or lower: agreed that it needs work, a natural focus for a plan.`;
    case "agreed_strength":
      return `Both scores ${t.agreedStrengthMin} or higher: a strength to build on, and to share with others.`;
    case "aligned":
      return "Scores close together and in the middle: no urgent gap.";
  }
}

/** Every label with its name and explanation, in the labels' order: the legend under a queue or a report. */
export function labelLegend(t: Thresholds, voice: "coach" | "report" = "coach", basis: GapBasis = "raw") {
  return COACHING_LABELS.map((label) => ({ label, name: LABEL_NAME[label], explanation: labelExplanation(label, t, voice, basis) }));
}

/** The signed gap: self minus leader. */
export function gapOf(self: number, leader: number): number {
  return self - leader;
}

/**
 * The label of one behaviour of one rep, when both scores are known. `offset` is taken off the gap before the
 * blind-spot and hidden-strength tests: the rep's overall tendency when the queue labels relative gaps, else 0.
 * The agreed labels always read the scores themselves.
 */
export function labelOf(self: number, leader: number, t: Thresholds, offset = 0): CoachingLabel {
  const gap = gapOf(self, leader) - offset;
  if (gap >= t.blindSpotGap) return "blind_spot";
  if (gap <= -t.hiddenStrengthGap) return "hidden_strength";
  if (self <= t.agreedWeaknessMax && leader <= t.agreedWeaknessMax) return "agreed_weakness";
  if (self >= t.agreedStrengthMin && leader >= t.agreedStrengthMin) return "agreed_strength";
  return "aligned";
}

/**
 * One queue item: a behaviour the leader rated. `self` is null when the rep's self rating is not visible to
 * the viewer (blind mode) or absent: then there is no gap and no label, and the item ranks by the leader's score.
 */
export type QueueItem = {
  behaviourId: string;
  name: string;
  /** The behaviour's place in the framework: the last tie-breaker, so the order is total. */
  position: number;
  leader: number;
  self: number | null;
  /** The rep's comment on their self rating: null when there is none or the self rating is hidden (blind mode). */
  selfComment: string | null;
  gap: number | null;
  /** The gap minus the rep's overall tendency; null without a gap or without a tendency (too few pairs). */
  relativeGap: number | null;
  /** Labelled by the relative gap (the organisation's or the page's choice) rather than the raw one. */
  relative: boolean;
  label: CoachingLabel | null;
};

/**
 * `gaps.tendency`: the rep's mean self-minus-leader gap (null with too few behaviours rated on both sides);
 * with `basis: "relative"` the label is decided on the gap minus it.
 */
export function queueItem(
  input: { behaviourId: string; name: string; position: number; leader: number; self: number | null; selfComment: string | null },
  t: Thresholds,
  gaps: { tendency: number | null; basis: GapBasis } = { tendency: null, basis: "raw" },
): QueueItem {
  const { self, leader } = input;
  const gap = self === null ? null : gapOf(self, leader);
  const relative = gaps.basis === "relative" && gaps.tendency !== null;
  return {
    ...input,
    gap,
    relativeGap: gap === null || gaps.tendency === null ? null : gap - gaps.tendency,
    relative,
    label: self === null ? null : labelOf(self, leader, t, relative ? gaps.tendency! : 0),
  };
}

/** The gap an item's label was decided on. */
const labelledGap = (item: QueueItem) => (item.relative ? item.relativeGap : item.gap) ?? 0;

/**
 * "Coach on this next": the leader's score, low first; then blind spots before other labels; then the size of
 * the gap the label was decided on, largest first (no gap counts as none); then the framework's order.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  return (
    a.leader - b.leader ||
    Number(b.label === "blind_spot") - Number(a.label === "blind_spot") ||
    Math.abs(labelledGap(b)) - Math.abs(labelledGap(a)) ||
    a.position - b.position
  );
}

export function orderQueue<T extends QueueItem>(items: readonly T[]): T[] {
  return [...items].sort(compareQueueItems);
}

/**
 * The 1:1 cadence: a rep is overdue when more than `cadenceDays` days have passed since their last 1:1 note
 * (or, with none yet, since they joined). On the cadence day itself they are still on time. A page of the queue
 * counts the overdue in SQL (listQueueHead); coaching.test holds that count to this rule.
 */
export type OneOnOneState = { lastNoteOn: string | null; dueOn: string; daysSince: number; overdue: boolean };

export function oneOnOneState(input: { lastNoteOn: string | null; joinedOn: string; cadenceDays: number }, today: string): OneOnOneState {
  const from = input.lastNoteOn ?? input.joinedOn;
  const daysSince = daysBetween(from, today);
  return { lastNoteOn: input.lastNoteOn, dueOn: addDays(from, input.cadenceDays), daysSince, overdue: daysSince > input.cadenceDays };
}

/**
 * Reps in coaching order: the lowest leader score among their behaviours first (reps with none rated yet
 * last); on a tie, the longest time since their last 1:1 note (never counts as longest); then by name.
 */
export type RepForOrdering = { name: string; items: readonly QueueItem[]; oneOnOne: OneOnOneState };

function lowestLeaderScore(items: readonly QueueItem[]): number | null {
  return items.length === 0 ? null : Math.min(...items.map((i) => i.leader));
}

/** What a rep's place in the queue depends on: their lowest leader score (null: none), their 1:1 state, their name. */
type RepOrderKey = { name: string; lowest: number | null; oneOnOne: OneOnOneState };

/** The queue's last tie-break, by name: orderReps's, and a page's whose other keys SQL ordered (listQueueHead). */
export function compareRepNames(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}

function compareReps(a: RepForOrdering, b: RepForOrdering): number {
  return compareRepKeys({ ...a, lowest: lowestLeaderScore(a.items) }, { ...b, lowest: lowestLeaderScore(b.items) });
}

function compareRepKeys(a: RepOrderKey, b: RepOrderKey): number {
  const lowA = a.lowest ?? Number.POSITIVE_INFINITY;
  const lowB = b.lowest ?? Number.POSITIVE_INFINITY;
  if (lowA !== lowB) return lowA < lowB ? -1 : 1;
  const sinceA = a.oneOnOne.lastNoteOn === null ? Number.POSITIVE_INFINITY : a.oneOnOne.daysSince;
  const sinceB = b.oneOnOne.lastNoteOn === null ? Number.POSITIVE_INFINITY : b.oneOnOne.daysSince;
  if (sinceA !== sinceB) return sinceA > sinceB ? -1 : 1;
  return compareRepNames(a, b);
}

export function orderReps<T extends RepForOrdering>(reps: readonly T[]): T[] {
  return [...reps].sort(compareReps);
}

/** How many of a rep's largest gaps become the proposed 1:1 agenda. */
const AGENDA_SIZE = 3;

/** The largest gaps (by size; at least 1 point), ties in framework order: the proposed agenda of the next 1:1. */
export function agendaItems<T extends QueueItem>(items: readonly T[], size = AGENDA_SIZE): T[] {
  return items
    .filter((i) => i.gap !== null && i.gap !== 0)
    .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!) || a.position - b.position)
    .slice(0, size);
}

/** The agenda as the note's proposed text, one line per gap, for the leader to edit. */
export function agendaText(cycleName: string, items: readonly QueueItem[]): string {
  const lines = items.map((i) => {
    const sign = i.gap! > 0 ? `+${i.gap}` : String(i.gap);
    const label = i.label ? ` (${LABEL_NAME[i.label].toLowerCase()})` : "";
    return `- ${i.name}: self ${i.self}, leader ${i.leader}, gap ${sign}${label}`;
  });
  return [`Agenda: the largest gaps from ${cycleName}`, ...lines].join("\n");
}

/** A plan's progress: the leader's score when it started and the latest later one, against the target. */
export type PlanProgress = { then: number | null; now: number | null; change: number | null; reached: boolean };

export function planProgress(then: number | null, now: number | null, target: number): PlanProgress {
  return { then, now, change: then !== null && now !== null ? now - then : null, reached: now !== null && now >= target };
}

/** A behaviour is weak across a team when the leader's average is below the middle of the scale. */
export const WEAK_AVERAGE_BELOW = 3;
/** ... and mis-seen when at least this many reps, and this share of the rated ones, have a blind spot or hidden strength on it. */
export const MIS_SEEN_MIN = 2;
export const MIS_SEEN_SHARE = 0.25;

export function isWeak(average: number | null): boolean {
  return average !== null && average < WEAK_AVERAGE_BELOW;
}

export function isMisSeen(misSeen: number, rated: number): boolean {
  return misSeen >= MIS_SEEN_MIN && misSeen / rated >= MIS_SEEN_SHARE;
}

/** How many of the organisation's weakest behaviours are proposed as training topics. */
export const TRAINING_TOPICS = 3;
