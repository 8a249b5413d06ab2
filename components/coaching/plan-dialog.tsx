"use client";

import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createPlan } from "@/lib/coaching/actions";
import { COACHING_LIMITS } from "@/lib/schemas/coaching";

type Props = {
  slug: string;
  rep: { userId: string; name: string };
  /** The behaviours to choose from; with `focus` the plan is about that one (a queue item). */
  behaviours: { id: string; name: string }[];
  focus?: { behaviourId: string; name: string; leader: number; suggestedTarget: number };
  trigger: ReactNode;
  today: string;
};

/** Turns a queue item (or nothing: from scratch) into a coaching plan: focus, target, checklist, due date. */
export function PlanDialog(props: Props) {
  const [open, setOpen] = useState(false);
  const title = props.focus ? `Plan: ${props.rep.name} · ${props.focus.name}` : `New coaching plan for ${props.rep.name}`;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={props.trigger}
      title={title}
      description="What to work on, the score to reach, and the small steps to get there. The rep sees the plan and ticks the steps."
    >
      <PlanForm {...props} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function PlanForm({ slug, rep, behaviours, focus, today, onDone }: Props & { onDone: () => void }) {
  const [state, formAction] = useFormAction(createPlan.bind(null, slug), () => {
    toast.success(`Coaching plan created for ${rep.name}.`);
    onDone();
  });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="repUserId" value={rep.userId} />
      <FormAlert state={state} />
      {focus ? (
        <>
          <input type="hidden" name="behaviourId" value={focus.behaviourId} />
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
            {`Focus: ${focus.name} — your score now is ${focus.leader}.`}
          </p>
        </>
      ) : (
        <SelectField label="Focus behaviour" name="behaviourId" defaultValue={typed(state, "behaviourId")} error={fieldError(state, "behaviourId")}>
          <option value="">Choose a behaviour…</option>
          {behaviours.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Target score"
          name="targetScore"
          defaultValue={typed(state, "targetScore", String(focus?.suggestedTarget ?? 4))}
          error={fieldError(state, "targetScore")}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Due date (optional)"
          name="dueOn"
          type="date"
          min={today}
          defaultValue={typed(state, "dueOn")}
          error={fieldError(state, "dueOn")}
        />
      </div>
      <TextAreaField
        label="Actions, one per line"
        name="actions"
        rows={4}
        defaultValue={typed(state, "actions")}
        error={
          fieldError(state, "actions") ??
          Object.entries(state.status === "error" ? (state.fieldErrors ?? {}) : {}).find(([k]) => k.startsWith("actions."))?.[1]
        }
        placeholder={"Role-play the first two minutes of a call\nShadow a colleague on a discovery call"}
        hint={`Up to ${COACHING_LIMITS.actions} actions of ${COACHING_LIMITS.action} characters each.`}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Creating…">Create plan</SubmitButton>
      </div>
    </form>
  );
}
