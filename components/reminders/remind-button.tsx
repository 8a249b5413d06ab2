"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useActionRunner } from "@/components/ui/use-action";
import { remindPendingSelfAssessments } from "@/lib/reminders/actions";

/**
 * "Remind those who have not submitted": asks first (it sends mail), then says how many were reminded. Reps
 * reminded in the last day are left out by the action itself, so a second click the same day sends nothing.
 */
export function RemindButton({ slug, teamId, remindable, cycleName, intervalHours }: { slug: string; teamId: string | null; remindable: number; cycleName: string; intervalHours: number }) {
  const { run, pending } = useActionRunner();
  if (remindable === 0) {
    return (
      <Button variant="secondary" disabled>
        Nobody to remind now
      </Button>
    );
  }
  const people = remindable === 1 ? "1 rep" : `${remindable} reps`;
  return (
    <ConfirmDialog
      trigger={<Button disabled={pending}>{pending ? "Sending reminders…" : "Remind those who have not submitted"}</Button>}
      title={`Email a reminder to ${people}?`}
      description={`Each rep who has not submitted ${cycleName} gets one mail with a link to their self-assessment. Reps reminded in the last ${intervalHours} hours are left out.`}
      confirmLabel={`Send ${remindable === 1 ? "reminder" : "reminders"}`}
      destructive={false}
      onConfirm={() =>
        run(
          () => remindPendingSelfAssessments(slug, { teamId: teamId ?? "" }),
          "Reminders queued.",
        )
      }
    />
  );
}
