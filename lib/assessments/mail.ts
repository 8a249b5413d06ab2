import type { DbOrTx } from "@/db/client";
import { queueMail } from "@/lib/mail/queue";

/** Tells the rep their results were shared, with a link to them (optional: the rep may turn these off). */
export async function queueResultsSharedMail(
  db: DbOrTx,
  org: { id: string; slug: string; name: string },
  rep: { userId: string; name: string; email: string },
  about: { cycleId: string; cycleName: string; coachName: string },
): Promise<void> {
  await queueMail(db, org.id, {
    kind: "results_shared",
    to: { email: rep.email, userId: rep.userId },
    props: {
      orgName: org.name,
      slug: org.slug,
      repUserId: rep.userId,
      cycleId: about.cycleId,
      cycleName: about.cycleName,
      repName: rep.name,
      coachName: about.coachName,
    },
  });
}
