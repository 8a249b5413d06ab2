import { cn } from "@/components/ui/cn";
import type { BehaviourView } from "./types";

const LEVELS = [
  { score: 1, field: "level1", tone: "border-l-red-400", chip: "bg-red-50 text-red-800 ring-red-200" },
  { score: 3, field: "level3", tone: "border-l-amber-400", chip: "bg-amber-50 text-amber-900 ring-amber-200" },
  { score: 5, field: "level5", tone: "border-l-emerald-500", chip: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
] as const;

/** What a 1, a 3 and a 5 look like, side by side on wide screens and stacked on narrow ones. */
export function BehaviourAnchors({ behaviour }: { behaviour: BehaviourView }) {
  return (
    <dl className="mt-4 grid gap-3 md:grid-cols-3">
      {LEVELS.map((level) => (
        <div key={level.score} className={cn("rounded-md border-l-4 bg-slate-50 px-3 py-2.5", level.tone)}>
          <dt className="flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <span className={cn("inline-flex size-6 items-center justify-center rounded-full text-sm font-bold ring-1 ring-inset", level.chip)}>
              {level.score}
            </span>
            What a {level.score} looks like
          </dt>
          <dd className="mt-1.5 text-sm leading-relaxed text-slate-800">{behaviour[level.field]}</dd>
        </div>
      ))}
    </dl>
  );
}
