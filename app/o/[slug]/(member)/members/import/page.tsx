import type { Metadata } from "next";
import Link from "next/link";
import { PeopleImport } from "@/components/people-import/people-import";
import { PageHeader } from "@/components/ui/page-header";
import { loadImportPage } from "@/lib/people-import/loaders";

export const metadata: Metadata = { title: "Import people" };

export default async function ImportPeoplePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadImportPage(slug);
  return (
    <>
      <PageHeader
        title="Import people"
        description="Bring in a whole sales organisation from a spreadsheet: teams, leaders and reps, each invited with their role and team."
        actions={
          <Link href={`/o/${page.slug}/members`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            Back to members
          </Link>
        }
      />
      <PeopleImport slug={page.slug} isAdmin={page.isAdmin} ledTeams={page.ledTeams} mailConfigured={page.mailConfigured} />
    </>
  );
}
