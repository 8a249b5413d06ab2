import { planDigest, type PlannedResult, type ResultsPlan } from "./plan";

/** A results upload's preview, as the page shows it. */
export type ResultsPreview = {
  cycle: { id: string; name: string };
  rows: Pick<PlannedResult, "row" | "email" | "measure" | "raw" | "status" | "note" | "repName" | "measureName" | "value" | "previous">[];
  counts: ResultsPlan["counts"];
  ignoredColumns: string[];
  /** What the confirm will write; it refuses when that changed in between. */
  digest: string;
};

export function previewOf(plan: ResultsPlan, cycle: { id: string; name: string }, ignoredColumns: string[]): ResultsPreview {
  return {
    cycle: { id: cycle.id, name: cycle.name },
    rows: plan.rows.map(({ row, email, measure, raw, status, note, repName, measureName, value, previous }) => ({
      row,
      email,
      measure,
      raw,
      status,
      note,
      repName,
      measureName,
      value,
      previous,
    })),
    counts: plan.counts,
    ignoredColumns,
    digest: planDigest(plan),
  };
}
