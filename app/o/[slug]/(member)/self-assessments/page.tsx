import type { Metadata } from "next";
import Link from "next/link";
import { RemindButton } from "@/components/reminders/remind-button";
import { SelfAssessmentTable } from "@/components/reminders/self-assessment-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { loadSelfAssessmentsPage } from "@/lib/reminders/loaders";

export const metadata: Metadata = { title: "Self-assessments" };

export default async function SelfAssessmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { team } = await searchParams;
  const page = await loadSelfAssessmentsPage(slug, { team: typeof team === "string" ? team : "" });
  const pending = page.reps.filter((r) => r.status !== "submitted").length;
  const remindable = page.reps.filter((r) => r.remindable).length;
  return (
    <>
      <PageHeader
        title="Self-assessments"
        description={
          page.cycle
            ? `${page.cycle.name}: ${page.reps.length - pending} of ${page.reps.length} submitted. A reminder is one email with a direct link to the rep's own self-assessment, at most one per rep every ${page.intervalHours} hours.`
            : "No cycle is open. When an admin opens one, every rep is emailed a link to their self-assessment."
        }
        actions={
          page.cycle && page.canRemind ? (
            <RemindButton slug={page.slug} teamId={page.team} remindable={remindable} cycleName={page.cycle.name} intervalHours={page.intervalHours} />
          ) : undefined
        }
      />
      {page.cycle ? (
        <>
          {page.teams.length > 1 && (
            <form method="get" role="search" aria-label="Filter by team" className="mb-4 flex flex-wrap items-end gap-3">
              <SelectField label="Team" name="team" defaultValue={page.team ?? ""} className="w-48">
                <option value="">All teams</option>
                {page.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </SelectField>
              <button type="submit" className={buttonClasses("secondary")}>
                Apply
              </button>
              <Link href={`/o/${page.slug}/self-assessments`} className={buttonClasses("ghost")}>
                Clear
              </Link>
            </form>
          )}
          <SelfAssessmentTable reps={page.reps} timeZone={page.timeZone} />
        </>
      ) : (
        <EmptyState title="No open cycle">Self-assessments start when a cycle opens.</EmptyState>
      )}
    </>
  );
}
