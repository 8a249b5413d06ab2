import "server-only";
import { findCurrentCycle } from "@/db/queries/cycles";
import { listSelfAssessmentProgress, REMINDER_INTERVAL_HOURS } from "@/db/queries/reminders";
import { listActiveTeams } from "@/db/queries/teams";
import { memberLoader } from "@/lib/chain/member";
import { can, teamScope } from "@/lib/permissions";
import { remindersPageSchema } from "@/lib/schemas/reminders";

/**
 * Who has submitted the open cycle's self-assessment, who has not, and when each was last reminded: the scope's
 * active reps (admins: every team; leaders: the teams they lead), optionally one team. Three queries.
 */
export const loadSelfAssessmentsPage = memberLoader(
  {
    route: "/o/[slug]/self-assessments",
    permission: "people.view",
    input: remindersPageSchema,
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }, { team }) => {
    const scope = teamScope(member);
    const [cycle, allTeams] = await Promise.all([findCurrentCycle(db, org.id), listActiveTeams(db, org.id)]);
    const teams = allTeams.filter((t) => !scope || scope.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
    // A team outside the member's scope shows nothing rather than another team's people.
    const teamIds = team ? (teams.some((t) => t.id === team) ? [team] : []) : scope;
    const reps = cycle ? await listSelfAssessmentProgress(db, org.id, cycle.id, teamIds) : [];
    const now = Date.now();
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
      teams,
      team: team && teams.some((t) => t.id === team) ? team : null,
      canRemind: teams.some((t) => can(member, "cycles.remind", { teamId: t.id })),
      intervalHours: REMINDER_INTERVAL_HOURS,
      reps: reps.map((r) => ({
        userId: r.userId,
        name: r.name,
        email: r.email,
        teamName: r.teamName,
        status: r.submittedAt ? ("submitted" as const) : r.started ? ("draft" as const) : ("not_started" as const),
        lastRemindedAt: r.lastRemindedAt,
        notMailable: r.notMailable,
        remindable:
          !r.submittedAt && !r.notMailable && (!r.lastRemindedAt || now - r.lastRemindedAt.getTime() >= REMINDER_INTERVAL_HOURS * 3_600_000),
      })),
    };
  },
);
