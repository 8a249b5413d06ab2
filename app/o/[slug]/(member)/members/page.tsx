import type { Metadata } from "next";
import Link from "next/link";
import { MemberFilters } from "@/components/members/member-filters";
import { MembersPagination } from "@/components/members/members-pagination";
import { MembersTable } from "@/components/members/members-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadMembersPage } from "@/lib/members/loaders";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const page = await loadMembersPage(slug, await searchParams);
  const filtered = Object.values(page.filter).some(Boolean);
  return (
    <>
      <PageHeader
        title="Members"
        description={
          page.canManage
            ? "Everyone in the organisation: change roles, move reps between teams, deactivate and reactivate."
            : "The people of the teams you lead."
        }
        actions={
          <>
            <a href={`/o/${page.slug}/members/export`} className={buttonClasses("secondary")} download>
              Export CSV
            </a>
            <Link href={`/o/${page.slug}/members/import`} className={buttonClasses("primary")}>
              Import people
            </Link>
          </>
        }
      />
      <MemberFilters filter={page.filter} teams={page.teams} basePath={`/o/${page.slug}/members`} />
      <MembersTable
        slug={page.slug}
        members={page.members}
        teams={page.teams}
        canManage={page.canManage}
        currentUserId={page.currentUserId}
        timeZone={page.timeZone}
        filtered={filtered}
      />
      <MembersPagination basePath={`/o/${page.slug}/members`} filter={page.filter} page={page.page} shown={page.members.length} />
    </>
  );
}
