"use client";

import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/chain/outcome";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextField } from "./field";
import { fieldError, typed } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { useFormAction } from "./use-form-action";

type Props = {
  /** The bound rename action: receives the hidden id field and `name`. */
  action: (previous: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;
  trigger: ReactNode;
  title: string;
  label: string;
  currentName: string;
  /** The hidden field naming what is renamed, e.g. { name: "teamId", value: team.id }. */
  id: { name: string; value: string };
  success: string;
};

/** A dialog with one name field that renames something, closing with a toast on success. */
export function RenameDialog({ action, trigger, title, label, currentName, id, success }: Props) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useFormAction(action, () => {
    toast.success(success);
    setOpen(false);
  });
  return (
    <Dialog open={open} onOpenChange={setOpen} trigger={trigger} title={title}>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name={id.name} value={id.value} />
        <TextField label={label} name="name" defaultValue={typed(state, "name", currentName)} error={fieldError(state, "name")} required autoFocus />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <SubmitButton>Save name</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
