"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useActionRunner } from "@/components/ui/use-action";
import { reopenAssessment, shareResults } from "@/lib/assessments/actions";

/** Share the leader's ratings with the rep, or reopen the rep's self-assessment: each after a confirmation. */
export function CoachActions({
  slug,
  cycleId,
  cycleName,
  repUserId,
  repName,
  canShare,
  canReopen,
}: {
  slug: string;
  cycleId: string;
  cycleName: string;
  repUserId: string;
  repName: string;
  canShare: boolean;
  canReopen: boolean;
}) {
  const router = useRouter();
  const { run, pending } = useActionRunner();
  if (!canShare && !canReopen) return null;
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      {canShare && (
        <ConfirmDialog
          destructive={false}
          trigger={<Button disabled={pending}>Share results with {repName}</Button>}
          title={`Share ${cycleName} results with ${repName}?`}
          description={`${repName} will see your ratings, your comments and the gaps for ${cycleName} beside their own.`}
          confirmLabel="Share results"
          onConfirm={() =>
            run(
              () => shareResults(slug, { cycleId, repUserId }),
              `Results shared with ${repName}.`,
              () => router.refresh(),
            )
          }
        />
      )}
      {canReopen && (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending}>
              Reopen self-assessment
            </Button>
          }
          title={`Reopen ${repName}'s self-assessment?`}
          description={`${repName} can change their answers again and must submit again. Your ratings are hidden from them until you share again.`}
          confirmLabel="Reopen"
          onConfirm={() =>
            run(
              () => reopenAssessment(slug, { cycleId, repUserId }),
              `${repName}'s self-assessment is open again.`,
              () => router.refresh(),
            )
          }
        />
      )}
    </div>
  );
}
