import type { DbOrTx } from "@/db/client";
import { queueMails } from "@/lib/mail/queue";

/**
 * Queues a mail with the direct link to their own self-assessment to each of these reps: when a cycle opens, or
 * as a reminder. Optional mails: the queue leaves out unverified addresses and reps who turned reminders off.
 * Two statements however many reps. Returns how many were queued.
 */
export async function queueSelfAssessmentMails(
  db: DbOrTx,
  org: { id: string; slug: string; name: string },
  kind: "cycle_opened" | "self_assessment_reminder",
  about: { cycleName: string; senderName: string },
  reps: readonly { userId: string; name: string; email: string }[],
): Promise<number> {
  return queueMails(
    db,
    org.id,
    reps.map((rep) => ({
      kind,
      to: { email: rep.email, userId: rep.userId },
      props: { orgName: org.name, slug: org.slug, cycleName: about.cycleName, repName: rep.name, senderName: about.senderName },
    })),
  );
}
