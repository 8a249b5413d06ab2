import "server-only";
import { findCoachingSettings, listActivePlansOfRep, listSharedNotesOfRep } from "@/db/queries/coaching";
import { findTeam } from "@/db/queries/teams";
import { readBaseline } from "@/lib/assessments/loaders";
import { memberLoader } from "@/lib/chain/member";
import { planView } from "@/lib/coaching/plans";
import { labelLegend, labelOf } from "@/lib/coaching/rules";
import { todayIn } from "@/lib/dates";
import { repTarget } from "@/lib/members/rep-target";
import { baselineViewSchema } from "@/lib/schemas/assessments";

/** How many shared 1:1 notes a report prints, newest first. */
export const REPORT_NOTES = 10;

/**
 * One rep's printable report for a cycle (the chosen one, else the open one, else the last closed one): self vs
 * leader per behaviour with the gap and its coaching label, the active plans and the notes shared with the rep.
 *
 * Who sees what is the baseline's (lib/assessments/visibility.ts, through readBaseline): the rep's copy holds the
 * leader's scores, comments, gaps, labels and plan scores only for cycles shared with them. A coach's copy holds
 * their side even before it is shared, and says so. Both copies hold shared notes only: a printed report leaves
 * the room, so private notes are never read here, not even the viewer's own. A constant number of queries.
 */
export const loadRepReport = memberLoader(
  {
    route: "/o/[slug]/reps/[repId]/report",
    permission: "rep.viewResults",
    input: baselineViewSchema,
    target: (input, { db, org }) => repTarget(db, org.id, input.repId),
    expect: { allow: ["admin", "leader", "coLeader", "rep"] },
  },
  async (ctx, input) => {
    const { db, org } = ctx;
    const [baseline, settings, notes] = await Promise.all([
      readBaseline(ctx, input, "report"),
      findCoachingSettings(db, org.id),
      listSharedNotesOfRep(db, org.id, input.repId, REPORT_NOTES + 1),
    ]);
    const { rep, viewerIsRep, cycle } = baseline;
    // Plan scores come only from cycles whose leader ratings the viewer may see (every cycle for a coach).
    const leaderCycleIds = viewerIsRep ? baseline.history.filter((c) => c.visible.leader).map((c) => c.cycleId) : undefined;
    const [team, plans] = await Promise.all([
      rep.teamId ? findTeam(db, org.id, rep.teamId) : Promise.resolve(undefined),
      listActivePlansOfRep(db, org.id, rep.userId, leaderCycleIds),
    ]);
    // On a coach's copy: the cycles whose leader ratings the rep cannot see yet.
    const unshared = new Set(viewerIsRep ? [] : baseline.history.filter((c) => !c.sharedWithRep).map((c) => c.cycleId));

    return {
      slug: org.slug,
      orgName: org.name,
      today: todayIn(org.timeZone),
      viewerIsRep,
      rep: { userId: rep.userId, name: rep.name, teamName: team?.name ?? null },
      cycles: baseline.cycles,
      cycle: cycle && {
        id: cycle.id,
        name: cycle.name,
        status: cycle.status,
        assessment: cycle.assessment,
        visible: cycle.visible,
        /** A coach's copy holds leader ratings and comments the rep cannot see yet: the page says so. */
        notYetShared: unshared.has(cycle.id),
        honestGaps: cycle.honestGaps,
        rows: cycle.rows.map((row) => ({
          ...row,
          label: row.self?.score != null && row.leader?.score != null ? labelOf(row.self.score, row.leader.score, settings) : null,
        })),
      },
      legend: labelLegend(settings, "report"),
      plans: plans.map((p) => ({
        ...planView(p),
        notYetShared:
          (p.scoreThen !== null && p.cycleId !== null && unshared.has(p.cycleId)) || (p.latest !== null && unshared.has(p.latest.cycleId)),
      })),
      notes: notes.slice(0, REPORT_NOTES).map((n) => ({
        id: n.id,
        heldOn: n.heldOn,
        body: n.body,
        shared: true,
        authorName: n.authorName,
        // A document has no "you": every note names its author, and no note is editable from here.
        own: false,
        behaviours: n.behaviours,
      })),
      moreNotes: notes.length > REPORT_NOTES,
    };
  },
);

export type RepReport = Awaited<ReturnType<typeof loadRepReport>>;
