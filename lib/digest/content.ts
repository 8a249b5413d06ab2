import type { DbOrTx } from "@/db/client";
import { listOverduePlanActions } from "@/db/queries/coaching";
import { findCurrentCycle } from "@/db/queries/cycles";
import { listPendingSelfAssessments } from "@/db/queries/dashboards";
import { listRepsOverdueForOneOnOne, type CoachingOrg } from "@/lib/coaching/queue";
import { listRelationshipsWithFlags } from "@/lib/relationships/list";
import { todayIn } from "@/lib/dates";

/** How many entries of each section a digest lists by name; the rest are counted. */
const DIGEST_LISTED = 10;
/** Pending self-assessments read for a digest: enough to list and to say "and N more" up to this. */
const PENDING_READ = 500;

type Listed<T> = { count: number; items: T[] };
const listed = <T>(all: readonly T[]): Listed<T> => ({ count: all.length, items: all.slice(0, DIGEST_LISTED) });

export type LeaderDigest = {
  cycleName: string | null;
  pendingSelfAssessments: Listed<{ name: string; teamName: string; started: boolean }>;
  overdueOneOnOnes: Listed<{ name: string; teamName: string | null; daysSince: number }>;
  overduePlanActions: Listed<{ description: string; repName: string; behaviourName: string; dueOn: string }>;
  overdueContacts: Listed<{ counterpartName: string; departmentName: string; dueOn: string }>;
  overdueNextSteps: Listed<{ counterpartName: string; nextStep: string; dueOn: string }>;
};

/**
 * What a leader has to do this week, for their digest: their teams' pending self-assessments of the open cycle,
 * reps overdue for a 1:1, overdue actions of coaching plans, and their own relationships' overdue contacts and next
 * steps. The dashboard's own queries and rules, so the digest and the dashboard agree. A fixed number of queries.
 */
export async function buildLeaderDigest(
  db: DbOrTx,
  org: CoachingOrg,
  leader: { userId: string; teamIds: readonly string[] },
  now: Date,
): Promise<LeaderDigest> {
  const teamIds = leader.teamIds;
  const [cycle, oneOnOnes, actions, relationships] = await Promise.all([
    findCurrentCycle(db, org.id),
    listRepsOverdueForOneOnOne(db, org, { teamIds }, now),
    listOverduePlanActions(db, org.id, todayIn(org.timeZone, now), { teamIds }),
    listRelationshipsWithFlags(db, org, leader.userId, now),
  ]);
  const pending = cycle ? await listPendingSelfAssessments(db, org.id, cycle.id, teamIds, PENDING_READ) : [];
  return {
    cycleName: cycle?.name ?? null,
    pendingSelfAssessments: listed(pending.map((p) => ({ name: p.name, teamName: p.teamName, started: Boolean(p.started) }))),
    overdueOneOnOnes: listed(oneOnOnes.map((r) => ({ name: r.name, teamName: r.teamName, daysSince: r.oneOnOne.daysSince }))),
    overduePlanActions: listed(
      actions.map((a) => ({ description: a.description, repName: a.repName, behaviourName: a.behaviourName, dueOn: a.dueOn })),
    ),
    overdueContacts: listed(
      relationships
        .filter((r) => r.contact.overdue)
        .map((r) => ({ counterpartName: r.counterpartName, departmentName: r.departmentName, dueOn: r.contact.dueOn })),
    ),
    overdueNextSteps: listed(
      relationships
        .filter((r) => r.nextStepOverdue && r.nextStep)
        .map((r) => ({ counterpartName: r.counterpartName, nextStep: r.nextStep!, dueOn: r.nextStepDue! })),
    ),
  };
}

/** A digest is sent only when there is something to do. */
export function digestHasWork(digest: LeaderDigest): boolean {
  return (
    digest.pendingSelfAssessments.count +
      digest.overdueOneOnOnes.count +
      digest.overduePlanActions.count +
      digest.overdueContacts.count +
      digest.overdueNextSteps.count >
    0
  );
}
