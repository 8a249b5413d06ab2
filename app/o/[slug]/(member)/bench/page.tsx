import type { Metadata } from "next";
import { PingButton } from "@/components/bench/ping-button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadTrivialPage } from "@/lib/bench/loaders";

export const metadata: Metadata = { title: "Trivial page" };

/** The benchmark's trivial page: the member layout and one `SELECT 1`. `npm run bench` compares real pages with it. */
export default async function TrivialPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadTrivialPage(slug);
  return (
    <>
      <PageHeader
        title="Trivial page"
        description="The least a signed-in page can do. The benchmark compares the grid and the overview with this page."
      />
      <Panel title={page.databaseAnswered ? "The database answered." : "The database gave an unexpected answer."}>
        <PingButton slug={page.slug} />
      </Panel>
    </>
  );
}
