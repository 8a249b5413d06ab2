import type { Metadata } from "next";
import Link from "next/link";
import { CyclePicker } from "@/components/baseline/cycle-picker";
import { OwnResults } from "@/components/results/own-results";
import { ResultsTable } from "@/components/results/results-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadResultsPage } from "@/lib/results/loaders";

export const metadata: Metadata = { title: "Results" };

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const page = await loadResultsPage(slug, await searchParams);
  const base = `/o/${page.slug}/results`;
  const actions = (
    <>
      {page.canUpload && page.cycle && page.measures.length > 0 && (
        <Link href={`${base}/upload?cycle=${page.cycle.id}`} className={buttonClasses("primary")}>
          Upload a CSV
        </Link>
      )}
      {page.canAnalyse && (
        <Link href={`${base}/analysis`} className={buttonClasses("secondary")}>
          What predicts results
        </Link>
      )}
      {page.canManage && (
        <Link href={`${base}/settings`} className={buttonClasses("secondary")}>
          Measures and API tokens
        </Link>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={page.own ? "My results" : "Results"}
        description={
          page.own
            ? "Your sales results per cycle, as your leader or an admin entered them."
            : "Each rep’s sales results per cycle, beside the behaviours. Type a value and press Enter; arrow keys move between cells, Escape undoes."
        }
        actions={actions}
      />
      {page.cycles.length > 0 && (
        <div className="mb-4">
          <CyclePicker cycles={page.cycles} current={page.cycle?.id} />
        </div>
      )}
      {!page.cycle ? (
        <EmptyState title="No cycle yet">
          Results belong to a cycle such as “Q1 2027”. Once an admin opens one, its results can be entered here.
        </EmptyState>
      ) : page.measures.length === 0 ? (
        <EmptyState
          title="No measures yet"
          action={
            page.canManage ? (
              <Link href={`${base}/settings`} className={buttonClasses("primary")}>
                Add a measure
              </Link>
            ) : undefined
          }
        >
          Measures are the results the organisation tracks, such as quota attainment or revenue.{" "}
          {page.canManage ? "Add the first one." : "An admin adds them."}
        </EmptyState>
      ) : page.own ? (
        <OwnResults measures={page.measures} values={page.values} />
      ) : page.reps.length === 0 ? (
        <EmptyState title="No reps to show">
          {page.canManage ? "Nobody in the organisation is a rep yet." : "The teams you lead have no reps yet."}
        </EmptyState>
      ) : (
        <ResultsTable key={page.cycle.id} slug={page.slug} cycleId={page.cycle.id} measures={page.measures} reps={page.reps} values={page.values} />
      )}
    </>
  );
}
