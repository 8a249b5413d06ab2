import type { Metadata } from "next";
import { BulkInviteDialog } from "@/components/invites/bulk-invite-dialog";
import { CreateInviteForm } from "@/components/invites/create-invite-form";
import { InvitesTable } from "@/components/invites/invites-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { loadInvitesPage } from "@/lib/invites/loaders";

export const metadata: Metadata = { title: "Invite links" };

export default async function InvitesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await loadInvitesPage(slug);
  return (
    <>
      <PageHeader
        title="Invite links"
        actions={
          page.teams.length > 0 || page.canInviteStaff ? (
            <BulkInviteDialog slug={page.slug} teams={page.teams} canInviteStaff={page.canInviteStaff} />
          ) : undefined
        }
        description={
          page.canInviteStaff
            ? "Invite reps to a team, or leaders and admins. A link expires, can be limited to a number of uses or to one email, and can be revoked."
            : "Invite reps to the teams you lead. A link expires, can be limited to a number of uses or to one email, and can be revoked."
        }
      />
      <div className="space-y-6">
        {page.teams.length === 0 && !page.canInviteStaff ? (
          <EmptyState title="You lead no team yet">An admin can make you the leader of a team; then you can invite its reps.</EmptyState>
        ) : (
          <Panel title="New invite link">
            <CreateInviteForm slug={page.slug} teams={page.teams} canInviteStaff={page.canInviteStaff} />
          </Panel>
        )}
        <InvitesTable slug={page.slug} invites={page.invites} timeZone={page.timeZone} />
      </div>
    </>
  );
}
