"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { logInteraction } from "@/lib/relationships/actions";
import { INTERACTION_KINDS, INTERACTION_LABEL } from "@/lib/relationships/rules";
import { RELATIONSHIP_LIMITS } from "@/lib/schemas/relationships";

type Props = { slug: string; relationshipId: string; counterpart: string; today: string; trust: number };

/** Log a lunch, one-on-one, call or group meeting: both "makes you crazy" answers, notes, trust after. */
export function InteractionDialog(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>Log an interaction</Button>}
      title={`Log an interaction with ${props.counterpart}`}
      description="A lunch, a one-on-one or a call restarts the contact countdown; a group meeting does not."
    >
      <InteractionForm {...props} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function InteractionForm({ slug, relationshipId, counterpart, today, trust, onDone }: Props & { onDone: () => void }) {
  const [state, formAction] = useFormAction(logInteraction.bind(null, slug), (data) => {
    toast.success(
      data.restartsCadence
        ? "Interaction logged. The contact countdown starts again."
        : "Interaction logged. A group meeting does not restart the countdown.",
    );
    onDone();
  });
  const limit = `Up to ${RELATIONSHIP_LIMITS.friction} characters.`;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="-mx-1 max-h-[min(65vh,40rem)] space-y-4 overflow-y-auto px-1 pb-1">
        <input type="hidden" name="relationshipId" value={relationshipId} />
        <FormAlert state={state} />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            key={`kind-${typed(state, "kind", "lunch")}`}
            label="Kind"
            name="kind"
            defaultValue={typed(state, "kind", "lunch")}
            error={fieldError(state, "kind")}
          >
            {INTERACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {INTERACTION_LABEL[k]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Date"
            name="occurredOn"
            type="date"
            max={today}
            defaultValue={typed(state, "occurredOn", today)}
            error={fieldError(state, "occurredOn")}
            required
          />
          <SelectField
            key={`trustAfter-${typed(state, "trustAfter", String(trust))}`}
            label="Trust after (1-5)"
            name="trustAfter"
            defaultValue={typed(state, "trustAfter", String(trust))}
            error={fieldError(state, "trustAfter")}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label={`What we do that makes ${counterpart} crazy`}
          name="weFrustrateThem"
          rows={3}
          defaultValue={typed(state, "weFrustrateThem")}
          error={fieldError(state, "weFrustrateThem")}
          hint={`Their story, in their words. ${limit}`}
        />
        <TextAreaField
          label={`What ${counterpart} does that makes us crazy`}
          name="theyFrustrateUs"
          rows={3}
          defaultValue={typed(state, "theyFrustrateUs")}
          error={fieldError(state, "theyFrustrateUs")}
          hint={`When they ask back. ${limit}`}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          rows={3}
          defaultValue={typed(state, "notes")}
          error={fieldError(state, "notes")}
          hint={`Up to ${RELATIONSHIP_LIMITS.notes} characters.`}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Logging…">Log interaction</SubmitButton>
      </div>
    </form>
  );
}
