import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/page-header";
import { heatmapTable } from "@/lib/dashboards/figures";
import type { Dashboard } from "@/lib/dashboards/loaders";
import { formatDay } from "@/lib/format";
import { ChangeText } from "./change";
import { toggledHref, type ExpandedTables } from "@/lib/dashboards/expanded-tables";
import { CoachNextPanel, OverdueOneOnOnesPanel, OverduePlanActionsPanel } from "./leader-coaching";
import { ReminderLink } from "./reminder-link";
import { Meter } from "./stat";
import { TeamHeatmap } from "./team-heatmap";

type LeaderData = Extract<Dashboard, { role: "leader" }>;

/**
 * A leader's page, read top-down as what to do next: who to coach on what, who is due a 1:1, plan actions past
 * due, who has not submitted; then their teams' grids and their internal relationships.
 */
export function LeaderDashboard({ data }: { data: LeaderData }) {
  const { summary, slug, coaching, expanded } = data;
  if (data.teamCount === 0) {
    return (
      <div className="space-y-8">
        <EmptyState title="You do not lead a team yet">An admin can make you the leader of a team. Your internal relationships are below.</EmptyState>
        <RelationshipsPanel data={data} />
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <CoachNextPanel slug={slug} coaching={coaching} />
      <div className="grid gap-8 lg:grid-cols-2">
        <OverdueOneOnOnesPanel slug={slug} coaching={coaching} />
        <OverduePlanActionsPanel slug={slug} coaching={coaching} />
      </div>
      <PendingPanel data={data} />
      {summary ? (
        <TeamsPanel slug={slug} summary={summary} expanded={expanded} />
      ) : (
        <EmptyState title="No assessment cycle yet">
          An admin opens a cycle; then you rate your reps on the grid and they assess themselves.
        </EmptyState>
      )}
      <RelationshipsPanel data={data} />
    </div>
  );
}

function PendingPanel({ data }: { data: LeaderData }) {
  const { summary, slug } = data;
  if (!data.openCycleName || !summary) return null;
  const pendingCount = summary.participation.total.reps - summary.participation.total.selfSubmitted;
  return (
    <Panel
      title="Pending self-assessments"
      description={
        pendingCount === 0
          ? `Every rep has submitted for ${data.openCycleName}.`
          : `${pendingCount} of your reps have not submitted for ${data.openCycleName} yet.`
      }
    >
      {data.pending.length > 0 ? (
        <ul className="divide-y divide-slate-100">
          {data.pending.map((rep) => (
            <li key={rep.userId} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
              <div className="text-sm">
                <Link href={`/o/${slug}/reps/${rep.userId}`} className="font-medium text-slate-900 hover:underline">
                  {rep.name}
                </Link>{" "}
                <span className="text-slate-600">· {rep.teamName}</span>{" "}
                <Badge tone={rep.started ? "amber" : "neutral"}>{rep.started ? "Draft" : "Not started"}</Badge>
              </div>
              <ReminderLink slug={slug} rep={rep} cycleName={data.openCycleName!} leaderName={data.userName} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">Nothing to chase: go through the results with your reps and share them.</p>
      )}
      {pendingCount > data.pending.length && (
        <p className="mt-3 text-sm text-slate-600">
          And {pendingCount - data.pending.length} more: see the{" "}
          <Link href={`/o/${slug}/grid?view=self`} className="font-medium text-brand-700 underline">
            self ratings
          </Link>{" "}
          on the grid.
        </p>
      )}
      {pendingCount > 0 && (
        <p className="mt-3 text-sm">
          <Link href={`/o/${slug}/self-assessments`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Remind those who have not submitted
          </Link>{" "}
          <span className="text-slate-600">by email, and see when each was last reminded.</span>
        </p>
      )}
    </Panel>
  );
}

function TeamsPanel({ slug, summary, expanded }: { slug: string; summary: NonNullable<LeaderData["summary"]>; expanded: ExpandedTables }) {
  return (
    <Panel
      id="heatmap"
      title={`Your teams · ${summary.cycle.name}`}
      description="Average leader rating, the team's weakest behaviour, and how far the cycle has come."
    >
      <ul className="grid gap-4 lg:grid-cols-2">
        {summary.heatmap.teams.map((team) => {
          const p = summary.participation.teams.find((t) => t.teamId === team.id)!;
          return (
            <li key={team.id} className="rounded-lg p-4 ring-1 ring-slate-200">
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{team.name}</h3>
                <Link href={`/o/${slug}/grid?team=${team.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                  Open the grid<span className="sr-only"> of {team.name}</span>
                </Link>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
                <div>
                  <dt className="text-slate-600">Team average</dt>
                  <dd className="text-lg font-semibold text-slate-900 tabular-nums">
                    {team.figure ? team.figure.average.toFixed(1) : "–"}{" "}
                    {summary.previousCycleName && (
                      <span className="text-sm font-normal">
                        <ChangeText value={team.change} />
                      </span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Weakest behaviour</dt>
                  <dd className="font-medium text-slate-900">
                    {team.weakest ? `${team.weakest.name} (${team.weakest.average.toFixed(1)})` : "Not rated yet"}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Self-assessments submitted</dt>
                  <dd>
                    <Meter part={p.selfSubmitted} whole={p.reps} />
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Your ratings complete</dt>
                  <dd>
                    <Meter part={p.leaderComplete} whole={p.reps} />
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
      {summary.heatmap.teams.length > 1 && (
        <div className="mt-6">
          <TeamHeatmap
            caption={`Your teams by behaviour, ${summary.cycle.name}`}
            heatmap={heatmapTable(summary.heatmap)}
            since={summary.previousCycleName}
            all={expanded.heatmap}
            toggleHref={toggledHref(slug, expanded, "heatmap")}
          />
        </div>
      )}
    </Panel>
  );
}

function RelationshipsPanel({ data }: { data: LeaderData }) {
  const { relationships, slug } = data;
  const overdueContacts = relationships.filter((r) => r.contact.overdue);
  const nextSteps = relationships.filter((r) => r.nextStep).sort((a, b) => (a.nextStepDue ?? "9999").localeCompare(b.nextStepDue ?? "9999"));
  const withActions = relationships.filter((r) => r.openActions > 0);
  return (
    <Panel
      title="Internal relationships"
      description="The peer departments sales depends on: who is due a one-on-one, your next steps, open actions."
    >
      {relationships.length === 0 ? (
        <p className="text-sm text-slate-600">
          You track no relationship yet.{" "}
          <Link href={`/o/${slug}/relationships`} className="font-medium text-brand-700 underline">
            Start with the department you depend on most
          </Link>
          .
        </p>
      ) : (
        <div className="grid gap-6 md:grid-cols-3">
          <ListSection id="rel-contacts" title={`Overdue contacts (${overdueContacts.length})`} empty="Nobody is overdue." items={overdueContacts}>
            {(r) => (
              <>
                <RelationshipLink slug={slug} id={r.id}>
                  {r.counterpartName}
                </RelationshipLink>{" "}
                <span className="text-slate-600">· {r.departmentName}</span>
                <p className="text-red-700">Due since {formatDay(r.contact.dueOn)}</p>
              </>
            )}
          </ListSection>
          <ListSection id="rel-steps" title={`Next steps (${nextSteps.length})`} empty="No next step written down." items={nextSteps}>
            {(r) => (
              <>
                <RelationshipLink slug={slug} id={r.id}>
                  {r.nextStep}
                </RelationshipLink>
                <p className={r.nextStepOverdue ? "text-red-700" : "text-slate-600"}>
                  {r.counterpartName}
                  {r.nextStepDue && ` · ${r.nextStepOverdue ? "overdue since" : "due"} ${formatDay(r.nextStepDue)}`}
                </p>
              </>
            )}
          </ListSection>
          <ListSection
            id="rel-actions"
            title={`Open actions (${withActions.reduce((n, r) => n + r.openActions, 0)})`}
            empty="No open action."
            items={withActions}
          >
            {(r) => (
              <>
                <RelationshipLink slug={slug} id={r.id}>
                  {r.counterpartName}
                </RelationshipLink>{" "}
                <span className="text-slate-600">· {r.openActions} open</span>
                {r.actionsOverdue && <p className="text-red-700">Some are overdue</p>}
              </>
            )}
          </ListSection>
        </div>
      )}
    </Panel>
  );
}

function RelationshipLink({ slug, id, children }: { slug: string; id: string; children: ReactNode }) {
  return (
    <Link href={`/o/${slug}/relationships/${id}`} className="font-medium text-slate-900 hover:underline">
      {children}
    </Link>
  );
}

/** A titled list of relationships, or a line saying there is none. */
function ListSection<T extends { id: string }>({
  id,
  title,
  empty,
  items,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  items: T[];
  children: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {items.map((item) => (
            <li key={item.id}>{children(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
