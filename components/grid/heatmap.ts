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

export const LEGEND = [
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
