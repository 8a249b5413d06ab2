/**
 * Agreement between raters who scored the same units (reps) on one behaviour.
 * Krippendorff's alpha follows "Computing Krippendorff's Alpha-Reliability" (2011): a coincidence matrix of the
 * values paired within each unit, then observed against expected disagreement under the metric's distances.
 */

export type AlphaMetric = "ordinal" | "interval";

/** Each unit's values from its raters; null where a rater gave none. */
export type Units = readonly (readonly (number | null)[])[];

function pairable(units: Units): number[][] {
  return units.map((unit) => unit.filter((v): v is number => v !== null)).filter((values) => values.length >= 2);
}

/**
 * Krippendorff's alpha: 1 is perfect agreement, 0 what chance gives, below 0 systematic disagreement.
 * Null when fewer than two values can be paired or every paired value is the same (no disagreement to expect).
 */
export function krippendorffAlpha(units: Units, metric: AlphaMetric): number | null {
  const rows = pairable(units);
  const values = [...new Set(rows.flat())].sort((a, b) => a - b);
  if (values.length < 2) return null;
  const at = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  // o[c][k]: how often value c was paired with value k within a unit, each unit weighing 1 per value it holds.
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of rows) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i += 1)
      for (let j = 0; j < unit.length; j += 1) if (i !== j) o[at.get(unit[i]!)!]![at.get(unit[j]!)!]! += weight;
  }
  const nc = o.map((row) => row.reduce((s, v) => s + v, 0));
  const n = nc.reduce((s, v) => s + v, 0);
  const distance = (c: number, k: number): number => {
    if (metric === "interval") return (values[c]! - values[k]!) ** 2;
    // Ordinal: how many values lie between c and k, counting half of each end.
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let between = 0;
    for (let g = lo; g <= hi; g += 1) between += nc[g]!;
    return (between - (nc[lo]! + nc[hi]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1)
    for (let k = 0; k < size; k += 1) {
      const d = distance(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  return expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
}

/** Share of units rated by both raters where the two scores are equal, and where they are at most one apart. */
export function pairAgreement(pairs: readonly (readonly [number, number])[]): { exact: number; withinOne: number } | null {
  if (pairs.length === 0) return null;
  const exact = pairs.filter(([a, b]) => a === b).length;
  const withinOne = pairs.filter(([a, b]) => Math.abs(a - b) <= 1).length;
  return { exact: exact / pairs.length, withinOne: withinOne / pairs.length };
}
