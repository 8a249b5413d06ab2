import type { AssessmentStatus } from "@/lib/assessments/visibility";
import type { Average, GridRep } from "@/lib/grid/compact";
import type { GridViewName } from "@/lib/grid/view-names";
import { directionClass, formatSigned, scoreClass } from "./heatmap";
import type { CellStatus } from "./cell-store";

/** What the grid's cells say, on screen and to screen readers, in each view. */

/** A rep's row: `index` is its place in the grid's dense cells, `scores` its cells in column order. */
export type GridRow = GridRep & { index: number; scores: (number | null)[] };

export const HIDDEN = "Hidden until submitted";

export const STATUS_CLASS: Record<AssessmentStatus, string> = {
  not_started: "bg-white text-slate-700 ring-slate-300",
  draft: "bg-amber-50 text-amber-900 ring-amber-300",
  submitted: "bg-sky-50 text-sky-900 ring-sky-300",
  shared: "bg-emerald-50 text-emerald-900 ring-emerald-300",
};

export function formatAverage(value: Average | undefined, signed: boolean) {
  if (value?.average == null) return "—";
  return signed ? formatSigned(value.average, 1) : value.average.toFixed(1);
}

export function averageLabel(what: string, value: Average | undefined, signed: boolean) {
  const noun = (n: number) => (n === 1 ? "value" : "values");
  return value?.average == null
    ? `${what}: ${signed ? "no values" : "no ratings"} yet`
    : `${what}: ${formatAverage(value, signed)}, from ${value.count} ${signed ? noun(value.count) : value.count === 1 ? "rating" : "ratings"}`;
}

export const scoreText = (score: number | null, signed: boolean) => (score == null ? "·" : signed ? formatSigned(score) : String(score));
export const scoreColour = (score: number | null, signed: boolean) => (signed ? directionClass(score) : scoreClass(score));

/** What a score cell's save adds to its label. */
export const SAVE_STATE: Partial<Record<CellStatus, string>> = {
  pending: ", saving",
  conflict: ", not saved",
  refused: ", not saved",
  failed: ", not saved: press Enter to try again",
};

/** A score cell's label: the rep, the behaviour and the value, with what a difference view's value is made of. */
export function describeCell(
  view: GridViewName,
  rep: string,
  behaviour: string,
  score: number | null,
  parts: { first: number | null; second: number | null },
  hidden: boolean,
) {
  if (hidden) return `${rep}, ${behaviour}: ${HIDDEN.toLowerCase()}`;
  if (score == null) return `${rep}, ${behaviour}: ${view === "leader" || view === "self" ? "not rated" : "no value"}`;
  if (view === "gap") return `${rep}, ${behaviour}: ${formatSigned(score)} (self ${parts.first}, leader ${parts.second})`;
  if (view === "change") return `${rep}, ${behaviour}: ${formatSigned(score)} (now ${parts.first}, before ${parts.second})`;
  return `${rep}, ${behaviour}: ${score}`;
}
