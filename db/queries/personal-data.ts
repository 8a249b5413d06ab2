import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  assessments,
  authEvents,
  behaviours,
  coachingPlanActions,
  coachingPlans,
  cycles,
  memberships,
  oneOnOneNoteBehaviours,
  oneOnOneNotes,
  ratings,
  selfRatings,
  teamLeaders,
  teams,
  users,
} from "../schema";
import { parsedJson } from "./execute";

/**
 * A person's own data, for their download from the account page (lib/accounts/personal-data.ts). The account's rows
 * are global; everything else is read inside one organisation at a time (the caller enters it), a fixed number of
 * statements per organisation. Each query filters by the person: their own rows, or what they may read in the app.
 */

/** The account's row without its password hash and session version (credentials, not data about the person). */
export async function personalAccountRow(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** The account's sign-in history and account changes, oldest first. */
export async function personalAuthEvents(db: DbOrTx, userId: string) {
  return db
    .select({ kind: authEvents.kind, email: authEvents.email, at: authEvents.createdAt })
    .from(authEvents)
    .where(eq(authEvents.userId, userId))
    .orderBy(asc(authEvents.createdAt), asc(authEvents.id));
}

// In one organisation.

/** The membership: role, status, when it began, the rep's team and the teams led. */
export async function personalMembership(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({
      role: memberships.role,
      status: memberships.status,
      joinedAt: memberships.createdAt,
      team: teams.name,
      teamsLed: sql<string[] | string>`coalesce((
        select json_agg(lt.name order by lt.name) from ${teamLeaders} tl join ${teams} lt on lt.org_id = tl.org_id and lt.id = tl.team_id
        where tl.org_id = ${memberships.orgId} and tl.user_id = ${memberships.userId}
      ), '[]'::json)`,
    })
    .from(memberships)
    .leftJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row && { ...row, teamsLed: parsedJson(row.teamsLed) };
}

type SelfRatingRow = { behaviour: string; score: number | null; comment: string | null; updatedAt: string };

/** The person's self-assessments, drafts included, each with its self ratings, by cycle. */
export async function personalSelfAssessments(db: DbOrTx, orgId: string, userId: string) {
  const rows = await db
    .select({
      cycleId: assessments.cycleId,
      cycle: cycles.name,
      startedAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
      sharedAt: assessments.sharedAt,
      ratings: sql<SelfRatingRow[] | string>`coalesce((
        select json_agg(json_build_object('behaviour', b.name, 'score', sr.score, 'comment', sr.comment, 'updatedAt', sr.updated_at) order by b.position, b.name)
        from ${selfRatings} sr join ${behaviours} b on b.org_id = sr.org_id and b.id = sr.behaviour_id
        where sr.org_id = ${assessments.orgId} and sr.cycle_id = ${assessments.cycleId} and sr.rep_user_id = ${assessments.repUserId}
      ), '[]'::json)`,
    })
    .from(assessments)
    .innerJoin(cycles, and(eq(cycles.orgId, assessments.orgId), eq(cycles.id, assessments.cycleId)))
    .where(and(eq(assessments.orgId, orgId), eq(assessments.repUserId, userId)))
    .orderBy(asc(cycles.createdAt), asc(cycles.id));
  return rows.map((row) => ({ ...row, ratings: parsedJson(row.ratings) }));
}

/**
 * The leaders' ratings of the person in the cycles whose results they may see (the caller decides which, by blind
 * mode: `cycleIds`, or every cycle when `all`). Leaders' names are not part of it: the ratings are the team's. One
 * statement, even when no cycle is visible (the download's count per organisation stays the same).
 */
export async function personalLeaderRatings(db: DbOrTx, orgId: string, userId: string, visible: { all: true } | { cycleIds: readonly string[] }) {
  return db
    .select({ cycle: cycles.name, behaviour: behaviours.name, score: ratings.score, comment: ratings.comment, updatedAt: ratings.updatedAt })
    .from(ratings)
    .innerJoin(cycles, and(eq(cycles.orgId, ratings.orgId), eq(cycles.id, ratings.cycleId)))
    .innerJoin(behaviours, and(eq(behaviours.orgId, ratings.orgId), eq(behaviours.id, ratings.behaviourId)))
    .where(
      and(
        eq(ratings.orgId, orgId),
        eq(ratings.repUserId, userId),
        "cycleIds" in visible ? inArray(ratings.cycleId, [...visible.cycleIds]) : undefined,
      ),
    )
    .orderBy(asc(cycles.createdAt), asc(behaviours.position), asc(behaviours.name));
}

type PlanAction = { description: string; done: boolean };

/** The coaching plans for the person: focus, target, due date, status and checklist (no scores: see the caller). */
export async function personalCoachingPlans(db: DbOrTx, orgId: string, userId: string) {
  const rows = await db
    .select({
      behaviour: behaviours.name,
      targetScore: coachingPlans.targetScore,
      dueOn: coachingPlans.dueOn,
      status: coachingPlans.status,
      createdAt: coachingPlans.createdAt,
      actions: sql<PlanAction[] | string>`coalesce((
        select json_agg(json_build_object('description', a.description, 'done', a.done_at is not null) order by a.position)
        from ${coachingPlanActions} a where a.org_id = ${coachingPlans.orgId} and a.plan_id = ${coachingPlans.id}
      ), '[]'::json)`,
    })
    .from(coachingPlans)
    .innerJoin(behaviours, and(eq(behaviours.orgId, coachingPlans.orgId), eq(behaviours.id, coachingPlans.behaviourId)))
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.repUserId, userId)))
    .orderBy(asc(coachingPlans.createdAt), asc(coachingPlans.id));
  return rows.map((row) => ({ ...row, actions: parsedJson(row.actions) }));
}

/**
 * The 1:1 notes the person wrote (private ones with their text: only the author reads them) and the notes about them
 * shared with them. Never a private note about them written by someone else.
 */
export async function personalNotes(db: DbOrTx, orgId: string, userId: string) {
  const rows = await db
    .select({
      authorUserId: oneOnOneNotes.authorUserId,
      repUserId: oneOnOneNotes.repUserId,
      // Raw aliases: Drizzle leaves a one-table select's columns unqualified inside sql``, which would be ambiguous here.
      about: sql<string>`(select u.name from ${users} u where u.id = ${oneOnOneNotes}.rep_user_id)`,
      author: sql<string>`(select u.name from ${users} u where u.id = ${oneOnOneNotes}.author_user_id)`,
      heldOn: oneOnOneNotes.heldOn,
      shared: oneOnOneNotes.shared,
      body: oneOnOneNotes.body,
      createdAt: oneOnOneNotes.createdAt,
      updatedAt: oneOnOneNotes.updatedAt,
      behaviours: sql<string[] | string>`coalesce((
        select json_agg(b.name order by b.position, b.name)
        from ${oneOnOneNoteBehaviours} nb join ${behaviours} b on b.org_id = nb.org_id and b.id = nb.behaviour_id
        where nb.org_id = ${oneOnOneNotes}.org_id and nb.note_id = ${oneOnOneNotes}.id
      ), '[]'::json)`,
    })
    .from(oneOnOneNotes)
    .where(
      and(
        eq(oneOnOneNotes.orgId, orgId),
        or(eq(oneOnOneNotes.authorUserId, userId), and(eq(oneOnOneNotes.repUserId, userId), eq(oneOnOneNotes.shared, true))),
      ),
    )
    .orderBy(asc(oneOnOneNotes.heldOn), asc(oneOnOneNotes.createdAt), asc(oneOnOneNotes.id));
  return rows.map((row) => ({ ...row, behaviours: parsedJson(row.behaviours) }));
}
