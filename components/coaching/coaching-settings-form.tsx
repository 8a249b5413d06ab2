"use client";

import { toast } from "sonner";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateCoachingSettings } from "@/lib/coaching/actions";
import { GAP_BASES, GAP_BASIS_LABEL, type GapBasis } from "@/lib/coaching/gap-basis";

type Settings = {
  blindSpotGap: number;
  hiddenStrengthGap: number;
  agreedWeaknessMax: number;
  agreedStrengthMin: number;
  oneOnOneCadenceDays: number;
  gapBasis: GapBasis;
};

function Choice({
  label,
  name,
  value,
  options,
  hint,
  state,
}: {
  label: string;
  name: Exclude<keyof Settings, "gapBasis">;
  value: number;
  options: number[];
  hint: string;
  state: Parameters<typeof fieldError>[0];
}) {
  return (
    <SelectField label={label} name={name} defaultValue={typed(state, name, String(value))} error={fieldError(state, name)} hint={hint}>
      {options.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </SelectField>
  );
}

/** The coaching queue's label thresholds (gap = self minus leader) and the 1:1 cadence. */
export function CoachingSettingsForm({ slug, settings }: { slug: string; settings: Settings }) {
  const [state, formAction] = useFormAction(updateCoachingSettings.bind(null, slug), () => {
    toast.success("Coaching settings saved.");
  });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Coaching settings">
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Choice
          label="Blind spot: gap of at least"
          name="blindSpotGap"
          value={settings.blindSpotGap}
          options={[1, 2, 3, 4]}
          hint="The rep rates themself this much higher than the leader."
          state={state}
        />
        <Choice
          label="Hidden strength: gap of at least"
          name="hiddenStrengthGap"
          value={settings.hiddenStrengthGap}
          options={[1, 2, 3, 4]}
          hint="The rep rates themself this much lower than the leader."
          state={state}
        />
        <Choice
          label="Agreed weakness: both at most"
          name="agreedWeaknessMax"
          value={settings.agreedWeaknessMax}
          options={[1, 2, 3, 4, 5]}
          hint="Both scores this low or lower."
          state={state}
        />
        <Choice
          label="Agreed strength: both at least"
          name="agreedStrengthMin"
          value={settings.agreedStrengthMin}
          options={[1, 2, 3, 4, 5]}
          hint="Both scores this high or higher."
          state={state}
        />
      </div>
      <SelectField
        label="Blind spots and hidden strengths measure"
        name="gapBasis"
        defaultValue={typed(state, "gapBasis", settings.gapBasis)}
        error={fieldError(state, "gapBasis")}
        hint="Relative: a rep who rates everything higher than their leader is told so once (talk about the scale first), and each behaviour's gap is measured against that tendency. Leaders can switch on the coaching queue."
      >
        {GAP_BASES.map((basis) => (
          <option key={basis} value={basis}>
            {GAP_BASIS_LABEL[basis]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="1:1 cadence (days)"
        name="oneOnOneCadenceDays"
        type="number"
        min={1}
        max={365}
        inputMode="numeric"
        defaultValue={typed(state, "oneOnOneCadenceDays", String(settings.oneOnOneCadenceDays))}
        error={fieldError(state, "oneOnOneCadenceDays")}
        hint="A rep with no 1:1 note for longer than this is flagged in the coaching queue."
        className="max-w-xs"
      />
      <div className="flex justify-end">
        <SubmitButton>Save coaching settings</SubmitButton>
      </div>
    </form>
  );
}
