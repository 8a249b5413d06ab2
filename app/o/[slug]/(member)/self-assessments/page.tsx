import type { Metadata } from "next";
import { RemindButton } from "@/components/reminders/remind-button";
import { SelfAssessmentTable } from "@/components/reminders/self-assessment-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TeamFilter } from "@/components/ui/team-filter";
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
            <RemindButton
              slug={page.slug}
              teamId={page.team}
              remindable={remindable}
              cycleName={page.cycle.name}
              intervalHours={page.intervalHours}
            />
          ) : undefined
        }
      />
      {page.cycle ? (
        <>
          {page.teams.length > 1 && (
            <TeamFilter
              teams={page.teams}
              team={page.team}
              submitLabel="Apply"
              clearHref={`/o/${page.slug}/self-assessments`}
              className="mb-4 flex flex-wrap items-end gap-3"
              selectClassName="w-48"
            />
          )}
          <SelfAssessmentTable reps={page.reps} timeZone={page.timeZone} />
        </>
      ) : (
        <EmptyState title="No open cycle">Self-assessments start when a cycle opens.</EmptyState>
      )}
    </>
  );
}
