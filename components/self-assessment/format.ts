/** A signed gap (self minus leader): "+2", "−1" (a true minus sign), "0". */
export function formatGap(gap: number | null | undefined): string {
  if (gap == null) return "—";
  if (gap > 0) return `+${gap}`;
  if (gap < 0) return `\u2212${Math.abs(gap)}`;
  return "0";
}

/** How a gap reads aloud and in tooltips. */
export function describeGap(gap: number): string {
  if (gap > 0) return `you rated yourself ${gap} higher`;
  if (gap < 0) return `you rated yourself ${Math.abs(gap)} lower`;
  return "you agree";
}
