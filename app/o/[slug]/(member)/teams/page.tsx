import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { TeamCard } from "@/components/teams/team-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadTeamsPage } from "@/lib/teams/loaders";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadTeamsPage(slug);
  return (
    <>
      <PageHeader
        title="Teams"
        description={page.canManage ? "Each rep is in one team; a team has one or more leaders who rate and coach its reps." : "The teams you lead."}
      />
      {page.canManage && (
        <div className="mb-6">
          <Panel>
            <CreateTeamForm slug={page.slug} />
          </Panel>
        </div>
      )}
      {page.teams.length === 0 ? (
        <EmptyState title="No teams yet">
          {page.canManage ? "Create a team above, then add a leader and move reps into it." : "An admin can make you the leader of a team."}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {page.teams.map((team) => (
            <TeamCard key={team.id} slug={page.slug} team={team} canManage={page.canManage} leaders={page.leaders} reps={page.reps} />
          ))}
        </ul>
      )}
    </>
  );
}
