"use client";

import type { ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { addAction } from "@/lib/relationships/actions";
import type { ActionOwner } from "@/lib/relationships/rules";
import { addDays } from "@/lib/dates";
import { RELATIONSHIP_LIMITS } from "@/lib/schemas/relationships";

export type ActionDraft = { interactionId?: string; checkInId?: string; description?: string; owner?: ActionOwner };

type Props = {
  slug: string;
  relationshipId: string;
  counterpart: string;
  today: string;
  /** Prefilled from a friction point; absent for a blank action. */
  draft?: ActionDraft;
  trigger: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** A small action with an owner (us or them) and a due date, often turned from a friction point. */
export function ActionDialog({ slug, relationshipId, counterpart, today, draft, trigger, open, onOpenChange }: Props) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={trigger}
      title={draft?.interactionId || draft?.checkInId ? "Turn this into a small action" : "Add a small action"}
      description="Start small: one thing, one owner, a date."
    >
      <ActionForm
        slug={slug}
        relationshipId={relationshipId}
        counterpart={counterpart}
        today={today}
        draft={draft}
        onDone={() => onOpenChange(false)}
      />
    </Dialog>
  );
}

function ActionForm({
  slug,
  relationshipId,
  counterpart,
  today,
  draft,
  onDone,
}: Omit<Props, "trigger" | "open" | "onOpenChange"> & { onDone: () => void }) {
  const [state, formAction] = useFormAction(addAction.bind(null, slug), () => {
    toast.success("Small action added.");
    onDone();
  });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="relationshipId" value={relationshipId} />
      {draft?.interactionId && <input type="hidden" name="interactionId" value={draft.interactionId} />}
      {draft?.checkInId && <input type="hidden" name="checkInId" value={draft.checkInId} />}
      <FormAlert state={state} />
      <TextAreaField
        label="Action"
        name="description"
        rows={3}
        defaultValue={typed(state, "description", draft?.description ?? "")}
        error={fieldError(state, "description")}
        hint={`Up to ${RELATIONSHIP_LIMITS.action} characters.`}
        required
        autoFocus
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          key={`owner-${typed(state, "owner", draft?.owner ?? "us")}`}
          label="Owner"
          name="owner"
          defaultValue={typed(state, "owner", draft?.owner ?? "us")}
          error={fieldError(state, "owner")}
        >
          <option value="us">Us (sales)</option>
          <option value="them">Them ({counterpart})</option>
        </SelectField>
        <TextField
          label="Due"
          name="dueOn"
          type="date"
          defaultValue={typed(state, "dueOn", addDays(today, 14))}
          error={fieldError(state, "dueOn")}
          required
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Adding…">Add action</SubmitButton>
      </div>
    </form>
  );
}
