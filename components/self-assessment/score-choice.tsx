"use client";

import { cn } from "@/components/ui/cn";

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * A 1-5 choice as a native radio group styled as five large buttons: arrow keys move and choose within the
 * group (the browser's own radio behaviour), Tab leaves it, and each button is at least 44px for a thumb.
 */
export function ScoreChoice({
  name,
  legend,
  value,
  disabled,
  describedBy,
  onChange,
}: {
  name: string;
  legend: string;
  value: number | null;
  disabled?: boolean;
  /** Ids of the scale's hint and error, read out with the group. */
  describedBy?: string;
  onChange: (score: number) => void;
}) {
  return (
    <fieldset disabled={disabled} aria-describedby={describedBy} className="min-w-0">
      <legend className="mb-2 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid grid-cols-5 gap-2">
        {SCORES.map((score) => (
          <label key={score} className="relative block">
            <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} className="peer sr-only" />
            <span
              className={cn(
                "flex h-12 min-w-11 cursor-pointer items-center justify-center rounded-lg text-lg font-semibold ring-1 transition-colors select-none ring-inset",
                "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50",
                "peer-checked:bg-brand-600 peer-checked:text-white peer-checked:ring-brand-700",
                "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
                "peer-disabled:cursor-default peer-disabled:hover:bg-white peer-disabled:peer-checked:hover:bg-brand-600",
              )}
            >
              {score}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
