"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { remindPendingSelfAssessments } from "@/lib/reminders/actions";

/**
 * "Remind those who have not submitted": asks first (it sends mail), then says how many were reminded. Reps
 * reminded in the last day are left out by the action itself, so a second click the same day (another tab, a
 * colleague) sends nothing.
 */
export function RemindButton({
  slug,
  teamId,
  remindable,
  cycleName,
  intervalHours,
}: {
  slug: string;
  teamId: string | null;
  remindable: number;
  cycleName: string;
  intervalHours: number;
}) {
  const [pending, startTransition] = useTransition();
  if (remindable === 0) {
    return (
      <Button variant="secondary" disabled>
        Nobody to remind now
      </Button>
    );
  }
  const people = remindable === 1 ? "1 rep" : `${remindable} reps`;
  const remind = () =>
    startTransition(async () => {
      const result = await remindPendingSelfAssessments(slug, { teamId: teamId ?? "" });
      if (result.status === "error") toast.error(result.message);
      else if (result.status === "ok") {
        const { reminded } = result.data;
        if (reminded === 0) toast.info(`Nobody was reminded: everyone who has not submitted was reminded in the last ${intervalHours} hours.`);
        else toast.success(`Reminder emailed to ${reminded === 1 ? "1 rep" : `${reminded} reps`}.`);
      }
    });
  return (
    <ConfirmDialog
      trigger={<Button disabled={pending}>{pending ? "Sending reminders…" : "Remind those who have not submitted"}</Button>}
      title={`Email a reminder to ${people}?`}
      description={`Each rep who has not submitted ${cycleName} gets one mail with a link to their self-assessment. Reps reminded in the last ${intervalHours} hours are left out.`}
      confirmLabel={remindable === 1 ? "Send reminder" : "Send reminders"}
      destructive={false}
      onConfirm={remind}
    />
  );
}
