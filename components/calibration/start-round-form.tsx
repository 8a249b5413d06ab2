"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { fieldError, FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { startCalibrationRound } from "@/lib/calibration/round-actions";
import type { NewRoundPage } from "@/lib/calibration/round-loaders";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

/** The proposal, editable: tick the reps to sample and choose each team's second rater. */
export function StartRoundForm({ page }: { page: NewRoundPage & { cycle: { id: string; name: string } } }) {
  const router = useRouter();
  const [state, formAction] = useFormAction(startCalibrationRound.bind(null, page.slug), ({ roundId }) => {
    toast.success("Calibration round started.");
    router.push(`/o/${page.slug}/calibration/rounds/${roundId}`);
  });
  const repsError = fieldError(state, "reps");
  const ratersError = fieldError(state, "raters");
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="cycleId" value={page.cycle.id} />
      <div className="grid gap-4 md:grid-cols-2">
        {page.teams.map((team) => (
          <fieldset key={team.id} className="space-y-3 rounded-md p-4 ring-1 ring-slate-200">
            <legend className="px-1 text-sm font-semibold text-slate-900">{team.name}</legend>
            <p className="text-xs text-slate-500">
              {team.reps.filter((r) => r.proposed).length} of {team.reps.length} reps drawn at random
            </p>
            <ul className="space-y-1">
              {team.reps.map((rep) => (
                <li key={rep.userId}>
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="reps" value={rep.userId} defaultChecked={rep.proposed} className="size-4 rounded border-slate-300" />
                    {rep.name}
                  </label>
                </li>
              ))}
            </ul>
            <div className="space-y-1.5">
              <label htmlFor={`rater-${team.id}`} className="block text-sm font-medium text-slate-800">
                Second rater for {team.name}
              </label>
              {team.raters.length === 0 ? (
                <p className="text-sm text-red-700">Nobody can rate this team a second time: every leader and admin leads it.</p>
              ) : (
                <select id={`rater-${team.id}`} name="raters" defaultValue={`${team.id}:${team.proposedRaterUserId ?? ""}`} className={control}>
                  {team.raters.map((r) => (
                    <option key={r.userId} value={`${team.id}:${r.userId}`}>
                      {r.name} ({r.role})
                    </option>
                  ))}
                </select>
              )}
              <p className="text-xs text-slate-500">Another leader or an admin: never the team&apos;s own leader.</p>
            </div>
          </fieldset>
        ))}
      </div>
      {repsError && (
        <p className="text-sm text-red-700" role="alert">
          {repsError}
        </p>
      )}
      {ratersError && (
        <p className="text-sm text-red-700" role="alert">
          {ratersError}
        </p>
      )}
      <FormAlert state={state} />
      <SubmitButton pendingLabel="Starting…">Start the round</SubmitButton>
    </form>
  );
}
