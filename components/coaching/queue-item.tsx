import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { QueueItem } from "@/lib/coaching/rules";
import { ItemScores, LabelBadge, SelfComment } from "./labels";
import { PlanDialog } from "./plan-dialog";

/** A queue item with the target a plan made from it would start with. */
type Item = QueueItem & { suggestedTarget: number };

/**
 * One "coach on this next" item: its rank, behaviour, label and scores, and (for a coach) the button that turns
 * it into a plan. `planLabel` names the button for screen readers when several reps' items share a page.
 */
export function QueueItemRow({
  slug,
  rep,
  item,
  rank,
  today,
  planLabel,
  className,
}: {
  slug: string;
  rep: { userId: string; name: string };
  item: Item;
  rank: number;
  today: string;
  /** Absent: no plan button (a folded item, or a viewer who may not plan). */
  planLabel?: string;
  className?: string;
}) {
  return (
    <li className={cn("flex flex-wrap items-center justify-between gap-3", className)} data-testid="queue-item">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          <span className="text-slate-500 tabular-nums">{rank}.</span>
          {item.name}
          <LabelBadge label={item.label} />
        </p>
        <ItemScores leader={item.leader} self={item.self} gap={item.gap} relativeGap={item.relative ? item.relativeGap : null} />
        <SelfComment comment={item.selfComment} />
      </div>
      {planLabel && (
        <PlanDialog
          slug={slug}
          // Only what the dialog needs: the queue's rep also carries every item, which would be sent to the
          // browser again with each button.
          rep={{ userId: rep.userId, name: rep.name }}
          behaviours={[]}
          focus={{ behaviourId: item.behaviourId, name: item.name, leader: item.leader, suggestedTarget: item.suggestedTarget }}
          today={today}
          trigger={
            <Button variant="secondary" size="sm" aria-label={planLabel}>
              Make a plan
            </Button>
          }
        />
      )}
    </li>
  );
}
