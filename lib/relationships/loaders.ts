import "server-only";
import { z } from "zod";
import { listCheckIns } from "@/db/queries/check-ins";
import { checkInStatus } from "@/lib/check-ins/status";
import { dateInZone, todayIn } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { findRelationship, listActions, listDepartments, listGoals, listInteractions } from "@/db/queries/relationships";
import { memberLoader } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { relationshipPageSchema } from "@/lib/schemas/relationships";
import { listRelationshipsWithFlags } from "./list";
import { contactState, isOverdue, lastContact } from "./rules";
import { relationshipTarget } from "./target";

/**
 * The relationships list: a leader's own, every relationship for an admin (with its owner), reps none (403).
 * Each row carries its flags (overdue contact, next step, actions), computed in the organisation's time zone.
 * Two queries after the chain's own, however many relationships, interactions and actions there are.
 */
export const loadRelationshipsPage = memberLoader(
  {
    route: "/o/[slug]/relationships",
    permission: "relationships.keep",
    input: z.object({}),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader"] },
  },
  async ({ db, org, member }) => {
    const isAdmin = member.role === "admin";
    const today = todayIn(org.timeZone);
    const [rows, departments] = await Promise.all([
      listRelationshipsWithFlags(db, org, isAdmin ? undefined : member.userId),
      listDepartments(db, org.id),
    ]);
    const relationships = rows.map((r) => ({ ...r, own: r.ownerUserId === member.userId }));
    const own = relationships.filter((r) => r.own);
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      today,
      isAdmin,
      departments: departments.map(({ id, name }) => ({ id, name })),
      relationships,
      /** The viewer keeps relationships but has not picked the first one to develop. */
      needsPriority: own.length > 0 && !own.some((r) => r.priority),
      hasOwn: own.length > 0,
      flags: {
        contacts: relationships.filter((r) => r.contact.overdue).length,
        nextSteps: relationships.filter((r) => r.nextStepOverdue).length,
        actions: relationships.filter((r) => r.actionsOverdue).length,
      },
    };
  },
);

/**
 * One relationship: its details, joint goals, interaction log (the timeline and the trust line) and small
 * actions. Its keeper and admins only; another organisation's id is "not found".
 */
export const loadRelationship = memberLoader(
  {
    route: "/o/[slug]/relationships/[relationshipId]",
    permission: "relationships.edit",
    input: relationshipPageSchema,
    target: (input, { db, org }) => relationshipTarget(db, org.id, input.relationshipId),
    expect: { allow: ["admin", "leader"] },
  },
  async ({ db, org, member }, { relationshipId }) => {
    const [relationship, goals, interactions, actions, departments, checkIns] = await Promise.all([
      findRelationship(db, org.id, relationshipId),
      listGoals(db, org.id, relationshipId),
      listInteractions(db, org.id, relationshipId),
      listActions(db, org.id, relationshipId),
      listDepartments(db, org.id, { includeArchived: true }),
      listCheckIns(db, org.id, relationshipId),
    ]);
    if (!relationship) throw new Refusal("not_found");
    const now = new Date();
    const today = todayIn(org.timeZone, now);
    const answers = checkIns.flatMap((c) =>
      c.answeredAt && c.trust !== null
        ? [
            {
              id: c.id,
              on: dateInZone(c.answeredAt, org.timeZone),
              answeredAt: c.answeredAt,
              trust: c.trust,
              salesFrustratesUs: c.salesFrustratesUs,
              wouldHelp: c.wouldHelp,
              respondentName: c.respondentName,
            },
          ]
        : [],
    ); // newest link first
    const contact = contactState(
      {
        lastContactOn: lastContact(interactions),
        startedOn: dateInZone(relationship.createdAt, org.timeZone),
        cadenceDays: relationship.cadenceDays,
      },
      today,
    );
    return {
      slug: org.slug,
      timeZone: org.timeZone,
      today,
      own: relationship.ownerUserId === member.userId,
      relationship: {
        id: relationship.id,
        departmentId: relationship.departmentId,
        departmentName: relationship.departmentName,
        ownerName: relationship.ownerName,
        counterpartName: relationship.counterpartName,
        counterpartTitle: relationship.counterpartTitle,
        status: relationship.status,
        trust: relationship.trust,
        priority: relationship.priority,
        nextStep: relationship.nextStep,
        nextStepDue: relationship.nextStepDue,
        nextStepOverdue: isOverdue(relationship.nextStepDue, today),
        cadenceDays: relationship.cadenceDays,
      },
      contact,
      goals,
      interactions: [...interactions].reverse(), // the timeline: newest first
      trustLine: interactions.map((i) => ({ on: i.occurredOn, trust: i.trustAfter, kind: i.kind })),
      /** The counterpart's own view: their trust in each answered check-in, oldest first. */
      theirTrust: answers.map((a) => ({ on: a.on, trust: a.trust })).reverse(),
      /** Interactions and check-in answers together, newest first. */
      timeline: mergeTimeline(interactions, answers),
      checkIns: checkIns.map(({ id, createdAt, expiresAt, answeredAt, revokedAt }) => ({
        id,
        createdAt,
        expiresAt,
        answeredAt,
        revokedAt,
        status: checkInStatus({ answeredAt, revokedAt, expiresAt }, now),
      })),
      canCheckIn: can(member, "relationships.checkIn", { ownerUserId: relationship.ownerUserId }),
      actions: actions.map((a) => ({ ...a, overdue: a.doneAt === null && isOverdue(a.dueOn, today) })),
      /** How many small actions came from each interaction or check-in answer, by its id. */
      actionCounts: actionsFrom(actions),
      departments: departments.filter((d) => d.archivedAt === null || d.id === relationship.departmentId).map(({ id, name }) => ({ id, name })),
    };
  },
);

function actionsFrom(actions: readonly { interactionId: string | null; checkInId: string | null }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of actions) {
    const from = a.interactionId ?? a.checkInId;
    if (from) counts[from] = (counts[from] ?? 0) + 1;
  }
  return counts;
}

type Answer = {
  id: string;
  on: string;
  answeredAt: Date;
  trust: number;
  salesFrustratesUs: string | null;
  wouldHelp: string | null;
  respondentName: string | null;
};

/** The timeline, newest first: each interaction on its day, each check-in answer on the day it came in. */
function mergeTimeline<I extends { id: string; occurredOn: string; createdAt: Date }>(interactions: readonly I[], answers: readonly Answer[]) {
  const entries = [
    ...interactions.map((i) => ({ type: "interaction" as const, on: i.occurredOn, at: i.createdAt, interaction: i })),
    ...answers.map((a) => ({ type: "checkIn" as const, on: a.on, at: a.answeredAt, answer: a })),
  ];
  return entries.sort((a, b) => (a.on === b.on ? b.at.getTime() - a.at.getTime() : a.on < b.on ? 1 : -1));
}

export type RelationshipPage = Awaited<ReturnType<typeof loadRelationship>>;
export type RelationshipsPage = Awaited<ReturnType<typeof loadRelationshipsPage>>;
