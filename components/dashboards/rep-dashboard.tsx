import Link from "next/link";
import { BaselineChart } from "@/components/baseline/baseline-chart";
import { BaselineTable } from "@/components/baseline/baseline-table";
import { ReportLink } from "@/components/reports/report-link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/page-header";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/assessments/visibility";
import type { Dashboard } from "@/lib/dashboards/loaders";
import { selfAssessmentStep } from "@/lib/dashboards/self-assessment-step";
import { RepNotesPanel, RepPlansPanel } from "./rep-coaching";

type RepData = Extract<Dashboard, { role: "rep" }>;

/** A rep's page: their self-assessment status and link, their coaching plan and shared notes, then their shared results. */
export function RepDashboard({ data }: { data: RepData }) {
  const { cycle, slug, coaching } = data;
  const coachingPanels = (
    <div className="grid gap-8 lg:grid-cols-2">
      <RepPlansPanel slug={slug} coaching={coaching} />
      <RepNotesPanel slug={slug} coaching={coaching} />
    </div>
  );
  if (!cycle) {
    return (
      <div className="space-y-8">
        <EmptyState title="No assessment cycle is open">When your organisation opens one, your self-assessment appears here.</EmptyState>
        {coachingPanels}
      </div>
    );
  }
  const step = selfAssessmentStep(cycle.status, cycle.rated, cycle.rows.length);
  return (
    <div className="space-y-8">
      <section aria-labelledby="self-heading" className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="self-heading" className="text-base font-semibold text-slate-900">
            Your self-assessment · {cycle.name}
          </h2>
          <Badge tone={cycle.status === "shared" ? "green" : cycle.status === "submitted" ? "blue" : cycle.status === "draft" ? "amber" : "neutral"}>
            {ASSESSMENT_STATUS_LABEL[cycle.status]}
          </Badge>
        </div>
        <p className="mt-2 text-sm text-slate-700">{step.text}</p>
        {(cycle.status === "not_started" || cycle.status === "draft") && (
          <p className="mt-1 text-sm text-slate-600">
            {cycle.rated} of {cycle.rows.length} behaviours rated.
          </p>
        )}
        <Link
          href={`/o/${slug}/self-assessment`}
          className={buttonClasses(cycle.status === "not_started" || cycle.status === "draft" ? "primary" : "secondary", "md", "mt-4")}
        >
          {step.cta}
        </Link>
        <ReportLink slug={slug} repId={data.userId} className={buttonClasses("secondary", "md", "mt-4 ml-2")}>
          Print my report
        </ReportLink>
      </section>

      {coachingPanels}

      {cycle.seesLeader ? (
        <Panel
          title={`Your results · ${cycle.name}`}
          description="How you rated yourself beside how your leader rated you. Gap = your score minus your leader's."
        >
          <div className="space-y-6">
            <BaselineChart
              title={`${cycle.name}: your score and your leader's per behaviour`}
              data={cycle.rows.map((r) => ({ name: r.name, self: r.self.score, leader: r.leader?.score ?? null }))}
            />
            <BaselineTable caption={`${cycle.name}: self, leader and gap per behaviour`} rows={cycle.rows} />
          </div>
        </Panel>
      ) : (
        <Panel title="Your results">
          <p className="text-sm text-slate-600">Your leader&rsquo;s ratings appear here once they share your results with you.</p>
        </Panel>
      )}
    </div>
  );
}
