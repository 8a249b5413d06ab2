import type { CurveRun } from "./curve";

/**
 * The size curve as an SVG line chart, written by `npm run bench -- --reps=…` (no charting dependency): each page's
 * p50 ratio to the trivial page (log scale) against the organisation's reps (log scale), one colour per page, one
 * line per run (the run labelled "before" dashed, others solid), the 3x target drawn across.
 */
const COLOURS: Record<string, string> = {
  dashboard: "#1d4ed8",
  coaching: "#b91c1c",
  grid: "#15803d",
  gridAll: "#7e22ce",
  save: "#c2410c",
  audit: "#0e7490",
  members: "#4d7c0f",
};
const W = 860;
const H = 440;
const M = { left: 60, right: 300, top: 40, bottom: 50 };

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function curveChart(runs: CurveRun[]): string {
  const ordered = [...runs].sort((a, b) => Number(b.label === "before") - Number(a.label === "before") || a.label.localeCompare(b.label));
  const points = ordered.flatMap((r) => r.points);
  const reps = [...new Set(points.map((p) => p.reps))].sort((a, b) => a - b);
  const ratios = points.flatMap((p) => p.pages.map((g) => g.ratio)).filter((r) => Number.isFinite(r) && r > 0);
  const xMin = Math.log10(Math.min(...reps, 500) / 1.3);
  const xMax = Math.log10(Math.max(...reps, 20000) * 1.3);
  const yMin = Math.log10(Math.min(0.8, ...ratios));
  const yMax = Math.log10(Math.max(10, ...ratios) * 1.2);
  const x = (n: number) => M.left + ((Math.log10(n) - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const y = (r: number) => H - M.bottom - ((Math.log10(r) - yMin) / (yMax - yMin)) * (H - M.top - M.bottom);
  const parts: string[] = [];
  parts.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  parts.push(
    `<text x="${M.left}" y="22" font-size="15" font-weight="600">${escape(`Computed afresh, p50 / trivial page, by organisation size (${ordered[0]?.database ?? ""})`)}</text>`,
  );
  for (const n of reps) {
    parts.push(`<line x1="${x(n)}" x2="${x(n)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${x(n)}" y="${H - M.bottom + 18}" font-size="12" text-anchor="middle">${n.toLocaleString("en")}</text>`);
  }
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" font-size="12" text-anchor="middle">reps in the organisation</text>`);
  for (const r of [1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000]) {
    if (Math.log10(r) < yMin || Math.log10(r) > yMax) continue;
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(r)}" y2="${y(r)}" stroke="${r === 3 ? "#9ca3af" : "#f3f4f6"}"${r === 3 ? ' stroke-dasharray="2 3"' : ""}/>`,
    );
    parts.push(`<text x="${M.left - 8}" y="${y(r) + 4}" font-size="12" text-anchor="end">${r}x</text>`);
  }
  let legend = 0;
  for (const run of ordered) {
    const dashed = run.label === "before";
    const keys = [...new Set(run.points.flatMap((p) => p.pages.map((g) => g.key)))];
    for (const key of keys) {
      const series = run.points
        .map((p) => ({ reps: p.reps, page: p.pages.find((g) => g.key === key) }))
        .filter((s): s is { reps: number; page: NonNullable<typeof s.page> } => !!s.page && Number.isFinite(s.page.ratio) && s.page.ratio > 0);
      if (series.length === 0) continue;
      const colour = COLOURS[key] ?? "#374151";
      const d = series.map((s, i) => `${i ? "L" : "M"}${x(s.reps).toFixed(1)},${y(s.page.ratio).toFixed(1)}`).join(" ");
      parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4" opacity="0.7"' : ""}/>`);
      for (const s of series) parts.push(`<circle cx="${x(s.reps).toFixed(1)}" cy="${y(s.page.ratio).toFixed(1)}" r="3" fill="${colour}"/>`);
      const ly = M.top + 8 + legend * 17;
      parts.push(
        `<line x1="${W - M.right + 12}" x2="${W - M.right + 36}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      );
      parts.push(`<text x="${W - M.right + 42}" y="${ly + 4}" font-size="11">${escape(`${series[0]!.page.name} (${run.label})`)}</text>`);
      legend += 1;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${Math.max(H, M.top + legend * 17 + 20)}" font-family="system-ui, sans-serif">\n${parts.join("\n")}\n</svg>\n`;
}
