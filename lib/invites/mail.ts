import type { DbOrTx } from "@/db/client";
import type { MemberRole } from "@/db/schema/enums";
import { formatDateTime } from "@/lib/format";
import { queueMails } from "@/lib/mail/queue";

export const joinPath = (slug: string, token: string) => `/o/${slug}/join/${token}`;

type Invitation = { email: string; token: string; role: MemberRole; teamName: string | null; expiresAt: Date };

/** Queues one invitation mail per invite, in the caller's transaction (two statements at most, however many). */
export async function queueInviteMails(
  db: DbOrTx,
  org: { id: string; slug: string; name: string; timeZone: string },
  inviter: { name: string },
  invitations: readonly Invitation[],
): Promise<void> {
  await queueMails(
    db,
    org.id,
    invitations.map((invite) => ({
      kind: "invitation" as const,
      to: { email: invite.email },
      props: {
        inviterName: inviter.name,
        orgName: org.name,
        slug: org.slug,
        role: invite.role,
        teamName: invite.teamName,
        token: invite.token,
        expires: formatDateTime(invite.expiresAt, org.timeZone),
      },
    })),
  );
}
