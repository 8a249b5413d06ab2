"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { useActionRunner } from "@/components/ui/use-action";
import { formatDateTime, ROLE_LABEL } from "@/lib/format";
import { revokeInviteLink, sendInviteEmail } from "@/lib/invites/actions";
import { INVITE_STATUS_LABEL, type InviteStatus } from "@/lib/invites/status";
import type { MemberRole } from "@/lib/permissions";

type Invite = {
  id: string;
  role: MemberRole;
  teamName: string | null;
  email: string | null;
  uses: number;
  maxUses: number;
  expiresAt: Date;
  createdAt: Date;
  createdByName: string;
  emailedAt: Date | null;
  status: InviteStatus;
};

const tone = { active: "green", used_up: "neutral", expired: "amber", revoked: "red" } as const;

export function InvitesTable({ slug, invites, timeZone }: { slug: string; invites: Invite[]; timeZone: string }) {
  const { run, pending } = useActionRunner();
  if (invites.length === 0) {
    return <EmptyState title="No invite links yet">Create a link above and send it to the people you want to join.</EmptyState>;
  }
  return (
    <Table caption="Invite links">
      <thead>
        <tr>
          <Th>Invites</Th>
          <Th>Status</Th>
          <Th>Uses</Th>
          <Th>Expires</Th>
          <Th>Created by</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invites.map((invite) => {
          const label = `${ROLE_LABEL[invite.role]}${invite.teamName ? ` · ${invite.teamName}` : ""}`;
          return (
            <tr key={invite.id}>
              <Td>
                <div className="font-medium text-slate-900">{label}</div>
                <div className="text-xs text-slate-500">{invite.email ? `Only for ${invite.email}` : "Anyone with the link"}</div>
                {invite.emailedAt && <div className="text-xs text-slate-500">Emailed {formatDateTime(invite.emailedAt, timeZone)}</div>}
              </Td>
              <Td>
                <Badge tone={tone[invite.status]}>{INVITE_STATUS_LABEL[invite.status]}</Badge>
              </Td>
              <Td>
                {invite.uses} of {invite.maxUses}
              </Td>
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(invite.expiresAt, timeZone)}</Td>
              <Td>
                <div>{invite.createdByName}</div>
                <div className="text-xs text-slate-500">{formatDateTime(invite.createdAt, timeZone)}</div>
              </Td>
              <Td className="text-right whitespace-nowrap">
                {invite.status === "active" && invite.email && (
                  <ConfirmDialog
                    trigger={
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        aria-label={`${invite.emailedAt ? "Resend" : "Send by email"}: ${label} for ${invite.email}`}
                      >
                        {invite.emailedAt ? "Resend" : "Send by email"}
                      </Button>
                    }
                    title={invite.emailedAt ? `Resend the invite to ${invite.email}?` : `Email the invite to ${invite.email}?`}
                    description="They get a mail with a new link, your name, the organisation, the role and the team. Any link made for this invite before stops working."
                    confirmLabel={invite.emailedAt ? "Resend" : "Send"}
                    destructive={false}
                    onConfirm={() => run(() => sendInviteEmail(slug, { inviteId: invite.id }), `Invite sent to ${invite.email}.`)}
                  />
                )}
                {invite.status === "active" && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" disabled={pending} aria-label={`Revoke invite link: ${label}`}>
                        Revoke
                      </Button>
                    }
                    title="Revoke this invite link?"
                    description="Nobody will be able to join with it any more. People who already joined stay members."
                    confirmLabel="Revoke link"
                    onConfirm={() => run(() => revokeInviteLink(slug, { inviteId: invite.id }), "Invite link revoked.")}
                  />
                )}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
