"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/chain/outcome";
import { createRelationship, updateRelationship } from "@/lib/relationships/actions";
import { DEFAULT_CADENCE_DAYS, RELATIONSHIP_STATUS_LABEL, RELATIONSHIP_STATUSES } from "@/lib/relationships/rules";
import { RELATIONSHIP_LIMITS } from "@/lib/schemas/relationships";

type EditableRelationship = {
  id: string;
  departmentId: string;
  counterpartName: string;
  counterpartTitle: string | null;
  status: string;
  trust: number;
  priority: boolean;
  nextStep: string | null;
  nextStepDue: string | null;
  cadenceDays: number;
};

type Props = {
  slug: string;
  departments: { id: string; name: string }[];
  /** Absent: a new relationship. */
  relationship?: EditableRelationship;
  /** For a new one: tick "first relationship to develop" when the person has none yet. */
  suggestPriority?: boolean;
  trigger: ReactNode;
};

/** Add or edit a relationship, in a dialog that keeps everything typed when the server refuses. */
export function RelationshipFormDialog({ slug, departments, relationship, suggestPriority = false, trigger }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={relationship ? `Edit the relationship with ${relationship.counterpartName}` : "New relationship"}
      description={relationship ? undefined : "A peer in another department sales depends on. Start where it matters most."}
    >
      <RelationshipForm
        slug={slug}
        departments={departments}
        relationship={relationship}
        suggestPriority={suggestPriority}
        onDone={() => setOpen(false)}
      />
    </Dialog>
  );
}

function checked(state: ActionState, field: string, fallback: boolean): boolean {
  return state.status === "error" ? state.values?.[field] === "on" : fallback;
}

function RelationshipForm({ slug, departments, relationship, suggestPriority, onDone }: Omit<Props, "trigger"> & { onDone: () => void }) {
  const router = useRouter();
  const action = relationship ? updateRelationship.bind(null, slug) : createRelationship.bind(null, slug);
  const [state, formAction] = useFormAction<unknown>(action, (data) => {
    onDone();
    if (relationship) {
      toast.success("Relationship saved.");
    } else {
      toast.success("Relationship added.");
      const id = (data as { relationshipId?: string } | undefined)?.relationshipId;
      if (id) router.push(`/o/${slug}/relationships/${id}`);
    }
  });
  const r = relationship;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="-mx-1 max-h-[min(65vh,40rem)] space-y-4 overflow-y-auto px-1 pb-1">
        {r && <input type="hidden" name="relationshipId" value={r.id} />}
        <FormAlert state={state} />
        <SelectField
          key={`departmentId-${typed(state, "departmentId", r?.departmentId)}`}
          label="Department"
          name="departmentId"
          defaultValue={typed(state, "departmentId", r?.departmentId)}
          error={fieldError(state, "departmentId")}
          required
        >
          <option value="">Choose…</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Counterpart's name"
            name="counterpartName"
            defaultValue={typed(state, "counterpartName", r?.counterpartName)}
            error={fieldError(state, "counterpartName")}
            maxLength={RELATIONSHIP_LIMITS.name + 20}
            required
            autoFocus
          />
          <TextField
            label="Their title"
            name="counterpartTitle"
            defaultValue={typed(state, "counterpartTitle", r?.counterpartTitle ?? "")}
            error={fieldError(state, "counterpartTitle")}
            placeholder="e.g. Head of purchasing"
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            key={`status-${typed(state, "status", r?.status ?? "neutral")}`}
            label="Status"
            name="status"
            defaultValue={typed(state, "status", r?.status ?? "neutral")}
            error={fieldError(state, "status")}
          >
            {RELATIONSHIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {RELATIONSHIP_STATUS_LABEL[s]}
              </option>
            ))}
          </SelectField>
          <SelectField
            key={`trust-${typed(state, "trust", String(r?.trust ?? 3))}`}
            label="Trust (1-5)"
            name="trust"
            defaultValue={typed(state, "trust", String(r?.trust ?? 3))}
            error={fieldError(state, "trust")}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Contact every (days)"
            name="cadenceDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            defaultValue={typed(state, "cadenceDays", String(r?.cadenceDays ?? DEFAULT_CADENCE_DAYS))}
            error={fieldError(state, "cadenceDays")}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-[1fr_11rem]">
          <TextField
            label="Next step"
            name="nextStep"
            defaultValue={typed(state, "nextStep", r?.nextStep ?? "")}
            error={fieldError(state, "nextStep")}
            placeholder="e.g. Ask them to lunch"
          />
          <TextField
            label="Due"
            name="nextStepDue"
            type="date"
            defaultValue={typed(state, "nextStepDue", r?.nextStepDue ?? "")}
            error={fieldError(state, "nextStepDue")}
          />
        </div>
        <div className="flex items-start gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <input
            id={`priority-${r?.id ?? "new"}`}
            type="checkbox"
            name="priority"
            defaultChecked={checked(state, "priority", r?.priority ?? suggestPriority ?? false)}
            className="mt-1 h-4 w-4 accent-brand-600"
            aria-describedby={`priority-${r?.id ?? "new"}-help`}
          />
          <div>
            <label htmlFor={`priority-${r?.id ?? "new"}`} className="text-sm font-medium text-slate-900">
              The first relationship to develop
            </label>
            <p id={`priority-${r?.id ?? "new"}-help`} className="text-sm text-slate-600">
              One at a time: marking this one clears the mark from your others.
            </p>
          </div>
        </div>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Saving…">{relationship ? "Save relationship" : "Add relationship"}</SubmitButton>
      </div>
    </form>
  );
}
