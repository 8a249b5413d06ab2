import type { Metadata } from "next";
import Link from "next/link";
import { SelfAssessmentForm } from "@/components/self-assessment/self-assessment-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loadSelfAssessment } from "@/lib/assessments/loaders";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/assessments/visibility";

export const metadata: Metadata = { title: "Self-assessment" };

export default async function SelfAssessmentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadSelfAssessment(slug);
  const { cycle } = page;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Self-assessment"
        description={cycle ? `${cycle.name} · How do you see yourself on each behaviour?` : "Rate yourself on the behaviours that predict success."}
        actions={
          cycle && (
            <Badge tone={page.status === "shared" || page.status === "submitted" ? "green" : page.status === "draft" ? "amber" : "neutral"}>
              {ASSESSMENT_STATUS_LABEL[page.status]}
            </Badge>
          )
        }
      />
      <p className="-mt-3 mb-6 text-sm">
        <Link href={page.baselineHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Your results across cycles
        </Link>
      </p>
      {!cycle ? (
        <EmptyState title="No assessment cycle is open">
          Your self-assessment opens when your organisation starts a cycle such as “Q1 2027”. Your leader will let you know.
        </EmptyState>
      ) : page.behaviours.length === 0 ? (
        <EmptyState title="No behaviours to rate yet">Your organisation has not set up its behaviours yet.</EmptyState>
      ) : (
        <SelfAssessmentForm
          key={`${cycle.id}:${page.status}`}
          slug={page.slug}
          cycleId={cycle.id}
          cycleName={cycle.name}
          status={page.status}
          submittedOn={page.submittedOn}
          leaderVisible={page.leaderVisible}
          behaviours={page.behaviours}
        />
      )}
    </div>
  );
}
