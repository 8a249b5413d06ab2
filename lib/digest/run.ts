import type { Db } from "@/db/client";
import { claimLeaderDigest, listLeadersAwaitingDigest, listOrganisationsForDigest, markLeaderDigestSent } from "@/db/queries/digests";
import { inScope } from "@/db/tenant";
import { queueMail } from "@/lib/mail/queue";
import { buildLeaderDigest, digestHasWork } from "./content";
import { digestWeekDue } from "./schedule";

export type DigestRun = { queued: number; nothingToDo: number; skipped: number };

/**
 * Queues the weekly digest of every leader whose organisation's Monday 08:00 has come (digestWeekDue) and who has
 * none for the week yet. Each leader's digest is one transaction: claim the week's key, read what there is to do,
 * queue the mail when there is something. Any number of instances may run this at once: the key's insert lets one
 * through per leader and week, and the others find the row and skip. Returns what it did, for the log.
 */
export async function runWeeklyDigests(db: Db, now: Date = new Date()): Promise<DigestRun> {
  const run: DigestRun = { queued: 0, nothingToDo: 0, skipped: 0 };
  for (const org of await listOrganisationsForDigest(db)) {
    const week = digestWeekDue(now, org.timeZone);
    if (!week) continue;
    // Behind the wall, in the organisation's scope: its leaders, then one transaction per leader.
    for (const leader of await inScope(db, { orgId: org.id }, (tx) => listLeadersAwaitingDigest(tx, org.id, week))) {
      const outcome = await inScope(db, { orgId: org.id }, async (tx) => {
        if (!(await claimLeaderDigest(tx, org.id, leader.userId, week))) return "skipped";
        const digest = await buildLeaderDigest(tx, org, { userId: leader.userId, teamIds: leader.teamIds }, now);
        if (!digestHasWork(digest)) return "nothingToDo";
        const queued = await queueMail(tx, org.id, {
          kind: "leader_digest",
          to: { email: leader.email, userId: leader.userId },
          props: { orgName: org.name, slug: org.slug, leaderName: leader.name, week, digest },
        });
        if (!queued) return "skipped"; // address not verified, or the leader turned the digest off
        await markLeaderDigestSent(tx, org.id, leader.userId, week, now);
        return "queued";
      });
      run[outcome] += 1;
    }
  }
  return run;
}
