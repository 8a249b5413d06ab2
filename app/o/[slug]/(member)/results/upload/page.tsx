import type { Metadata } from "next";
import Link from "next/link";
import { ResultsUpload } from "@/components/results/results-upload";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadResultsUploadPage } from "@/lib/results/loaders";

export const metadata: Metadata = { title: "Upload results" };

export default async function ResultsUploadPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const page = await loadResultsUploadPage(slug, await searchParams);
  return (
    <>
      <PageHeader
        title="Upload results"
        description={
          <>
            Each rep’s values for a cycle from a spreadsheet. Every row is checked and shown first; nothing is saved until you confirm.{" "}
            <Link href={`/o/${page.slug}/results`} className="font-medium text-brand-700 underline">
              Back to the results
            </Link>
          </>
        }
      />
      {page.cycles.length === 0 ? (
        <EmptyState title="No cycle yet">Results belong to a cycle. Once an admin opens one, its results can be uploaded here.</EmptyState>
      ) : page.measures.length === 0 ? (
        <EmptyState title="No measures yet">
          {page.canManage ? (
            <>
              Add the measures the file names first, in{" "}
              <Link href={`/o/${page.slug}/results/settings`} className="font-medium text-brand-700 underline">
                Measures and API tokens
              </Link>
              .
            </>
          ) : (
            "An admin adds the measures the file names first."
          )}
        </EmptyState>
      ) : (
        <ResultsUpload slug={page.slug} cycles={page.cycles} cycleId={page.cycleId} measures={page.measures} isAdmin={page.isAdmin} />
      )}
    </>
  );
}
