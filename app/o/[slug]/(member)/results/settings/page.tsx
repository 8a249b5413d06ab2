import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensPanel } from "@/components/results/api-tokens-panel";
import { MeasuresPanel } from "@/components/results/measures-panel";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadResultsSettings } from "@/lib/results/loaders";

export const metadata: Metadata = { title: "Measures and API tokens" };

export default async function ResultsSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadResultsSettings(slug);
  return (
    <>
      <PageHeader
        title="Measures and API tokens"
        description={
          <>
            Only admins see this page.{" "}
            <Link href={`/o/${page.slug}/results`} className="font-medium text-brand-700 underline">
              Back to the results
            </Link>
          </>
        }
      />
      <div className="max-w-2xl space-y-6">
        <Panel
          title="Measures"
          description="The sales results you track per rep and cycle. The main measure is the one each behaviour is set against on the framework page."
        >
          <MeasuresPanel slug={page.slug} measures={page.measures} />
        </Panel>
        <section id="api-tokens" className="scroll-mt-24">
          <Panel
            title="API tokens"
            description={
              <>
                Let another system, such as a CRM export job, send results with{" "}
                <code className="text-xs break-all">PUT /api/v1/organisations/{page.slug}/cycles/&#123;cycleId&#125;/results</code>. See the{" "}
                <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
                  OpenAPI description
                </a>
                .
              </>
            }
          >
            <ApiTokensPanel slug={page.slug} tokens={page.tokens} timeZone={page.timeZone} />
          </Panel>
        </section>
      </div>
    </>
  );
}
