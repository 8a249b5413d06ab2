"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useActionRunner } from "@/components/ui/use-action";
import { finishCalibrationRound } from "@/lib/calibration/round-actions";

export function FinishRoundButton({ slug, roundId }: { slug: string; roundId: string }) {
  const router = useRouter();
  const { run, pending } = useActionRunner();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" disabled={pending}>
          {pending ? "Finishing…" : "Finish the round"}
        </Button>
      }
      title="Finish this calibration round?"
      description="Second raters can no longer change their ratings. The agreement figures stay."
      confirmLabel="Finish the round"
      destructive={false}
      onConfirm={() =>
        run(
          () => finishCalibrationRound(slug, { roundId }),
          "Round finished.",
          () => router.refresh(),
        )
      }
    />
  );
}
