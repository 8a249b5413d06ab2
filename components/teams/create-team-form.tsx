"use client";

import { toast } from "sonner";
import { fieldError, typed } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createTeam } from "@/lib/teams/actions";

export function CreateTeamForm({ slug }: { slug: string }) {
  const [state, formAction] = useFormAction(createTeam.bind(null, slug), () => {
    toast.success("Team created.");
  });
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-3" noValidate>
      <TextField
        label="New team"
        name="name"
        placeholder="e.g. Team North"
        defaultValue={typed(state, "name")}
        error={fieldError(state, "name")}
        className="w-72"
        required
      />
      <SubmitButton className="mt-7" pendingLabel="Creating…">
        Create team
      </SubmitButton>
    </form>
  );
}
