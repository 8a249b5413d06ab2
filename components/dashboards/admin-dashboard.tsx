import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/page-header";
import { furthestBehindFirst, heatmapTable } from "@/lib/dashboards/figures";
import type { Dashboard } from "@/lib/dashboards/loaders";
import { BehaviourChart } from "./behaviour-chart";
import { ChangeText } from "./change";
import { toggledHref } from "@/lib/dashboards/expanded-tables";
import { GettingStarted } from "./getting-started";
import { ParticipationTable } from "./participation-table";
import { Stat } from "./stat";
import { TeamHeatmap } from "./team-heatmap";

type AdminData = Extract<Dashboard, { role: "admin" }>;

/** The organisation overview: getting started, participation, the team x behaviour heatmap, training topics. */
export function AdminDashboard({ data }: { data: AdminData }) {
  const { summary, steps, slug, expanded } = data;
  const started = steps.every((s) => s.done);
  return (
    <div className="space-y-8">
      {!started && <GettingStarted slug={slug} steps={steps} />}
      {!summary ? (
        <EmptyState
          title="No assessment cycle yet"
          action={
            <Link className="text-sm font-medium text-brand-700 underline" href={`/o/${slug}/cycles`}>
              Open the first cycle
            </Link>
          }
        >
          Participation, averages and training topics appear here once a cycle is open and leaders rate their reps.
        </EmptyState>
      ) : (
        <>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Stat label="Cycle" value={summary.cycle.name} detail={summary.cycle.status === "open" ? "Open now" : "Closed: the latest results"} />
            <Stat
              label="Self-assessments submitted"
              value={`${summary.participation.total.selfSubmitted} / ${summary.participation.total.reps}`}
              detail="reps who submitted theirs"
            />
            <Stat
              label="Leader ratings complete"
              value={`${summary.participation.total.leaderComplete} / ${summary.participation.total.reps}`}
              detail="reps rated on every behaviour"
            />
            <Stat
              label="Organisation average"
              value={summary.heatmap.overall.figure ? summary.heatmap.overall.figure.average.toFixed(1) : "–"}
              detail={
                summary.previousCycleName ? (
                  <>
                    <ChangeText value={summary.heatmap.overall.change} /> since {summary.previousCycleName}
                  </>
                ) : (
                  "of every leader rating this cycle"
                )
              }
            />
          </dl>

          <Panel
            id="participation"
            title="Participation"
            description={`${summary.cycle.name}, per team, furthest behind first. A rep's ratings are complete when every behaviour has a leader score.`}
          >
            {summary.participation.teams.length === 0 ? (
              <p className="text-sm text-slate-600">No teams yet. Create one on the Teams page.</p>
            ) : (
              <ParticipationTable
                caption={`Participation per team, furthest behind first, ${summary.cycle.name}`}
                teams={furthestBehindFirst(summary.participation.teams)}
                total={summary.participation.total}
                all={expanded.participation}
                toggleHref={toggledHref(slug, expanded, "participation")}
              />
            )}
          </Panel>

          <section aria-labelledby="weakest-heading" className="grid gap-6 lg:grid-cols-5">
            <div className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200 lg:col-span-2">
              <h2 id="weakest-heading" className="text-base font-semibold text-slate-900">
                Training topics
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                The weakest behaviours across the organisation, and how far apart the teams are on each. Mis-seen: reps whose own view differs from
                their leader&rsquo;s by a blind spot or a hidden strength.
              </p>
              {summary.topics.length === 0 ? (
                <p className="mt-4 text-sm text-slate-600">No topics yet: they appear once leaders have rated their reps this cycle.</p>
              ) : (
                <ol className="mt-4 space-y-4" aria-label="Training topics, weakest first">
                  {summary.topics.map((b, i) => (
                    <li key={b.behaviourId} className="flex gap-3" data-testid="training-topic">
                      <span
                        aria-hidden
                        className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-orange-100 text-xs font-semibold text-orange-900"
                      >
                        {i + 1}
                      </span>
                      <div className="text-sm">
                        <p className="font-medium text-slate-900">
                          {b.name} <span className="text-slate-600 tabular-nums">· average {b.average.toFixed(1)}</span>
                        </p>
                        <p className="text-slate-600 tabular-nums">
                          {b.spread
                            ? `${b.spread.low.name} ${b.spread.low.average.toFixed(1)} to ${b.spread.high.name} ${b.spread.high.average.toFixed(1)} (spread ${b.spread.size.toFixed(1)})`
                            : "Rated in one team only"}
                        </p>
                        <p className="text-slate-600 tabular-nums">{`Mis-seen: ${b.misSeen} of ${b.rated} reps`}</p>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
              {summary.cycle.status === "open" && (
                <p className="mt-4 text-sm">
                  <Link href={`/o/${slug}/coaching`} className="font-medium text-brand-700 underline">
                    Every behaviour and team on the coaching page
                  </Link>
                </p>
              )}
            </div>
            <div className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200 lg:col-span-3">
              <h2 className="text-base font-semibold text-slate-900">Behaviour averages</h2>
              <p className="mt-1 text-sm text-slate-600">
                {summary.previousCycleName
                  ? `${summary.cycle.name} beside ${summary.previousCycleName}, weakest first.`
                  : `${summary.cycle.name}, weakest first.`}
              </p>
              <div className="mt-4">
                <BehaviourChart
                  title={`Organisation average per behaviour, ${summary.cycle.name}`}
                  nowLabel={summary.cycle.name}
                  beforeLabel={summary.previousCycleName}
                  data={summary.heatmap.behaviours
                    .filter((b) => b.figure)
                    .sort((a, b) => a.figure!.average - b.figure!.average)
                    .map((b) => ({
                      name: b.name,
                      now: b.figure!.average,
                      before: b.before?.average ?? null,
                    }))}
                />
              </div>
            </div>
          </section>

          <Panel
            id="heatmap"
            title="Teams by behaviour"
            description="Average leader rating per team and behaviour, weakest team first (1 rarely, 3 usually, 5 a model for others). Hover a number for how many ratings it averages."
          >
            <TeamHeatmap
              caption={`Average leader rating by team and behaviour, weakest team first, ${summary.cycle.name}`}
              heatmap={heatmapTable(summary.heatmap)}
              since={summary.previousCycleName}
              all={expanded.heatmap}
              toggleHref={toggledHref(slug, expanded, "heatmap")}
            />
          </Panel>
        </>
      )}
    </div>
  );
}
