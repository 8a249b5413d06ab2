/**
 * How each leader rates, set against the other leaders of the organisation (pure; the figures come from SQL,
 * db/queries/calibration.ts). A rater whose mean differs from the others' by LENIENCY_GAP or more, over at least
 * LENIENCY_MIN_RATINGS ratings, is marked as rating higher or lower: teams can differ for real, which second
 * ratings settle.
 */
import type { RaterFigureRow } from "@/db/queries/calibration";

export const LENIENCY_GAP = 0.5;
export const LENIENCY_MIN_RATINGS = 30;

export type Figures = {
  count: number;
  mean: number;
  sd: number | null;
  distribution: readonly number[];
  /** This mean minus the mean of every leader rating (theirs included). */
  vsOrganisation: number;
  /** This mean minus the mean of the other raters' ratings; null when no one else rated. */
  vsOthers: number | null;
  tendency: "higher" | "lower" | null;
};

export type RaterFigures = { userId: string; name: string; overall: Figures; behaviours: (Figures & { behaviourId: string; name: string })[] };

type Totals = Pick<RaterFigureRow, "count" | "sum" | "mean">;

export function compareWithOthers(own: RaterFigureRow, all: Totals): Figures {
  const othersCount = all.count - own.count;
  const vsOthers = othersCount > 0 ? own.mean - (all.sum - own.sum) / othersCount : null;
  const marked = vsOthers !== null && own.count >= LENIENCY_MIN_RATINGS && Math.abs(vsOthers) >= LENIENCY_GAP;
  return {
    count: own.count,
    mean: own.mean,
    sd: own.sd,
    distribution: own.distribution,
    vsOrganisation: own.mean - all.mean,
    vsOthers,
    tendency: marked ? (vsOthers! > 0 ? "higher" : "lower") : null,
  };
}

/** The query's rows as the page shows them: the organisation's figures, then each rater overall and per behaviour. */
export function shapeRaterFigures(rows: readonly RaterFigureRow[], behaviours: readonly { id: string; name: string }[]) {
  const organisation = rows.find((r) => r.raterUserId === null && r.behaviourId === null) ?? null;
  const orgByBehaviour = new Map(rows.filter((r) => r.raterUserId === null && r.behaviourId !== null).map((r) => [r.behaviourId!, r]));
  const nameOf = new Map(behaviours.map((b) => [b.id, b.name]));
  const position = new Map(behaviours.map((b, i) => [b.id, i]));
  const raters = new Map<string, RaterFigures>();
  for (const row of rows) {
    if (row.raterUserId === null || !organisation) continue;
    if (row.behaviourId === null) {
      raters.set(row.raterUserId, {
        userId: row.raterUserId,
        name: row.raterName ?? "Former member",
        overall: compareWithOthers(row, organisation),
        behaviours: [],
      });
      continue;
    }
    const all = orgByBehaviour.get(row.behaviourId);
    const rater = raters.get(row.raterUserId);
    if (!all || !rater) continue;
    rater.behaviours.push({ ...compareWithOthers(row, all), behaviourId: row.behaviourId, name: nameOf.get(row.behaviourId) ?? "Unknown behaviour" });
  }
  for (const rater of raters.values()) rater.behaviours.sort((a, b) => (position.get(a.behaviourId) ?? 0) - (position.get(b.behaviourId) ?? 0));
  return { organisation, raters: [...raters.values()] };
}
