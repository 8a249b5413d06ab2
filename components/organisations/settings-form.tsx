"use client";

import { toast } from "sonner";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateOrganisationSettings } from "@/lib/organisations/actions";

type Props = { slug: string; name: string; timeZone: string; blindMode: boolean; timeZones: string[] };

export function OrganisationSettingsForm({ slug, name, timeZone, blindMode, timeZones }: Props) {
  const [state, formAction] = useFormAction(updateOrganisationSettings.bind(null, slug), () => {
    toast.success("Settings saved.");
  });

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <TextField label="Organisation name" name="name" defaultValue={typed(state, "name", name)} error={fieldError(state, "name")} required />
      <SelectField label="Time zone" name="timeZone" defaultValue={typed(state, "timeZone", timeZone)} error={fieldError(state, "timeZone")}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <div className="flex items-start gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        <input type="hidden" name="blindMode" value="off" />
        <input
          id="blind-mode"
          type="checkbox"
          name="blindMode"
          defaultChecked={blindMode}
          className="mt-1 h-4 w-4 accent-brand-600"
          aria-describedby="blind-mode-help"
        />
        <div>
          <label htmlFor="blind-mode" className="text-sm font-medium text-slate-900">
            Blind mode (recommended)
          </label>
          <p id="blind-mode-help" className="text-sm text-slate-600">
            Leaders see a rep&apos;s self-assessment only after the rep submits it, and reps see their leader&apos;s ratings only after the leader
            shares them — so neither anchors on the other.
          </p>
        </div>
      </div>
      <div className="flex justify-end">
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </form>
  );
}
