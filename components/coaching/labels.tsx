import { formatGap } from "@/components/self-assessment/format";
import { Badge } from "@/components/ui/badge";
import { LABEL_NAME, type CoachingLabel } from "@/lib/coaching/rules";

const TONE: Record<CoachingLabel, "red" | "amber" | "blue" | "green" | "neutral"> = {
  blind_spot: "amber",
  hidden_strength: "blue",
  agreed_weakness: "red",
  agreed_strength: "green",
  aligned: "neutral",
};

/** A coaching label; the word carries the meaning, the colour repeats it. None without a visible self rating. */
export function LabelBadge({ label }: { label: CoachingLabel | null }) {
  if (!label) return null;
  return <Badge tone={TONE[label]}>{LABEL_NAME[label]}</Badge>;
}

/** "Leader 2 · self 4 · gap +2" (and "· relative +0.4" when labelled so), the self side named when not visible. */
export function ItemScores({
  leader,
  self,
  gap,
  relativeGap = null,
}: {
  leader: number;
  self: number | null;
  gap: number | null;
  relativeGap?: number | null;
}) {
  return (
    <span className="text-xs text-slate-600 tabular-nums">
      {`Leader ${leader} · `}
      {self === null ? "self —" : `self ${self} · gap ${formatGap(gap)}`}
      {relativeGap !== null && ` · relative ${formatGap(relativeGap)}`}
    </span>
  );
}

/** The rep's comment on their self rating, where the coach sees it (blind mode decided before it was loaded). */
export function SelfComment({ comment, className }: { comment: string | null; className?: string }) {
  if (!comment) return null;
  return (
    <p className={className ?? "mt-1 max-w-prose text-xs break-words whitespace-pre-line text-slate-700"} data-testid="self-comment">
      <span className="font-medium">Rep&rsquo;s comment:</span> {comment}
    </p>
  );
}

/** What each label means, with the organisation's thresholds: one sentence each. */
export function LabelLegend({ legend }: { legend: { label: CoachingLabel; name: string; explanation: string }[] }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 print:grid-cols-3">
      {legend.map((entry) => (
        <div key={entry.label} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <dt>
            <LabelBadge label={entry.label} />
          </dt>
          <dd className="mt-2 text-xs leading-relaxed text-slate-700">{entry.explanation}</dd>
        </div>
      ))}
    </dl>
  );
}
