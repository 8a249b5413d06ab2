import Link from "next/link";
import { ItemScores, LabelBadge, SelfComment } from "@/components/coaching/labels";
import { formatDay } from "@/lib/format";
import { Panel } from "@/components/ui/page-header";
import type { Dashboard } from "@/lib/dashboards/loaders";

type Coaching = Extract<Dashboard, { role: "leader" }>["coaching"];

const coachingHref = (slug: string, repId: string) => `/o/${slug}/reps/${repId}/coaching`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The coaching queue's top items across the leader's reps, with the way to the whole queue. */
export function CoachNextPanel({ slug, coaching }: { slug: string; coaching: Coaching }) {
  const { topItems, cycleName } = coaching;
  return (
    <section aria-labelledby="coach-next-heading" className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="coach-next-heading" className="text-base font-semibold text-slate-900">
          Coach on this next{cycleName && ` · ${cycleName}`}
        </h2>
        <Link href={`/o/${slug}/coaching`} className="text-sm font-medium text-brand-700 hover:underline">
          See the whole queue
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        Your lowest scores first, then blind spots, then the largest gap (the rep&rsquo;s self rating minus yours). A rep&rsquo;s self rating shows
        once they submit.
      </p>
      {!cycleName ? (
        <p className="mt-4 text-sm text-slate-600">
          No cycle is open. Once an admin opens one and you rate your reps, what to coach on next appears here.
        </p>
      ) : topItems.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          Nothing to coach on yet:{" "}
          <Link href={`/o/${slug}/grid`} className="font-medium text-brand-700 underline">
            rate your reps on the grid
          </Link>{" "}
          and their lowest scores appear here.
        </p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100" aria-label="Top coaching items">
          {topItems.map((item, i) => (
            <li key={`${item.repId}:${item.behaviourId}`} className="py-2.5" data-testid="coach-next-item">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-900">
                <span className="text-slate-500 tabular-nums">{i + 1}.</span>
                <span className="font-medium" data-testid="coach-next-behaviour">
                  {item.behaviourName}
                </span>
                <LabelBadge label={item.label} />
              </p>
              <p className="mt-0.5 pl-5 text-xs text-slate-600">
                <Link href={coachingHref(slug, item.repId)} className="text-sm font-medium text-brand-700 hover:underline">
                  {item.repName}
                </Link>
                {" · "}
                <span data-testid="coach-next-scores">
                  <ItemScores leader={item.leader} self={item.self} gap={item.gap} />
                </span>
              </p>
              <SelfComment comment={item.selfComment} className="mt-1 max-w-prose pl-5 text-xs break-words whitespace-pre-line text-slate-700" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Nobody is overdue: why, in words that do not claim 1:1s that were never held. */
function noneOverdue(repCount: number, neverMet: number, cadenceDays: number): string {
  if (repCount === 0) return "No reps in your teams yet.";
  if (neverMet === 0) return `Everyone has had a 1:1 in the last ${cadenceDays} days. Nicely done.`;
  if (neverMet === repCount) return `No 1:1 recorded yet. None is due: each rep's first falls ${cadenceDays} days after they joined.`;
  return `Nobody is overdue. ${neverMet} of ${repCount} reps have had no 1:1 yet; each one's first falls ${cadenceDays} days after they joined.`;
}

/** Reps whose last 1:1 is longer ago than the cadence (or who never had one). */
export function OverdueOneOnOnesPanel({ slug, coaching }: { slug: string; coaching: Coaching }) {
  const { overdueOneOnOnes: overdue, cadenceDays } = coaching;
  return (
    <Panel
      title={`Overdue for a 1:1 (${overdue.count})`}
      description={`A 1:1 every ${cadenceDays} days, counted from the last 1:1 note (or from when the rep joined).`}
    >
      {overdue.count === 0 ? (
        <p className="text-sm text-slate-600">{noneOverdue(coaching.repCount, overdue.neverMet, cadenceDays)}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label="Reps overdue for a 1:1">
            {overdue.reps.map((rep) => (
              <li key={rep.userId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2 text-sm">
                <Link href={coachingHref(slug, rep.userId)} className="font-medium text-slate-900 hover:underline">
                  {rep.name}
                </Link>
                <span className="text-red-700 tabular-nums">
                  {rep.lastNoteOn ? `Last 1:1 ${plural(rep.daysSince, "day", "days")} ago (${formatDay(rep.lastNoteOn)})` : "Never had a 1:1"}
                </span>
              </li>
            ))}
          </ul>
          {overdue.count > overdue.reps.length && (
            <p className="mt-2 text-sm text-slate-600">
              {`And ${overdue.count - overdue.reps.length} more: `}
              <Link href={`/o/${slug}/coaching`} className="font-medium text-brand-700 underline">
                see the queue
              </Link>
              .
            </p>
          )}
        </>
      )}
    </Panel>
  );
}

/** Open checklist items of the reps' active plans, past the plan's due date. */
export function OverduePlanActionsPanel({ slug, coaching }: { slug: string; coaching: Coaching }) {
  const { overdueActions: overdue } = coaching;
  return (
    <Panel title={`Overdue plan actions (${overdue.count})`} description="Actions not ticked off on active coaching plans past their due date.">
      {overdue.count === 0 ? (
        <p className="text-sm text-slate-600">No plan action is past its due date.</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label="Overdue plan actions">
            {overdue.actions.map((a) => (
              <li key={a.id} className="py-2 text-sm">
                <Link href={coachingHref(slug, a.repId)} className="font-medium text-slate-900 hover:underline">
                  {a.description}
                </Link>
                <p className="text-slate-600">
                  {`${a.repName} · plan: ${a.planName} · `}
                  <span className="text-red-700">{`due ${formatDay(a.dueOn)}`}</span>
                </p>
              </li>
            ))}
          </ul>
          {overdue.count > overdue.actions.length && (
            <p className="mt-2 text-sm text-slate-600">{`And ${overdue.count - overdue.actions.length} more on your reps' coaching pages.`}</p>
          )}
        </>
      )}
    </Panel>
  );
}
