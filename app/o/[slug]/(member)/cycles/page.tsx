import type { Metadata } from "next";
import Link from "next/link";
import { CreateCycleForm } from "@/components/cycles/create-cycle-form";
import { CycleTable } from "@/components/cycles/cycle-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadCyclesPage } from "@/lib/cycles/loaders";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Cycles" };

export default async function CyclesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadCyclesPage(slug);
  const cycles = page.cycles.map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    opened: formatDate(c.openedAt, page.timeZone),
    closed: formatDate(c.closedAt, page.timeZone),
  }));
  return (
    <>
      <PageHeader
        title="Assessment cycles"
        description={
          page.current ? (
            <>
              A cycle is one round of ratings. {page.current} is the current cycle; closed cycles are read-only history. Opening a cycle emails every
              rep a link to their self-assessment.{" "}
              <Link href={`/o/${page.slug}/self-assessments`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                See who has submitted and remind the others
              </Link>
            </>
          ) : (
            "A cycle is one round of ratings. No cycle is open: open a draft to start rating. Opening a cycle emails every rep a link to their self-assessment."
          )
        }
      />
      {page.needsConfirmation && (
        <div role="note" className="mb-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
          Before the first cycle opens, confirm the behaviours people will be rated on.{" "}
          <Link href={`/o/${page.slug}/framework`} className="font-medium text-amber-950 underline underline-offset-2">
            Review and confirm the framework
          </Link>
        </div>
      )}
      <div className="mb-6">
        <Panel>
          <CreateCycleForm slug={page.slug} />
        </Panel>
      </div>
      {cycles.length === 0 ? (
        <EmptyState title="No cycles yet">Create the first cycle above, for example “Q1 2027”, then open it.</EmptyState>
      ) : (
        <CycleTable slug={page.slug} cycles={cycles} current={page.current} needsConfirmation={page.needsConfirmation} />
      )}
    </>
  );
}
