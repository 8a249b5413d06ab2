import type { Metadata } from "next";
import Link from "next/link";
import { AddBehaviourButton } from "@/components/framework/add-behaviour-button";
import { ArchivedBehaviours } from "@/components/framework/archived-behaviours";
import { BehaviourCard } from "@/components/framework/behaviour-card";
import { ConfirmFramework } from "@/components/framework/confirm-framework";
import { CountNotice } from "@/components/framework/count-notice";
import { FrameworkEditor } from "@/components/framework/framework-editor";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import { loadFrameworkPage } from "@/lib/framework/loaders";

export const metadata: Metadata = { title: "Behaviour framework" };

export default async function FrameworkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadFrameworkPage(slug);
  const manage = page.manage;
  return (
    <>
      <PageHeader
        title="Behaviour framework"
        description={
          <>
            The behaviours that predict success at {page.orgName}, in the order the grid shows them. Each says what a 1, a 3 and a 5 look like, so
            everyone rates against the same picture.
            {manage?.confirmedAt && <> Confirmed on {formatDate(manage.confirmedAt, page.timeZone)}.</>}
            {page.mainMeasure && (
              <>
                {" "}
                Beside each behaviour: whether its leader scores went with {page.mainMeasure.name} across reps in {page.mainMeasure.cycle}, the main
                measure&apos;s latest cycle with results (association, not proof of cause; see{" "}
                <Link href={`/o/${page.slug}/results/analysis`} className="font-medium text-brand-700 underline underline-offset-2">
                  What predicts results
                </Link>
                ). A behaviour that goes with nothing may be worth rewriting.
              </>
            )}
          </>
        }
        actions={page.canManage ? <AddBehaviourButton slug={page.slug} /> : undefined}
      />

      {manage && !manage.confirmedAt && <ConfirmFramework slug={page.slug} orgName={page.orgName} />}
      {manage?.advice && <CountNotice advice={manage.advice} />}

      {page.active.length === 0 ? (
        <EmptyState title="No active behaviours">
          {page.canManage
            ? "Add the behaviours that predict success in your business, or restore archived ones."
            : "An admin has not set up the framework yet."}
        </EmptyState>
      ) : page.canManage ? (
        <FrameworkEditor slug={page.slug} behaviours={page.active} />
      ) : (
        <ol className="space-y-4" aria-label="Behaviours, in order">
          {page.active.map((behaviour, index) => (
            <li key={behaviour.id}>
              <BehaviourCard behaviour={behaviour} position={index + 1} />
            </li>
          ))}
        </ol>
      )}

      {page.archived.length > 0 && <ArchivedBehaviours slug={page.slug} behaviours={page.archived} />}
    </>
  );
}
