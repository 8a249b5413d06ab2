"use client";

import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { addBehaviour, editBehaviour } from "@/lib/framework/actions";
import { BEHAVIOUR_LIMITS } from "@/lib/framework/rules";
import type { BehaviourView } from "./types";

const ANCHORS = [
  { field: "level1", label: "What a 1 looks like", placeholder: "What someone who rarely shows this behaviour actually does." },
  { field: "level3", label: "What a 3 looks like", placeholder: "What someone who shows it most of the time does." },
  { field: "level5", label: "What a 5 looks like", placeholder: "What someone others could learn from does." },
] as const;

/**
 * The add and edit form for a behaviour, in a dialog. The dialog stays open with everything typed when the
 * server refuses, and closes with a toast when it saves.
 */
export function BehaviourFormDialog({ slug, behaviour, trigger }: { slug: string; behaviour?: BehaviourView; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={behaviour ? `Edit ${behaviour.name}` : "Add a behaviour"}
      description="Describe what people at each level do, not how good they are: two leaders should give the same score."
    >
      {/* Mounted only while open, so each opening starts from the saved values. */}
      <BehaviourForm slug={slug} behaviour={behaviour} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function BehaviourForm({ slug, behaviour, onDone }: { slug: string; behaviour?: BehaviourView; onDone: () => void }) {
  const action = behaviour ? editBehaviour.bind(null, slug) : addBehaviour.bind(null, slug);
  const [state, formAction] = useFormAction<unknown>(action, (_data, form) => {
    toast.success(behaviour ? "Behaviour saved." : `${String(form.get("name")).trim()} added to the framework.`);
    onDone();
  });
  const limit = `Up to ${BEHAVIOUR_LIMITS.text} characters.`;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="-mx-1 max-h-[min(60vh,36rem)] space-y-4 overflow-y-auto px-1 pb-1">
        {behaviour && <input type="hidden" name="behaviourId" value={behaviour.id} />}
        <FormAlert state={state} />
        <TextField
          label="Name"
          name="name"
          defaultValue={typed(state, "name", behaviour?.name)}
          error={fieldError(state, "name")}
          hint={`Up to ${BEHAVIOUR_LIMITS.name} characters, e.g. “Prospecting”.`}
          required
          autoFocus
        />
        <TextAreaField
          label="Description"
          name="description"
          rows={2}
          defaultValue={typed(state, "description", behaviour?.description)}
          error={fieldError(state, "description")}
          hint={`One sentence. ${limit}`}
          required
        />
        {ANCHORS.map((anchor) => (
          <TextAreaField
            key={anchor.field}
            label={anchor.label}
            name={anchor.field}
            rows={2}
            placeholder={anchor.placeholder}
            defaultValue={typed(state, anchor.field, behaviour?.[anchor.field])}
            error={fieldError(state, anchor.field)}
            hint={limit}
            required
          />
        ))}
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Saving…">{behaviour ? "Save behaviour" : "Add behaviour"}</SubmitButton>
      </div>
    </form>
  );
}
