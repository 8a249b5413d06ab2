import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { GAP_BASES, GAP_BASIS_LABEL, type GapBasis } from "@/lib/coaching/gap-basis";

/**
 * Raw or relative labels, for this page only (the organisation's default is a setting): two links, the current
 * one marked, so the choice is in the URL and survives a reload or a shared link.
 */
export function GapBasisSwitch({ basis, hrefOf }: { basis: GapBasis; hrefOf: (basis: GapBasis) => string }) {
  return (
    <nav aria-label="Label gaps by" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">Label gaps by:</span>
      <span className="inline-flex rounded-md ring-1 ring-slate-300">
        {GAP_BASES.map((option) => (
          <Link
            key={option}
            href={hrefOf(option)}
            aria-current={option === basis ? "page" : undefined}
            className={cn(
              "px-3 py-1.5 first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-brand-600",
              option === basis ? "bg-brand-700 font-medium text-white" : "bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {GAP_BASIS_LABEL[option]}
          </Link>
        ))}
      </span>
      {basis === "relative" && (
        <span className="basis-full text-xs text-slate-600">
          Each gap is measured against how the rep rates themself overall (shown under their name), so a rep who rates everything high is not a blind
          spot on every behaviour. Raw scores stay on each item.
        </span>
      )}
    </nav>
  );
}

/** How the rep rates themself overall and whether you agree on strengths, in words with the counts behind them. */
export function RepTendency({ tendency, agreement }: { tendency: string | null; agreement: string | null }) {
  if (!tendency && !agreement) return null;
  return (
    <div className="mt-2 space-y-1 text-xs text-slate-700" data-testid="rep-tendency">
      {tendency && <p>{tendency}</p>}
      {agreement && <p>{agreement}</p>}
    </div>
  );
}

/** "Talk about the scale first": the rep's overall tendency passes a threshold, so it comes before any behaviour. */
export function ScaleItem({ item }: { item: { title: string; explanation: string } }) {
  return (
    <div className="mb-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200 ring-inset" data-testid="scale-item">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
        <Badge tone="amber">Scale</Badge>
        {item.title}
      </p>
      <p className="mt-1 text-xs text-slate-700">{item.explanation}</p>
    </div>
  );
}

/** The baseline's and the report's "Overall" lines beside the per-behaviour gaps; nothing with too few pairs. */
export function OverallGaps({ gaps }: { gaps: { tendency: string | null; agreement: string | null } }) {
  if (!gaps.tendency && !gaps.agreement) return null;
  return (
    <section
      aria-labelledby="overall-gaps-heading"
      className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset print:break-inside-avoid"
      data-testid="overall-gaps"
    >
      <h3 id="overall-gaps-heading" className="mb-1 font-semibold text-slate-900">
        Overall
      </h3>
      {gaps.tendency && <p>{gaps.tendency}</p>}
      {gaps.agreement && <p>{gaps.agreement}</p>}
    </section>
  );
}
