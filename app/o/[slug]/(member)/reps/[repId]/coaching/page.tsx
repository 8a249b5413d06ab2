import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { NewNoteForm, NoteList } from "@/components/coaching/notes";
import { PlanCard } from "@/components/coaching/plan-card";
import { PlanDialog } from "@/components/coaching/plan-dialog";
import { QueueItemRow } from "@/components/coaching/queue-item";
import { formatDay } from "@/lib/format";
import { ReportLink } from "@/components/reports/report-link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadRepCoaching } from "@/lib/coaching/loaders";
import { scoresAwaitSharingNote } from "@/lib/coaching/plans";

export const metadata: Metadata = { title: "Coaching" };

export default async function RepCoachingPage({ params }: { params: Promise<{ slug: string; repId: string }> }) {
  const { slug, repId } = await params;
  const page = await loadRepCoaching(slug, { repId });
  const base = `/o/${page.slug}`;
  const active = page.plans.filter((p) => p.status === "active");
  const finished = page.plans.filter((p) => p.status !== "active");

  if (page.viewerIsRep) {
    return (
      <div className="space-y-6">
        <PageHeader
          title="My coaching"
          description="Your coaching plans and the notes your leader shared with you after your 1:1s."
          actions={
            <>
              <Link href={`${base}/reps/${page.rep.userId}`} className={buttonClasses("secondary")}>
                My results
              </Link>
              <ReportLink slug={page.slug} repId={page.rep.userId} className={buttonClasses("secondary")}>
                Print my report
              </ReportLink>
            </>
          }
        />
        <Panel
          title="Active plans"
          description={["Tick each action when you have done it.", scoresAwaitSharingNote(active)].filter(Boolean).join(" ")}
        >
          {active.length === 0 ? (
            <p className="text-sm text-slate-600">No active plan. Your leader sets one up with you after a 1:1.</p>
          ) : (
            <div className="space-y-4">
              {active.map((plan) => (
                <PlanCard key={plan.id} slug={page.slug} plan={plan} today={page.today} canEdit={false} canTick />
              ))}
            </div>
          )}
        </Panel>
        {finished.length > 0 && (
          <Panel title="Finished plans">
            <div className="space-y-4">
              {finished.map((plan) => (
                <PlanCard key={plan.id} slug={page.slug} plan={plan} today={page.today} canEdit={false} canTick={false} />
              ))}
            </div>
          </Panel>
        )}
        <Panel title="Notes from your 1:1s">
          <NoteList
            slug={page.slug}
            notes={page.notes}
            repName={page.rep.name}
            behaviours={[]}
            today={page.today}
            emptyText="No notes shared with you yet."
          />
        </Panel>
      </div>
    );
  }

  const { coach, rep } = page;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/coaching`} className="text-brand-700 hover:underline">
          ← Coaching queue
        </Link>
      </nav>
      <PageHeader
        title={rep.name}
        description={`${coach.teamName ?? "No team"} · coaching plans and 1:1 notes`}
        actions={
          <>
            <Link href={`${base}/reps/${rep.userId}`} className={buttonClasses("secondary")}>
              Baseline
            </Link>
            <ReportLink slug={page.slug} repId={rep.userId} className={buttonClasses("secondary")}>
              Printable report
            </ReportLink>
            {coach.canCoach && (
              <PlanDialog slug={page.slug} rep={rep} behaviours={coach.behaviours} today={page.today} trigger={<Button>New plan</Button>} />
            )}
          </>
        }
      />

      <section aria-label="Summary" className="grid gap-4 sm:grid-cols-3">
        <Fact label="Last 1:1">
          <span className="block font-medium text-slate-900">{coach.oneOnOne.lastNoteOn ? formatDay(coach.oneOnOne.lastNoteOn) : "None yet"}</span>
          {coach.oneOnOne.overdue ? (
            <Badge tone="red">{`Overdue: next was due ${formatDay(coach.oneOnOne.dueOn)}`}</Badge>
          ) : (
            <span className="text-sm text-slate-600">{`Next by ${formatDay(coach.oneOnOne.dueOn)}`}</span>
          )}
          <span className="mt-1 block text-xs text-slate-600">{`Every ${coach.cadenceDays} days`}</span>
        </Fact>
        <Fact label="Active plans">
          <span className="text-2xl font-semibold text-slate-900 tabular-nums">{active.length}</span>
        </Fact>
        <Fact label="Cycle">
          <span className="block font-medium text-slate-900">{coach.cycle?.name ?? "None open"}</span>
          <span className="text-sm text-slate-600">{coach.selfVisible ? "Self-assessment submitted" : "Self-assessment not submitted yet"}</span>
        </Fact>
      </section>

      <Panel
        title="Coach on this next"
        description={
          coach.selfVisible
            ? "Your lowest score first, then blind spots, then the largest gap (self minus yours)."
            : `${rep.name}'s self ratings appear once they submit the self-assessment; until then this ranks by your scores.`
        }
      >
        {coach.items.length === 0 ? (
          <p className="text-sm text-slate-600">
            {coach.cycle ? `Rate ${rep.name} in ${coach.cycle.name} to see what to coach on.` : "No cycle is open."}
          </p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {coach.items.map((item, i) => (
              <QueueItemRow
                key={item.behaviourId}
                slug={page.slug}
                rep={rep}
                item={item}
                rank={i + 1}
                today={page.today}
                planLabel={coach.canCoach ? `Make a plan: ${item.name}` : undefined}
                className="py-2.5"
              />
            ))}
          </ol>
        )}
      </Panel>

      <Panel title="Coaching plans" description="Score then is your rating when the plan started; score now your rating in the latest later cycle.">
        {page.plans.length === 0 ? (
          <EmptyState title="No plans yet">Turn an item above into a plan, or start one from scratch with “New plan”.</EmptyState>
        ) : (
          <div className="space-y-4">
            {[...active, ...finished].map((plan) => (
              <PlanCard
                key={plan.id}
                slug={page.slug}
                plan={plan}
                today={page.today}
                canEdit={coach.canCoach}
                canTick={coach.canCoach && plan.status === "active"}
              />
            ))}
          </div>
        )}
      </Panel>

      <Panel title="1:1 notes" description={`Private notes are yours alone. Shared notes are what ${rep.name} reads on their coaching page.`}>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          {coach.canCoach && (
            <div>
              <h3 className="mb-3 text-sm font-semibold text-slate-900">New note</h3>
              <NewNoteForm slug={page.slug} rep={rep} behaviours={coach.behaviours} today={page.today} agenda={coach.agenda} />
            </div>
          )}
          <div className={coach.canCoach ? undefined : "lg:col-span-2"}>
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Notes</h3>
            <NoteList
              slug={page.slug}
              notes={page.notes}
              repName={rep.name}
              behaviours={coach.behaviours}
              today={page.today}
              emptyText="No notes you can read yet."
            />
          </div>
        </div>
      </Panel>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</p>
      <div className="mt-1">{children}</div>
    </div>
  );
}
