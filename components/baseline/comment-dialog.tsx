"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { commentOnRating } from "@/lib/assessments/actions";

const MAX = 1000;

/** The coach's comment on one rating: shown to the rep once results are shared. */
export function CommentDialog({
  slug,
  cycleId,
  repUserId,
  behaviourId,
  behaviourName,
  comment,
}: {
  slug: string;
  cycleId: string;
  repUserId: string;
  behaviourId: string;
  behaviourName: string;
  comment: string | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(comment ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();

  function save() {
    startTransition(async () => {
      const result = await commentOnRating(slug, { cycleId, repUserId, behaviourId, comment: value });
      if (result.status === "ok") {
        toast.success(`Comment on ${behaviourName} saved.`);
        setError(null);
        setOpen(false);
        router.refresh();
      } else if (result.status === "error") {
        setError(result.fieldErrors?.comment ?? result.message); // keeps what was typed
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setValue(comment ?? "");
          setError(null);
        }
      }}
      title={`Your comment on ${behaviourName}`}
      description="The rep sees it beside your rating once you share the results."
      trigger={
        <Button size="sm" variant="ghost" className="print:hidden" aria-label={`${comment ? "Edit" : "Add"} comment on ${behaviourName}`}>
          {comment ? "Edit comment" : "Add comment"}
        </Button>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        className="space-y-4"
      >
        <div className="space-y-1.5">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Comment
          </label>
          <textarea
            id={id}
            rows={4}
            maxLength={MAX}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:ring-inset aria-invalid:ring-red-500"
          />
          {error ? (
            <p id={`${id}-error`} className="text-sm text-red-700">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {value.length} / {MAX}. Leave empty to remove the comment.
            </p>
          )}
        </div>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save comment"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
