"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveSecondRatings } from "@/lib/calibration/round-actions";
import type { RoundPage } from "@/lib/calibration/round-loaders";

type Rep = RoundPage["toRate"][number];

/**
 * One sampled rep, every behaviour as a 1-5 radio group (arrow keys move within a group) with an optional note.
 * The first rating of a behaviour appears only once this rater's own score of it is saved.
 */
export function SecondRatingForm({
  slug,
  roundId,
  rep,
  behaviours,
  finished,
}: {
  slug: string;
  roundId: string;
  rep: Rep;
  behaviours: RoundPage["behaviours"];
  finished: boolean;
}) {
  const router = useRouter();
  const [state, formAction] = useFormAction(saveSecondRatings.bind(null, slug), ({ saved }) => {
    toast.success(`Saved ${saved} ${saved === 1 ? "rating" : "ratings"} of ${rep.repName}.`);
    router.refresh();
  });
  return (
    <form action={formAction} className="space-y-4" aria-label={`Second ratings of ${rep.repName}`}>
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="repUserId" value={rep.repUserId} />
      {behaviours.map((b, i) => {
        const own = rep.scores[i]!;
        return (
          <fieldset key={b.id} className="space-y-2 border-t border-slate-100 pt-3" disabled={finished}>
            <legend className="text-sm font-medium text-slate-900">{b.name}</legend>
            <p className="text-xs text-slate-500">
              1: {b.level1} · 3: {b.level3} · 5: {b.level5}
            </p>
            <div className="flex flex-wrap gap-1.5" role="radiogroup" aria-label={`${b.name}: score for ${rep.repName}`}>
              {[1, 2, 3, 4, 5].map((n) => (
                <label
                  key={n}
                  className="flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm ring-1 ring-slate-300 has-checked:bg-brand-50 has-checked:ring-brand-600"
                >
                  <input type="radio" name={`score.${b.id}`} value={n} defaultChecked={own.score === n} className="size-4" />
                  {n}
                </label>
              ))}
            </div>
            <label className="block text-xs text-slate-600">
              Note (optional)
              <textarea
                name={`comment.${b.id}`}
                defaultValue={own.comment ?? ""}
                rows={1}
                maxLength={2000}
                className="mt-1 block w-full rounded-md border-0 px-3 py-1.5 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
              />
            </label>
            {own.first !== null && (
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="first-rating">
                Both ratings are in. The rep&apos;s leader gave {own.first}, you gave {own.score}.
                {own.firstComment ? ` Their note: “${own.firstComment}”` : ""}
              </p>
            )}
          </fieldset>
        );
      })}
      <FormAlert state={state} />
      {!finished && <SubmitButton pendingLabel="Saving…">Save ratings of {rep.repName}</SubmitButton>}
    </form>
  );
}
