"use client";

import { toast } from "sonner";
import { TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createCycle } from "@/lib/cycles/actions";
import { CYCLE_NAME_MAX } from "@/lib/framework/rules";

export function CreateCycleForm({ slug }: { slug: string }) {
  const [state, formAction] = useFormAction(createCycle.bind(null, slug), (_data, form) => {
    toast.success(`${String(form.get("name")).trim()} created as a draft.`);
  });
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormAlert state={state} />
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          label="New cycle"
          name="name"
          placeholder="e.g. Q1 2027"
          defaultValue={typed(state, "name")}
          error={fieldError(state, "name")}
          hint={`Up to ${CYCLE_NAME_MAX} characters. It starts as a draft.`}
          className="w-72"
          required
        />
        <SubmitButton className="mt-7" pendingLabel="Creating…">
          Create cycle
        </SubmitButton>
      </div>
    </form>
  );
}
