import type { Metadata } from "next";
import { OverallGaps } from "@/components/coaching/gap-basis";
import Link from "next/link";
import { BaselineChart } from "@/components/baseline/baseline-chart";
import { BaselineTable, HistoryTable } from "@/components/baseline/baseline-table";
import { CoachActions } from "@/components/baseline/coach-actions";
import { CommentDialog } from "@/components/baseline/comment-dialog";
import { CyclePicker } from "@/components/baseline/cycle-picker";
import { HistoryChart } from "@/components/baseline/history-chart";
import { ReportLink } from "@/components/reports/report-link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadBaseline } from "@/lib/assessments/loaders";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/assessments/visibility";

export const metadata: Metadata = { title: "Baseline" };

export default async function BaselinePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; repId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, repId } = await params;
  const { cycle: chosen } = await searchParams;
  const page = await loadBaseline(slug, { repId, cycle: typeof chosen === "string" ? chosen : undefined });
  const { cycle, rep, viewerIsRep } = page;
  const canComment = cycle?.canComment ?? false;

  const behaviours = new Map<string, string>();
  for (const c of page.history) for (const row of c.rows) if (!behaviours.has(row.behaviourId)) behaviours.set(row.behaviourId, row.name);
  const history = [...behaviours].map(([behaviourId, name]) => ({
    behaviourId,
    name,
    rows: page.history.flatMap((c) => {
      const row = c.rows.find((r) => r.behaviourId === behaviourId);
      return row ? [{ cycle: c.name, leader: row.leader, self: row.self, gap: row.gap }] : [];
    }),
  }));

  return (
    <div className="space-y-8 print:space-y-6 print:bg-white print:text-black">
      <PageHeader
        title={rep.name}
        description={
          viewerIsRep
            ? "Your baseline: how you rated yourself beside how your leader rated you, behaviour by behaviour."
            : `Baseline: ${rep.name}'s self-assessment beside your ratings. The gap is self minus leader.`
        }
        actions={
          <span className="flex flex-wrap items-center gap-2">
            {cycle && (
              <Badge
                tone={cycle.assessment === "shared" ? "green" : cycle.assessment === "submitted" ? "blue" : "neutral"}
              >{`Self-assessment: ${ASSESSMENT_STATUS_LABEL[cycle.assessment]}`}</Badge>
            )}
            <Link href={`/o/${page.slug}/reps/${rep.userId}/coaching`} className={buttonClasses("secondary", "sm", "print:hidden")}>
              {viewerIsRep ? "My coaching" : "Coaching plans and notes"}
            </Link>
            <ReportLink slug={page.slug} repId={rep.userId} cycleId={cycle?.id} className={buttonClasses("secondary", "sm", "print:hidden")}>
              {viewerIsRep ? "Print my report" : "Printable report"}
            </ReportLink>
          </span>
        }
      />

      {page.cycles.length > 1 && <CyclePicker cycles={page.cycles} current={cycle?.id} />}

      {!cycle ? (
        <EmptyState title="No assessment cycle yet">Results appear here once a cycle is open and rated.</EmptyState>
      ) : (
        <Panel
          title={`${cycle.name}: self vs leader`}
          description={
            viewerIsRep && !cycle.visible.leader
              ? "Your leader's ratings appear here once they share your results."
              : !viewerIsRep && !cycle.visible.self
                ? `${rep.name}'s self ratings appear here once they submit the self-assessment.`
                : "Gap = self minus leader: positive when the rep rates themself higher."
          }
        >
          <div className="space-y-6">
            <CoachActions
              slug={page.slug}
              cycleId={cycle.id}
              cycleName={cycle.name}
              repUserId={rep.userId}
              repName={rep.name}
              canShare={cycle.canShare}
              canReopen={cycle.canReopen}
            />
            {cycle.rows.length > 0 && (
              <BaselineChart
                title={`${cycle.name}: self and leader scores per behaviour`}
                data={cycle.rows.map((r) => ({ name: r.name, self: r.self?.score ?? null, leader: r.leader?.score ?? null }))}
              />
            )}
            <OverallGaps gaps={cycle.honestGaps} />
            <BaselineTable
              caption={`${cycle.name}: self, leader and gap per behaviour`}
              rows={cycle.rows}
              commentAction={
                canComment
                  ? (row) =>
                      row.leader && (
                        <CommentDialog
                          slug={page.slug}
                          cycleId={cycle.id}
                          repUserId={rep.userId}
                          behaviourId={row.behaviourId}
                          behaviourName={row.name}
                          comment={row.leader.comment}
                        />
                      )
                  : undefined
              }
            />
          </div>
        </Panel>
      )}

      {history.length > 0 && page.history.length > 0 && (
        <Panel title="History" description="Leader and self scores per behaviour across cycles.">
          <div className="space-y-6">
            <HistoryChart
              series={history.map((h) => ({
                behaviourId: h.behaviourId,
                name: h.name,
                points: h.rows.map((r) => ({ cycle: r.cycle, leader: r.leader?.score ?? null, self: r.self?.score ?? null })),
              }))}
            />
            <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
              {history.map((h) => (
                <HistoryTable key={h.behaviourId} name={h.name} rows={h.rows} />
              ))}
            </div>
          </div>
        </Panel>
      )}
    </div>
  );
}
