"use client";

import { useOptimistic, useState, useTransition } from "react";
import { toast } from "sonner";
import { formatDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert, fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { addPlanAction, removePlanAction, setPlanActionDone, updatePlan } from "@/lib/coaching/actions";
import { PLAN_STATUSES, PLAN_STATUS_LABEL, type PlanStatus } from "@/lib/coaching/plans";

type PlanView = {
  id: string;
  behaviourName: string;
  targetScore: number;
  dueOn: string | null;
  status: PlanStatus;
  then: { score: number; cycleName: string | null } | null;
  now: { score: number; cycleName: string } | null;
  progress: { change: number | null; reached: boolean };
  actions: { id: string; description: string; done: boolean }[];
};

const PLAN_STATUS_TONE: Record<PlanStatus, "blue" | "green" | "neutral"> = { active: "blue", done: "green", dropped: "neutral" };

type Props = { slug: string; plan: PlanView; today: string; canEdit: boolean; canTick: boolean };

/** One coaching plan: focus, target, score then and now, the checklist (ticked by the rep), and a coach's edits. */
export function PlanCard({ slug, plan, today, canEdit, canTick }: Props) {
  const { run, pending } = useActionRunner();
  // A tick shows at once; it settles to the saved state when the action returns (or reverts on a refusal).
  const [actions, toggle] = useOptimistic(plan.actions, (list, id: string) => list.map((a) => (a.id === id ? { ...a, done: !a.done } : a)));
  const [ticking, startTick] = useTransition();
  const tick = (action: { id: string; done: boolean }) =>
    startTick(async () => {
      toggle(action.id);
      const result = await setPlanActionDone(slug, { planId: plan.id, actionId: action.id, done: !action.done });
      if (result.status === "ok") toast.success(action.done ? "Action reopened." : "Action done.");
      else if (result.status === "error") toast.error(result.message);
    });
  const overdue = plan.status === "active" && plan.dueOn !== null && plan.dueOn < today;
  const done = actions.filter((a) => a.done).length;
  return (
    <article aria-label={`Plan: ${plan.behaviourName}`} className="rounded-lg bg-white p-5 ring-1 ring-slate-200 print:break-inside-avoid">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-base font-semibold text-slate-900">{plan.behaviourName}</h3>
          <p className="mt-0.5 text-sm text-slate-600">
            {`Target ${plan.targetScore} of 5`}
            {plan.dueOn ? ` · due ${formatDay(plan.dueOn)}` : " · no due date"}
          </p>
        </div>
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone={PLAN_STATUS_TONE[plan.status]}>{PLAN_STATUS_LABEL[plan.status]}</Badge>
          {overdue && <Badge tone="red">Overdue</Badge>}
          {canEdit && <EditPlanDialog slug={slug} plan={plan} />}
        </span>
      </header>

      <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
        <Score label="Score then" value={plan.then?.score ?? null} note={plan.then?.cycleName ?? null} />
        <Score label="Score now" value={plan.now?.score ?? null} note={plan.now ? plan.now.cycleName : "next cycle"} />
        <Score
          label="Target"
          value={plan.targetScore}
          note={
            plan.progress.reached
              ? "reached"
              : plan.progress.change !== null
                ? `${plan.progress.change >= 0 ? "+" : "\u2212"}${Math.abs(plan.progress.change)} so far`
                : null
          }
        />
      </dl>

      <div className="mt-4">
        <h4 className="text-sm font-medium text-slate-900">{`Actions (${done} of ${actions.length} done)`}</h4>
        {actions.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No actions yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {actions.map((a) => (
              <li key={a.id} className="flex items-start gap-3 py-2 text-sm">
                <input
                  type="checkbox"
                  id={`plan-action-${a.id}`}
                  checked={a.done}
                  disabled={!canTick || pending || ticking}
                  onChange={() => tick(a)}
                  className="mt-0.5 h-4 w-4 accent-brand-600"
                />
                <label
                  htmlFor={`plan-action-${a.id}`}
                  className={a.done ? "flex-1 text-slate-600 line-through decoration-slate-400" : "flex-1 text-slate-900"}
                >
                  {a.description}
                </label>
                {canEdit && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove action: ${a.description}`} className="print:hidden">
                        Remove
                      </Button>
                    }
                    title="Remove this action?"
                    description={`“${a.description}” leaves the plan's checklist.`}
                    confirmLabel="Remove action"
                    onConfirm={() => run(() => removePlanAction(slug, { planId: plan.id, actionId: a.id }), "Action removed.")}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && <AddActionForm slug={slug} planId={plan.id} />}
      </div>
    </article>
  );
}

function Score({ label, value, note }: { label: string; value: number | null; note: string | null }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5">
        <span className="text-lg font-semibold text-slate-900 tabular-nums">{value ?? "—"}</span>
        {note && <span className="block text-xs text-slate-600">{note}</span>}
      </dd>
    </div>
  );
}

function AddActionForm({ slug, planId }: { slug: string; planId: string }) {
  const [key, setKey] = useState(0);
  const [state, formAction] = useFormAction(addPlanAction.bind(null, slug), () => {
    toast.success("Action added.");
    setKey((k) => k + 1);
  });
  return (
    <form key={key} action={formAction} className="mt-3 flex items-start gap-2 print:hidden" noValidate>
      <input type="hidden" name="planId" value={planId} />
      <TextField
        label="New action"
        name="description"
        defaultValue={typed(state, "description")}
        error={fieldError(state, "description")}
        className="flex-1"
      />
      <SubmitButton variant="secondary" className="mt-7" pendingLabel="Adding…">
        Add
      </SubmitButton>
    </form>
  );
}

function EditPlanDialog({ slug, plan }: { slug: string; plan: PlanView }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit plan: ${plan.behaviourName}`} className="print:hidden">
          Edit
        </Button>
      }
      title={`Edit plan: ${plan.behaviourName}`}
      description="Mark it done when the target is reached, or dropped when it no longer fits."
    >
      <EditPlanForm slug={slug} plan={plan} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function EditPlanForm({ slug, plan, onDone }: { slug: string; plan: PlanView; onDone: () => void }) {
  const [state, formAction] = useFormAction(updatePlan.bind(null, slug), () => {
    toast.success("Plan saved.");
    onDone();
  });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="planId" value={plan.id} />
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Status" name="status" defaultValue={typed(state, "status", plan.status)} error={fieldError(state, "status")}>
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PLAN_STATUS_LABEL[s]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Target score"
          name="targetScore"
          defaultValue={typed(state, "targetScore", String(plan.targetScore))}
          error={fieldError(state, "targetScore")}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Due date"
          name="dueOn"
          type="date"
          defaultValue={typed(state, "dueOn", plan.dueOn ?? "")}
          error={fieldError(state, "dueOn")}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton>Save plan</SubmitButton>
      </div>
    </form>
  );
}
