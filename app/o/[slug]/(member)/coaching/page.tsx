import type { Metadata } from "next";
import Link from "next/link";
import { GapBasisSwitch, RepTendency, ScaleItem } from "@/components/coaching/gap-basis";
import { LabelLegend } from "@/components/coaching/labels";
import { QueueItemRow } from "@/components/coaching/queue-item";
import { OrganisationRollupTable, ROLLUP_RULE, TeamRollupTable } from "@/components/coaching/rollups";
import { formatDay } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { TeamFilter } from "@/components/ui/team-filter";
import { loadCoachingQueue, ROLLUP_TEAMS_AT_ONCE } from "@/lib/coaching/loaders";

export const metadata: Metadata = { title: "Coaching queue" };

export default async function CoachingQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { team, all, gaps } = await searchParams;
  const page = await loadCoachingQueue(slug, {
    team: typeof team === "string" ? team : undefined,
    all: all === "1" ? "1" : undefined,
    gaps: gaps === "raw" || gaps === "relative" ? gaps : undefined,
  });
  const base = `/o/${page.slug}`;
  const queueHref = (params: Record<string, string>) =>
    `${base}/coaching?${new URLSearchParams({ ...(page.team && { team: page.team }), ...(all === "1" && { all: "1" }), gaps: page.basis, ...params })}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Coaching queue"
        description={
          page.cycle
            ? `What to coach on next, from the gaps between each rep's self-assessment and your ratings in ${page.cycle.name}.`
            : "What to coach on next, from the gaps between each rep's self-assessment and your ratings."
        }
        actions={
          <>
            {page.teams.length > 1 && (
              <TeamFilter teams={page.teams} team={page.team} submitLabel="Show" className="flex items-end gap-2" selectClassName="w-44" />
            )}
            <Link href={`${base}/calibration`} className={buttonClasses("secondary")}>
              How leaders rate
            </Link>
          </>
        }
      />

      {!page.cycle ? (
        <EmptyState title="No open cycle">The queue fills once a cycle is open and you have rated your reps.</EmptyState>
      ) : (
        <>
          <Panel
            title="What the labels mean"
            description={
              <>
                {"Gap = the rep's self rating minus yours. "}
                {page.isAdmin ? (
                  <Link href={`${base}/settings#coaching`} className="text-brand-700 underline">
                    The thresholds are set in the organisation settings.
                  </Link>
                ) : (
                  "Your admin sets the thresholds."
                )}
              </>
            }
          >
            <GapBasisSwitch basis={page.basis} hrefOf={(basis) => queueHref({ gaps: basis })} />
            <LabelLegend legend={page.legend} />
          </Panel>

          <section aria-labelledby="queue-heading" className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="queue-heading" className="text-base font-semibold text-slate-900">
                Coach on this next
              </h2>
              <p className="text-sm text-slate-600">
                {`${page.totalReps} ${page.totalReps === 1 ? "rep" : "reps"} · ${page.overdueCount} overdue for a 1:1 (every ${page.cadenceDays} days)`}
              </p>
            </div>
            <p className="text-sm text-slate-600">
              Reps come in order of their lowest score from you, then the longest time since their last 1:1. Within a rep: your lowest score first,
              then blind spots, then the largest gap.
            </p>
            {page.reps.length === 0 ? (
              <EmptyState title="No reps to coach yet">Reps appear here once they join your team.</EmptyState>
            ) : (
              <ol className="space-y-3" aria-label="Reps in coaching order">
                {page.reps.map((rep) => (
                  <li
                    key={rep.userId}
                    className="grid gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200 md:grid-cols-[14rem_1fr]"
                    data-testid="queue-rep"
                  >
                    <div>
                      <Link
                        href={`${base}/reps/${rep.userId}/coaching`}
                        className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                      >
                        {rep.name}
                      </Link>
                      <p className="text-xs text-slate-600">{rep.teamName ?? "No team"}</p>
                      <p className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                        {`Last 1:1: ${rep.oneOnOne.lastNoteOn ? formatDay(rep.oneOnOne.lastNoteOn) : "none yet"}`}
                        {rep.oneOnOne.overdue && <Badge tone="red">1:1 overdue</Badge>}
                      </p>
                      {!rep.selfVisible && !rep.unrated && (
                        <p className="mt-1 text-xs text-slate-600 italic">Self-assessment not submitted: ranked by your scores.</p>
                      )}
                      <RepTendency tendency={rep.tendency} agreement={rep.agreement} />
                    </div>
                    {rep.unrated ? (
                      <p className="self-center text-sm text-slate-600">{`Not rated in ${page.cycle!.name} yet.`}</p>
                    ) : (
                      <div>
                        {rep.scale && <ScaleItem item={rep.scale} />}
                        <ol className="divide-y divide-slate-100">
                          {rep.items.map((item, i) => (
                            <QueueItemRow
                              key={item.behaviourId}
                              slug={page.slug}
                              rep={rep}
                              item={item}
                              rank={i + 1}
                              today={page.today}
                              planLabel={`Make a plan: ${rep.name}, ${item.name}`}
                              className="py-2 first:pt-0 last:pb-0"
                            />
                          ))}
                        </ol>
                        {rep.more.length > 0 && (
                          <details className="group mt-2 border-t border-slate-100 pt-2">
                            <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">
                              {`${rep.more.length} more ${rep.more.length === 1 ? "behaviour" : "behaviours"}`}
                            </summary>
                            <ol start={rep.items.length + 1} className="mt-1 divide-y divide-slate-100">
                              {rep.more.map((item, i) => (
                                <QueueItemRow
                                  key={item.behaviourId}
                                  slug={page.slug}
                                  rep={rep}
                                  item={item}
                                  rank={rep.items.length + i + 1}
                                  today={page.today}
                                  className="py-1.5"
                                />
                              ))}
                            </ol>
                          </details>
                        )}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {page.reps.length < page.totalReps && (
              <p className="text-center">
                <Link href={queueHref({ all: "1" })} className={buttonClasses("secondary")}>
                  {`Show all ${page.totalReps} reps`}
                </Link>
              </p>
            )}
          </section>

          <Panel title="Team roll-up" description={`Behaviours weak or mis-seen across the team, weakest first. ${ROLLUP_RULE}`}>
            {page.ratedTeams === 0 ? (
              <p className="text-sm text-slate-600">Nothing rated in this cycle yet.</p>
            ) : page.ratedTeams > ROLLUP_TEAMS_AT_ONCE ? (
              <p className="text-sm text-slate-600">Choose a team above to see its roll-up.</p>
            ) : (
              <div className="space-y-6">
                {page.teamRollups.map((t) => (
                  <div key={t.teamId} className="space-y-2">
                    <h3 className="text-sm font-semibold text-slate-900">{t.teamName}</h3>
                    <TeamRollupTable rollup={t} />
                  </div>
                ))}
              </div>
            )}
          </Panel>

          {page.organisationRollup && (
            <Panel
              title="Across the organisation"
              description="The weakest behaviours across every team are your training topics; a wide spread between teams points at a team that coaches it differently."
            >
              {page.organisationRollup.length === 0 ? (
                <p className="text-sm text-slate-600">Nothing rated in this cycle yet.</p>
              ) : (
                <OrganisationRollupTable rollup={page.organisationRollup} />
              )}
            </Panel>
          )}
        </>
      )}
    </div>
  );
}
