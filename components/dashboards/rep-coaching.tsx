import Link from "next/link";
import { formatDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/page-header";
import { scoresAwaitSharingNote } from "@/lib/coaching/plans";
import type { Dashboard } from "@/lib/dashboards/loaders";

type Coaching = Extract<Dashboard, { role: "rep" }>["coaching"];

const myCoaching = (slug: string, repId: string) => `/o/${slug}/reps/${repId}/coaching`;

/** The rep's active plans: focus, target and due date, scores then and now (only once shared), the checklist. */
export function RepPlansPanel({ slug, coaching }: { slug: string; coaching: Coaching }) {
  const { plans, today } = coaching;
  const awaitingSharing = scoresAwaitSharingNote(plans);
  return (
    <Panel
      title={plans.length > 1 ? "Your coaching plans" : "Your coaching plan"}
      description={
        plans.length > 0 && (
          <>
            {awaitingSharing && `${awaitingSharing} `}
            <Link href={myCoaching(slug, coaching.repId)} className="font-medium text-brand-700 underline">
              Tick off actions on My coaching
            </Link>
            .
          </>
        )
      }
    >
      {plans.length === 0 ? (
        <p className="text-sm text-slate-600">
          No active plan yet. Your leader sets one up with you after a 1:1, on the behaviour you agree to work on.
        </p>
      ) : (
        <div className="space-y-4">
          {plans.map((plan) => {
            const done = plan.actions.filter((a) => a.done).length;
            const overdue = plan.dueOn !== null && plan.dueOn < today;
            return (
              <article
                key={plan.id}
                aria-labelledby={`plan-${plan.id}`}
                className="rounded-lg p-4 ring-1 ring-slate-200"
                data-testid="dashboard-plan"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h3 id={`plan-${plan.id}`} className="font-semibold text-slate-900">
                      {plan.behaviourName}
                    </h3>
                    <p className="text-sm text-slate-600">
                      {`Target ${plan.targetScore} of 5 · `}
                      {plan.dueOn ? `due ${formatDay(plan.dueOn)}` : "no due date"}
                    </p>
                  </div>
                  {overdue && <Badge tone="red">Overdue</Badge>}
                </div>
                <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                  <PlanFigure label="Score then" value={plan.then?.score ?? null} note={plan.then?.cycleName ?? null} />
                  <PlanFigure label="Score now" value={plan.now?.score ?? null} note={plan.now?.cycleName ?? "next cycle"} />
                  <PlanFigure label="Progress" value={`${done} of ${plan.actions.length}`} note="actions done" />
                </dl>
                {plan.actions.length === 0 ? (
                  <p className="mt-3 text-sm text-slate-600">No actions yet: agree on the first one with your leader.</p>
                ) : (
                  <ul className="mt-3 space-y-1.5 text-sm" aria-label={`Actions of the plan ${plan.behaviourName}`}>
                    {plan.actions.map((a) => (
                      <li key={a.id} className="flex items-start gap-2">
                        <span aria-hidden className={a.done ? "text-emerald-700" : "text-slate-400"}>
                          {a.done ? "✓" : "○"}
                        </span>
                        <span className={a.done ? "text-slate-600 line-through decoration-slate-400" : "text-slate-900"}>{a.description}</span>
                        <span className="sr-only">{a.done ? "(done)" : "(to do)"}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            );
          })}
        </div>
      )}
    </Panel>
  );
}

function PlanFigure({ label, value, note }: { label: string; value: number | string | null; note: string | null }) {
  return (
    <div className="rounded-md bg-slate-50 px-2.5 py-2 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="font-semibold text-slate-900 tabular-nums">{value ?? "—"}</dd>
      {note && <dd className="text-xs text-slate-600">{note}</dd>}
    </div>
  );
}

/** The latest notes the rep's leader shared after their 1:1s (private notes are never loaded for a rep). */
export function RepNotesPanel({ slug, coaching }: { slug: string; coaching: Coaching }) {
  const { notes } = coaching;
  return (
    <Panel title="Notes from your 1:1s" description="What your leader shared with you after your latest 1:1s.">
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">No notes shared with you yet. After a 1:1, your leader can share their notes with you here.</p>
      ) : (
        <ul className="space-y-4" aria-label="Shared 1:1 notes">
          {notes.map((n) => (
            <li key={n.id} className="rounded-lg p-4 ring-1 ring-slate-200">
              <p className="text-sm font-semibold text-slate-900">{formatDay(n.heldOn)}</p>
              <p className="text-xs text-slate-600">{`Written by ${n.authorName}`}</p>
              {n.behaviours.length > 0 && (
                <p className="mt-2 flex flex-wrap gap-1.5">
                  {n.behaviours.map((b) => (
                    <Badge key={b.id}>{b.name}</Badge>
                  ))}
                </p>
              )}
              <p className="mt-2 text-sm leading-relaxed whitespace-pre-wrap text-slate-800">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {(coaching.moreNotes || notes.length > 0) && (
        <p className="mt-4 text-sm">
          <Link href={myCoaching(slug, coaching.repId)} className="font-medium text-brand-700 underline">
            {coaching.moreNotes ? "All your notes on My coaching" : "Your plans and notes on My coaching"}
          </Link>
        </p>
      )}
    </Panel>
  );
}
