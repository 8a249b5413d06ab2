/** A signed gap (self minus leader): "+2", "−1" (a true minus sign), "0"; a relative gap to one decimal, "+1.3". */
export function formatGap(gap: number | null | undefined): string {
  if (gap == null) return "—";
  const size = Number.isInteger(gap) ? String(Math.abs(gap)) : Math.abs(gap).toFixed(1);
  if (Number(size) === 0) return "0";
  return gap > 0 ? `+${size}` : `\u2212${size}`;
}
