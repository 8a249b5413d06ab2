import type { DbOrTx } from "@/db/client";
import { formatDateTime } from "@/lib/format";
import { queueMail } from "@/lib/mail/queue";

export const checkInPath = (slug: string, token: string) => `/o/${slug}/check-in/${token}`;

/** Mails a check-in link to the counterpart's address, with the leader's name and who reads the answers. */
export async function queueCheckInMail(
  db: DbOrTx,
  org: { id: string; slug: string; name: string; timeZone: string },
  link: { email: string; token: string; leaderName: string; counterpartName: string; expiresAt: Date },
): Promise<void> {
  await queueMail(db, org.id, {
    kind: "check_in_link",
    to: { email: link.email },
    props: {
      orgName: org.name,
      slug: org.slug,
      leaderName: link.leaderName,
      counterpartName: link.counterpartName,
      token: link.token,
      expires: formatDateTime(link.expiresAt, org.timeZone),
    },
  });
}
