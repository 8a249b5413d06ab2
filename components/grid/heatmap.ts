/**
 * Heatmap colours: a diverging orange (low) to blue (high) scale that people with red-green colour blindness
 * can tell apart. The number is always printed too; colour only repeats it.
 */
const SCORE_CLASSES: Record<number, string> = {
  1: "bg-orange-300 text-slate-950",
  2: "bg-orange-100 text-slate-900",
  3: "bg-slate-100 text-slate-900",
  4: "bg-sky-100 text-slate-900",
  5: "bg-sky-300 text-slate-950",
};

export function scoreClass(score: number | null | undefined): string {
  return score ? (SCORE_CLASSES[Math.round(score)] ?? "") : "bg-white text-slate-400";
}

const LEGEND = [
  { score: 1, label: "1 — rarely" },
  { score: 2, label: "2" },
  { score: 3, label: "3 — usually" },
  { score: 4, label: "4" },
  { score: 5, label: "5 — a model for others" },
];

/** Score bands the grid can filter rows by. */
export const BANDS = {
  low: { label: "1–2 (needs work)", test: (s: number | null) => s !== null && s <= 2 },
  mid: { label: "3", test: (s: number | null) => s === 3 },
  high: { label: "4–5 (strong)", test: (s: number | null) => s !== null && s >= 4 },
  unrated: { label: "Not rated", test: (s: number | null) => s === null },
} as const;
export type Band = keyof typeof BANDS;

/**
 * Direction colours for signed views (gap, change): purple below zero, green above, grey at zero — a
 * purple-green diverging scheme, distinct from the orange-blue score scale and readable with red-green colour
 * blindness. The signed number ("+2", "−1", "0") is always printed too.
 */
const DIRECTION_CLASSES: Record<string, string> = {
  "-2": "bg-purple-300 text-slate-950",
  "-1": "bg-purple-100 text-slate-900",
  "0": "bg-slate-100 text-slate-900",
  "1": "bg-emerald-100 text-slate-900",
  "2": "bg-emerald-300 text-slate-950",
};

export function directionClass(value: number | null | undefined): string {
  if (value == null) return "bg-white text-slate-400";
  const step = Math.max(-2, Math.min(2, value >= 0 ? Math.floor(value + 0.5) : -Math.floor(-value + 0.5)));
  return DIRECTION_CLASSES[String(step)]!;
}

/** "+2", "−1" (a true minus sign), "0"; with `digits`, "+0.5", "−1.0", "0.0". */
export function formatSigned(value: number, digits = 0): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

export type LegendEntry = { value: number; text: string; label?: string; signed: boolean };

/** One legend per view. */
export function legendFor(view: "leader" | "self" | "gap" | "change"): { title: string; entries: LegendEntry[] } {
  if (view === "gap") {
    return {
      title: "Gap: self minus leader",
      entries: [
        { value: -2, text: "−2", label: "rep rates lower", signed: true },
        { value: -1, text: "−1", signed: true },
        { value: 0, text: "0", label: "agree", signed: true },
        { value: 1, text: "+1", signed: true },
        { value: 2, text: "+2", label: "rep rates higher", signed: true },
      ],
    };
  }
  if (view === "change") {
    return {
      title: "Change since the previous cycle",
      entries: [
        { value: -2, text: "−2", label: "down", signed: true },
        { value: -1, text: "−1", signed: true },
        { value: 0, text: "0", label: "same", signed: true },
        { value: 1, text: "+1", signed: true },
        { value: 2, text: "+2", label: "up", signed: true },
      ],
    };
  }
  return {
    title: view === "self" ? "Self ratings" : "Leader ratings",
    entries: LEGEND.map((entry) => ({ value: entry.score, text: String(entry.score), label: entry.label.split("— ")[1], signed: false })),
  };
}
