"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import type { MeasureUnit } from "@/lib/results/values";
import { addMeasure, archiveMeasure, chooseMainMeasure, editMeasure, restoreMeasure } from "@/lib/results/measure-actions";
import { unitLabel } from "@/lib/results/values";
import { MeasureFields } from "./measure-fields";

type Measure = {
  id: string;
  name: string;
  unit: MeasureUnit;
  currencyCode: string | null;
  higherIsBetter: boolean;
  isMain: boolean;
  archived: boolean;
};

/** The organisation's measures: add, edit, archive (asked first) or restore, and choose the main one. */
export function MeasuresPanel({ slug, measures }: { slug: string; measures: Measure[] }) {
  const { run, pending } = useActionRunner();
  const [formKey, setFormKey] = useState(0);
  const [state, formAction] = useFormAction(addMeasure.bind(null, slug), () => {
    toast.success("Measure added.");
    setFormKey((k) => k + 1);
  });
  return (
    <div className="space-y-6">
      {measures.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          No measures yet. Most sales teams start with quota attainment (percent), revenue (currency) and win rate (percent).
        </p>
      ) : (
        <ul aria-label="Measures" className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {measures.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5 text-sm">
              <span className="min-w-0">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={m.archived ? "font-medium text-slate-600" : "font-medium text-slate-900"}>{m.name}</span>
                  {m.isMain && <Badge tone="blue">Main measure</Badge>}
                  {m.archived && <Badge>Archived</Badge>}
                </span>
                <span className="block text-xs text-slate-500">
                  {unitLabel(m)} · {m.higherIsBetter ? "higher is better" : "lower is better"}
                </span>
              </span>
              <span className="flex flex-wrap gap-1">
                {!m.archived && (
                  <>
                    <EditMeasure slug={slug} measure={m} />
                    {!m.isMain && (
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        aria-label={`Make ${m.name} the main measure`}
                        onClick={() => run(() => chooseMainMeasure(slug, { measureId: m.id }), `${m.name} is now the main measure.`)}
                      >
                        Make main
                      </Button>
                    )}
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Archive ${m.name}`}>
                          Archive
                        </Button>
                      }
                      title={`Archive ${m.name}?`}
                      description={`No new values of ${m.name} can be entered, uploaded or sent through the API. Its values so far stay, and you can restore it.${m.isMain ? " It also stops being the main measure." : ""}`}
                      confirmLabel="Archive measure"
                      onConfirm={() => run(() => archiveMeasure(slug, { measureId: m.id }), `${m.name} archived.`)}
                    />
                  </>
                )}
                {m.archived && (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    aria-label={`Restore ${m.name}`}
                    onClick={() => run(() => restoreMeasure(slug, { measureId: m.id }), `${m.name} restored.`)}
                  >
                    Restore
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        key={formKey}
        action={formAction}
        className="space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
        noValidate
        aria-label="Add a measure"
      >
        <h3 className="text-sm font-semibold text-slate-900">Add a measure</h3>
        <FormAlert state={state} />
        <MeasureFields state={state} />
        <SubmitButton pendingLabel="Adding…">Add measure</SubmitButton>
      </form>
    </div>
  );
}

function EditMeasure({ slug, measure }: { slug: string; measure: Measure }) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useFormAction(editMeasure.bind(null, slug), () => {
    toast.success("Measure saved.");
    setOpen(false);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${measure.name}`}
      description="Renaming keeps every value. Changing the unit does not convert values already entered."
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit ${measure.name}`}>
          Edit
        </Button>
      }
    >
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="measureId" value={measure.id} />
        <FormAlert state={state} />
        <MeasureFields state={state} initial={measure} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <SubmitButton>Save measure</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
