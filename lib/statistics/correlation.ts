/**
 * Rank correlation for small samples of 1-5 ratings and sales results, where ties are the rule.
 * Pure functions: the queries bring the pairs, these turn them into figures.
 */

/** Ranks from 1, ties sharing the average of the ranks they span (3 values tied for 2nd-4th all get 3). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  const meanX = xs.reduce((s, v) => s + v, 0) / n;
  const meanY = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - meanX;
    const dy = ys[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A side with one value throughout has no order to agree with.
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rho: the Pearson correlation of the average ranks, which stays right with ties (the
 * 1 - 6Σd²/(n(n²-1)) shortcut does not). Null with fewer than two pairs or when either side never varies.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error("spearman needs pairs: the two lists differ in length");
  if (xs.length < 2) return null;
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** The normal quantile of a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/**
 * A 95% confidence interval for Spearman's rho through Fisher's z, with Bonett and Wright's (2000) standard
 * error sqrt((1 + rho²/2) / (n - 3)), which holds for rank correlations where 1/sqrt(n - 3) is too narrow.
 * Null below 4 pairs (no standard error) or at |rho| = 1 (z is infinite).
 */
export function spearmanInterval(rho: number, n: number): { low: number; high: number } | null {
  if (n < 4 || Math.abs(rho) >= 1) return null;
  const z = Math.atanh(rho);
  const se = Math.sqrt((1 + (rho * rho) / 2) / (n - 3));
  return { low: Math.tanh(z - Z_95 * se), high: Math.tanh(z + Z_95 * se) };
}
