import type { Metadata } from "next";
import { OverallGaps } from "@/components/coaching/gap-basis";
import Link from "next/link";
import { cache } from "react";
import { BaselineTable } from "@/components/baseline/baseline-table";
import { CyclePicker } from "@/components/baseline/cycle-picker";
import { LabelBadge, LabelLegend } from "@/components/coaching/labels";
import { NoteList } from "@/components/coaching/notes";
import { PlanCard } from "@/components/coaching/plan-card";
import { formatDay } from "@/lib/format";
import { PrintButton } from "@/components/reports/print-button";
import { ReportFact, ReportNotice, ReportSection } from "@/components/reports/report-section";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/assessments/visibility";
import { loadRepReport } from "@/lib/reports/loaders";
import { reportTableIntro } from "@/lib/reports/wording";

type Props = {
  params: Promise<{ slug: string; repId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One load per request, shared by the title and the page (React's request-scoped cache, keyed by the arguments). */
const loadReport = cache((slug: string, repId: string, cycle: string | undefined) => loadRepReport(slug, { repId, cycle }));

async function reportOf({ params, searchParams }: Props) {
  const { slug, repId } = await params;
  const { cycle } = await searchParams;
  return loadReport(slug, repId, typeof cycle === "string" ? cycle : undefined);
}

/**
 * The title names the rep and the cycle: "Save as PDF" offers it as the file's name. Links to the report are not
 * prefetched (components/reports/report-link.tsx): a prefetch would resolve this, and so load the report.
 */
export async function generateMetadata(props: Props): Promise<Metadata> {
  const { rep, cycle } = await reportOf(props);
  return { title: ["Coaching report", rep.name, cycle?.name].filter(Boolean).join(" · ") };
}

export default async function RepReportPage(props: Props) {
  const report = await reportOf(props);
  const { rep, cycle, viewerIsRep } = report;
  const base = `/o/${report.slug}`;
  const repFirstName = rep.name.split(" ")[0] ?? rep.name;

  return (
    <div className="space-y-6 print:space-y-0">
      <div className="flex flex-wrap items-end justify-between gap-4 print:hidden">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`${base}/reps/${rep.userId}`} className="text-brand-700 hover:underline">
            {viewerIsRep ? "← My results" : `← ${rep.name}'s baseline`}
          </Link>
        </nav>
        <div className="flex flex-wrap items-end gap-3">
          {report.cycles.length > 1 && <CyclePicker cycles={report.cycles} current={cycle?.id} />}
          <PrintButton />
        </div>
      </div>

      <article
        aria-labelledby="report-title"
        className="print-document mx-auto max-w-4xl space-y-8 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200 sm:p-10 print:max-w-none print:space-y-6 print:rounded-none print:p-0 print:shadow-none print:ring-0"
      >
        <header className="space-y-4 border-b border-slate-300 pb-5">
          <p className="text-sm font-medium text-slate-700">{`${report.orgName} · Coaching report`}</p>
          <h1 id="report-title" className="text-2xl font-semibold tracking-tight text-slate-900">
            {rep.name}
          </h1>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
            <ReportFact label="Team">{rep.teamName ?? "No team"}</ReportFact>
            <ReportFact label="Cycle">{cycle ? `${cycle.name}${cycle.status === "open" ? " (open)" : " (closed)"}` : "None yet"}</ReportFact>
            <ReportFact label="Self-assessment">{cycle ? ASSESSMENT_STATUS_LABEL[cycle.assessment] : "—"}</ReportFact>
            <ReportFact label="Printed">{formatDay(report.today)}</ReportFact>
          </dl>
        </header>

        {!viewerIsRep && (
          <div className="space-y-3">
            {cycle?.notYetShared && (
              <ReportNotice testId="not-yet-shared">
                <strong>{`Not yet shared with ${rep.name}.`}</strong>
                {` This copy holds your scores, comments, gaps and labels for ${cycle.name}, which ${repFirstName} cannot see in Coachgrid until you share the results.`}
              </ReportNotice>
            )}
            <p className="text-xs text-slate-700" data-testid="private-notes-line">
              {`Private 1:1 notes are never printed on a report: only notes shared with ${repFirstName} appear here.`}
            </p>
          </div>
        )}

        <ReportSection title={cycle ? `Self vs leader · ${cycle.name}` : "Self vs leader"}>
          {!cycle ? (
            <p className="text-sm text-slate-700">No assessment cycle yet. Results appear here once a cycle is open and rated.</p>
          ) : (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">{reportTableIntro(cycle, viewerIsRep, rep.name)}</p>
              {cycle.rows.length === 0 ? (
                <p className="text-sm text-slate-700">No behaviours were rated in this cycle.</p>
              ) : (
                <div className="print:break-inside-avoid">
                  <BaselineTable
                    caption={
                      cycle.visible.self && cycle.visible.leader
                        ? `${cycle.name}: self, leader, gap and coaching label per behaviour`
                        : `${cycle.name}: scores per behaviour`
                    }
                    rows={cycle.rows}
                    dropHidden
                    column={{
                      header: "Label",
                      cell: (row) => <span className="whitespace-nowrap">{row.label ? <LabelBadge label={row.label} /> : "—"}</span>,
                    }}
                  />
                </div>
              )}
              <OverallGaps gaps={cycle.honestGaps} />
              {cycle.rows.some((r) => r.label) && (
                <section aria-labelledby="legend-heading" className="print:break-inside-avoid">
                  <h3 id="legend-heading" className="mb-2 text-sm font-semibold text-slate-900">
                    What the labels mean
                  </h3>
                  <LabelLegend legend={report.legend} />
                </section>
              )}
            </div>
          )}
        </ReportSection>

        <ReportSection title="Active coaching plans">
          {report.plans.length === 0 ? (
            <p className="text-sm text-slate-700">
              {viewerIsRep
                ? "No active coaching plan. Your leader sets one up with you after a 1:1."
                : `No active coaching plan for ${repFirstName}.`}
            </p>
          ) : (
            <div className="space-y-4">
              {viewerIsRep && cycle && !cycle.visible.leader && (
                <p className="text-sm text-slate-700">Scores then and now appear once your leader shares your results.</p>
              )}
              {report.plans.map((plan) => (
                <div key={plan.id} className="space-y-1">
                  <PlanCard slug={report.slug} plan={plan} today={report.today} canEdit={false} canTick={false} />
                  {plan.notYetShared && <p className="text-xs text-slate-700">{`Scores not yet shared with ${rep.name}.`}</p>}
                </div>
              ))}
            </div>
          )}
        </ReportSection>

        <ReportSection title="Shared 1:1 notes">
          <NoteList
            slug={report.slug}
            notes={report.notes}
            repName={rep.name}
            behaviours={[]}
            today={report.today}
            emptyText={viewerIsRep ? "No notes shared with you yet." : `No notes shared with ${repFirstName} yet.`}
          />
          {report.moreNotes && (
            <p className="mt-3 text-xs text-slate-700">{`The ${report.notes.length} most recent shared notes; older ones are on the coaching page.`}</p>
          )}
        </ReportSection>
      </article>
    </div>
  );
}
