import type { Metadata } from "next";
import { CyclePicker } from "@/components/baseline/cycle-picker";
import { BehaviourTable, RaterTable } from "@/components/calibration/rater-figures";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadCalibration } from "@/lib/calibration/loaders";

export const metadata: Metadata = { title: "How leaders rate" };

export default async function CalibrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cycle?: string | string[] }>;
}) {
  const { slug } = await params;
  const { cycle: chosen } = await searchParams;
  const page = await loadCalibration(slug, { cycle: typeof chosen === "string" ? chosen : undefined });
  const exportHref = page.cycle ? `/o/${page.slug}/calibration/export?${new URLSearchParams({ cycle: page.cycle.id })}` : null;
  const org = page.organisation;

  return (
    <div className="space-y-6">
      <PageHeader
        title="How leaders rate"
        description={
          page.ownOnly
            ? "Your leader ratings beside every leader rating in the organisation: a check on your own scale."
            : "Each leader's ratings beside everyone else's: who rates high, who rates low, and on which behaviours."
        }
        actions={
          exportHref && (
            <a href={exportHref} className={buttonClasses("secondary")} download>
              Download CSV
            </a>
          )
        }
      />
      {page.cycles.length > 0 && <CyclePicker cycles={page.cycles} current={page.cycle?.id} />}
      {!page.cycle || !org ? (
        <EmptyState title="No leader ratings yet">The figures appear once leaders have rated reps in a cycle.</EmptyState>
      ) : page.raters.length === 0 ? (
        <EmptyState title="You have not rated anyone in this cycle">Your figures appear once you have rated reps in {page.cycle.name}.</EmptyState>
      ) : (
        <>
          <Panel
            title={`${page.cycle.name}: leader ratings`}
            description={`Across the organisation: ${org.count} ratings, mean ${org.mean.toFixed(2)}. A leader whose mean differs from the other leaders' by ${page.rule.gap} or more, over at least ${page.rule.minRatings} ratings, is marked. Teams can differ for real: a calibration round, where a second leader rates the same reps blind, settles whether the scale or the team differs.`}
          >
            <RaterTable raters={page.raters} caption={`${page.cycle.name}: each rater's leader ratings`} />
          </Panel>
          <Panel title="Per behaviour" description="The same figures for each behaviour: where a leader's scale differs most.">
            <div className="space-y-3">
              {page.raters.map((rater) => (
                <details key={rater.userId} open={page.raters.length === 1} className="group rounded-md ring-1 ring-slate-200">
                  <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">{rater.name}</summary>
                  <div className="p-3 pt-0">
                    <BehaviourTable rater={rater} />
                  </div>
                </details>
              ))}
            </div>
          </Panel>
        </>
      )}
    </div>
  );
}
