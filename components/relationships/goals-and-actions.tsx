"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, typed } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionRunner } from "@/components/ui/use-action";
import { useFormAction } from "@/components/ui/use-form-action";
import { addGoal, setActionDone, setGoalAchieved } from "@/lib/relationships/actions";
import type { RelationshipPage } from "@/lib/relationships/loaders";
import { ACTION_OWNER_LABEL } from "@/lib/relationships/rules";
import { ActionDialog } from "./action-dialog";
import { formatDay } from "@/lib/format";

/** "What are our joint goals?": each open or achieved, toggled in place. */
export function Goals({ slug, relationshipId, goals }: { slug: string; relationshipId: string; goals: RelationshipPage["goals"] }) {
  const { run, pending } = useActionRunner();
  const [state, formAction] = useFormAction(addGoal.bind(null, slug), () => {
    toast.success("Joint goal added.");
  });
  return (
    <div className="space-y-4">
      {goals.length === 0 ? (
        <p className="text-sm text-slate-600">None yet. Sit down together and ask: what are our joint goals?</p>
      ) : (
        <ul className="space-y-2">
          {goals.map((g) => {
            const achieved = g.achievedAt !== null;
            return (
              <li key={g.id} className="flex items-start justify-between gap-3 text-sm">
                <span className={achieved ? "text-slate-600 line-through decoration-slate-400" : "text-slate-900"}>{g.text}</span>
                <span className="flex shrink-0 items-center gap-2">
                  <Badge tone={achieved ? "green" : "neutral"}>{achieved ? "Achieved" : "Open"}</Badge>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    aria-label={achieved ? `Reopen goal: ${g.text}` : `Mark goal achieved: ${g.text}`}
                    onClick={() =>
                      run(
                        () => setGoalAchieved(slug, { relationshipId, goalId: g.id, achieved: !achieved }),
                        achieved ? "Goal reopened." : "Goal achieved.",
                      )
                    }
                  >
                    {achieved ? "Reopen" : "Mark achieved"}
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form action={formAction} className="flex items-start gap-2" noValidate>
        <input type="hidden" name="relationshipId" value={relationshipId} />
        <TextField
          label="New joint goal"
          name="text"
          defaultValue={typed(state, "text")}
          error={fieldError(state, "text")}
          className="flex-1"
          placeholder="e.g. No order shipped before credit is approved"
        />
        <SubmitButton variant="secondary" className="mt-7" pendingLabel="Adding…">
          Add goal
        </SubmitButton>
      </form>
    </div>
  );
}

type ActionsProps = { slug: string; relationshipId: string; counterpart: string; today: string; actions: RelationshipPage["actions"] };

/** Small actions: open ones first by due date, overdue flagged; done ones after. */
export function SmallActions({ slug, relationshipId, counterpart, today, actions }: ActionsProps) {
  const { run, pending } = useActionRunner();
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-4">
      {actions.length === 0 ? (
        <p className="text-sm text-slate-600">None yet. Turn a friction point from the log into one, or add one here.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {actions.map((a) => {
            const done = a.doneAt !== null;
            return (
              <li key={a.id} className="flex items-start gap-3 py-2.5 text-sm">
                <input
                  type="checkbox"
                  id={`action-${a.id}`}
                  checked={done}
                  disabled={pending}
                  onChange={() =>
                    run(() => setActionDone(slug, { relationshipId, actionId: a.id, done: !done }), done ? "Action reopened." : "Action done.")
                  }
                  className="mt-0.5 h-4 w-4 accent-brand-600"
                />
                <div className="min-w-0 flex-1">
                  <label htmlFor={`action-${a.id}`} className={done ? "text-slate-600 line-through decoration-slate-400" : "text-slate-900"}>
                    {a.description}
                  </label>
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <Badge tone={a.owner === "us" ? "blue" : "neutral"}>{`Owner: ${ACTION_OWNER_LABEL[a.owner]}`}</Badge>
                    {a.overdue ? (
                      <Badge tone="red">{`Overdue since ${formatDay(a.dueOn)}`}</Badge>
                    ) : (
                      <span>{done ? "Done" : `Due ${formatDay(a.dueOn)}`}</span>
                    )}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <ActionDialog
        slug={slug}
        relationshipId={relationshipId}
        counterpart={counterpart}
        today={today}
        open={open}
        onOpenChange={setOpen}
        trigger={<Button variant="secondary">Add a small action</Button>}
      />
    </div>
  );
}
