"use client";

import { toast } from "sonner";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateOrganisationSettings } from "@/lib/organisations/actions";

type Props = { slug: string; name: string; timeZone: string; timeZones: string[] };

export function OrganisationSettingsForm({ slug, name, timeZone, timeZones }: Props) {
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
      <div className="flex justify-end">
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </form>
  );
}
