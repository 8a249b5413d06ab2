import { StackedTable } from "./stacked-table";
import type { Comparison, EffectGroup } from "@/lib/results/coaching-effect";

const points = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(1)}`;

function differenceWords(d: number) {
  const size = Math.abs(d).toFixed(1);
  if (size === "0.0") return "No difference";
  return `${size} ${size === "1.0" ? "point" : "points"} ${d > 0 ? "more" : "less"} with a plan`;
}

/** A comparison in plain words, or why it shows no figure. */
function ComparisonCell({ label, comparison, against, minPlans }: { label: string; comparison: Comparison; against: string; minPlans: number }) {
  return (
    <div className="min-w-0 text-sm">
      <div className="text-xs font-medium text-slate-500 sm:sr-only">{label}</div>
      {comparison.shown ? (
        <>
          <div className="font-medium text-slate-900 tabular-nums">{differenceWords(comparison.difference)}</div>
          <div className="text-xs text-slate-600 tabular-nums">
            {points(comparison.withPlan)} with a plan, {points(comparison.without)} {against} ({comparison.plans} plans)
          </div>
        </>
      ) : (
        <div className="text-slate-500">
          No figure: {comparison.plans} of {minPlans} plans needed
        </div>
      )}
    </div>
  );
}

/** Per behaviour or per leader: how many plans, and each comparison. Stacks into labelled cells on a phone. */
export function EffectTable({ title, column, groups, minPlans }: { title: string; column: string; groups: EffectGroup[]; minPlans: number }) {
  const columns = ["Plans with a later score", "Against matched reps without a plan", "Against the same reps' other behaviours"];
  const grid = "sm:grid-cols-[minmax(9rem,1.2fr)_minmax(0,0.6fr)_repeat(2,minmax(0,1.2fr))]";
  return (
    <div className="text-sm">
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      <StackedTable
        label={title}
        first={column}
        columns={columns}
        grid={grid}
        rows={groups.map((g) => ({
          key: g.key,
          header: g.label,
          cells: [
            <div key="plans" className="text-sm tabular-nums">
              <span className="text-xs font-medium text-slate-500 sm:sr-only">{columns[0]}: </span>
              {g.plans}
            </div>,
            <ComparisonCell key="matched" label={columns[1]!} comparison={g.matched} against="for matched reps without one" minPlans={minPlans} />,
            <ComparisonCell key="own" label={columns[2]!} comparison={g.own} against="on their other behaviours" minPlans={minPlans} />,
          ],
        }))}
      />
    </div>
  );
}
