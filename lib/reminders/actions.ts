"use server";

import "server-only";
import { claimSelfAssessmentReminders } from "@/db/queries/reminders";
import { findCurrentCycle } from "@/db/queries/cycles";
import { findTeam } from "@/db/queries/teams";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { teamScope } from "@/lib/permissions";
import { remindSchema } from "@/lib/schemas/reminders";
import { queueSelfAssessmentMails } from "./mail";

/**
 * "Remind those who have not submitted": one mail to each active rep of the scope whose self-assessment for the
 * open cycle is not submitted, unless they were reminded in the last 24 hours (by anyone). Admins remind the whole
 * organisation or one team, leaders one of their teams or all of them (blank). A constant number of statements
 * however many reps: the claim is one statement, the mails one insert; the worker sends them after commit.
 */
export const remindPendingSelfAssessments = memberAction(
  {
    name: "cycle.remind",
    permission: "cycles.remind",
    input: remindSchema,
    // Blank: every team the member leads, which a leader may remind as soon as they lead one.
    target: (input, { member }) => ({ teamId: input.teamId ?? member.ledTeamIds[0] ?? null }),
    expect: { allow: ["admin", "leader", "coLeader"] },
  },
  async ({ db, org, member, user, audit }, { teamId }) => {
    const cycle = await findCurrentCycle(db, org.id);
    if (!cycle) throw new Refusal("conflict", "No cycle is open: there is no self-assessment to remind anyone of.");
    const team = teamId ? await findTeam(db, org.id, teamId) : undefined;
    if (teamId && !team) throw new Refusal("not_found", "That team does not exist.");
    const scope = teamId ? [teamId] : teamScope(member);
    const reps = await claimSelfAssessmentReminders(db, org.id, cycle.id, scope, user.id, new Date());
    await queueSelfAssessmentMails(db, org, "self_assessment_reminder", { cycleName: cycle.name, senderName: user.name }, reps);
    await audit({
      targetType: "cycle",
      targetId: cycle.id,
      targetLabel: cycle.name,
      after: { reminded: reps.length, team: team?.name ?? null },
    });
    return { reminded: reps.length };
  },
);
