import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { departments, interactions, relationshipActions, relationshipGoals, relationships, users } from "../schema";
import type { ActionOwner, InteractionKind, RelationshipStatus } from "../schema/enums";

/* Departments ------------------------------------------------------------------------------------------------ */

export async function listDepartments(db: DbOrTx, orgId: string, options: { includeArchived?: boolean } = {}) {
  return db
    .select({ id: departments.id, name: departments.name, archivedAt: departments.archivedAt })
    .from(departments)
    .where(and(eq(departments.orgId, orgId), options.includeArchived ? undefined : isNull(departments.archivedAt)))
    .orderBy(sql`${departments.archivedAt} is not null`, asc(departments.name));
}

export async function findDepartment(db: DbOrTx, orgId: string, departmentId: string) {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
  return row;
}

export async function departmentNameTaken(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.orgId, orgId),
        sql`lower(${departments.name}) = lower(${name})`,
        exceptId ? sql`${departments.id} <> ${exceptId}` : undefined,
      ),
    );
  return Boolean(row);
}

/** Adds departments by name; a name the organisation already has (any case) is skipped. Returns the added. */
export async function insertDepartments(db: DbOrTx, orgId: string, names: readonly string[], ids?: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .insert(departments)
    .values(names.map((name, i) => ({ orgId, name, ...(ids?.[i] && { id: ids[i] }) })))
    .onConflictDoNothing()
    .returning({ id: departments.id, name: departments.name });
}

export async function updateDepartmentName(db: DbOrTx, orgId: string, departmentId: string, name: string) {
  await db
    .update(departments)
    .set({ name })
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
}

export async function setDepartmentArchived(db: DbOrTx, orgId: string, departmentId: string, archived: boolean) {
  await db
    .update(departments)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(departments.orgId, orgId), eq(departments.id, departmentId)));
}

/* Relationships ---------------------------------------------------------------------------------------------- */

export type RelationshipValues = {
  departmentId: string;
  counterpartName: string;
  counterpartTitle: string | null;
  status: RelationshipStatus;
  trust: number;
  priority: boolean;
  nextStep: string | null;
  nextStepDue: string | null;
  cadenceDays: number;
};

/** The SQL list of interaction kinds that restart the cadence, from the one rule in lib/relationships/rules. */
function kindList(kinds: readonly string[]) {
  return sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
}

/**
 * The relationships list in one query: each relationship with its department, owner, last cadence-restarting
 * contact, open and achieved goals, and open actions with the earliest due date. `ownerUserId` undefined: all.
 * The subqueries use their own aliases (the outer query joins, so the interpolated columns are qualified).
 */
export async function listRelationships(db: DbOrTx, orgId: string, options: { ownerUserId?: string; restartingKinds: readonly string[] }) {
  return db
    .select({
      id: relationships.id,
      ownerUserId: relationships.ownerUserId,
      ownerName: users.name,
      departmentId: relationships.departmentId,
      departmentName: departments.name,
      counterpartName: relationships.counterpartName,
      counterpartTitle: relationships.counterpartTitle,
      status: relationships.status,
      trust: relationships.trust,
      priority: relationships.priority,
      nextStep: relationships.nextStep,
      nextStepDue: relationships.nextStepDue,
      cadenceDays: relationships.cadenceDays,
      createdAt: relationships.createdAt,
      lastContactOn: sql<string | null>`(
        select to_char(max(i.occurred_on), 'YYYY-MM-DD') from ${interactions} i
        where i.org_id = ${relationships.orgId} and i.relationship_id = ${relationships.id}
          and i.kind in (${kindList(options.restartingKinds)})
      )`,
      openGoals: sql<number>`(
        select count(*)::int from ${relationshipGoals} g
        where g.org_id = ${relationships.orgId} and g.relationship_id = ${relationships.id} and g.achieved_at is null
      )`,
      achievedGoals: sql<number>`(
        select count(*)::int from ${relationshipGoals} g
        where g.org_id = ${relationships.orgId} and g.relationship_id = ${relationships.id} and g.achieved_at is not null
      )`,
      openActions: sql<number>`(
        select count(*)::int from ${relationshipActions} a
        where a.org_id = ${relationships.orgId} and a.relationship_id = ${relationships.id} and a.done_at is null
      )`,
      firstOpenActionDue: sql<string | null>`(
        select to_char(min(a.due_on), 'YYYY-MM-DD') from ${relationshipActions} a
        where a.org_id = ${relationships.orgId} and a.relationship_id = ${relationships.id} and a.done_at is null
      )`,
    })
    .from(relationships)
    .innerJoin(departments, and(eq(departments.orgId, relationships.orgId), eq(departments.id, relationships.departmentId)))
    .innerJoin(users, eq(users.id, relationships.ownerUserId))
    .where(and(eq(relationships.orgId, orgId), options.ownerUserId ? eq(relationships.ownerUserId, options.ownerUserId) : undefined))
    .orderBy(desc(relationships.priority), asc(departments.name), asc(relationships.counterpartName));
}

/** Who keeps a relationship (the permission target), or undefined when the organisation has no such one. */
export async function findRelationshipOwner(db: DbOrTx, orgId: string, relationshipId: string) {
  const [row] = await db
    .select({ ownerUserId: relationships.ownerUserId })
    .from(relationships)
    .where(and(eq(relationships.orgId, orgId), eq(relationships.id, relationshipId)));
  return row;
}

export async function findRelationship(db: DbOrTx, orgId: string, relationshipId: string) {
  const [row] = await db
    .select({ relationship: relationships, departmentName: departments.name, ownerName: users.name })
    .from(relationships)
    .innerJoin(departments, and(eq(departments.orgId, relationships.orgId), eq(departments.id, relationships.departmentId)))
    .innerJoin(users, eq(users.id, relationships.ownerUserId))
    .where(and(eq(relationships.orgId, orgId), eq(relationships.id, relationshipId)));
  return row ? { ...row.relationship, departmentName: row.departmentName, ownerName: row.ownerName } : undefined;
}

export async function insertRelationship(db: DbOrTx, orgId: string, ownerUserId: string, values: RelationshipValues & { id?: string }) {
  const [row] = await db
    .insert(relationships)
    .values({ orgId, ownerUserId, ...values })
    .returning();
  return row!;
}

export async function updateRelationshipValues(db: DbOrTx, orgId: string, relationshipId: string, values: Partial<RelationshipValues>) {
  await db
    .update(relationships)
    .set(values)
    .where(and(eq(relationships.orgId, orgId), eq(relationships.id, relationshipId)));
}

/** Clears the owner's priority flag, so another relationship can take it (one per owner). */
export async function clearPriority(db: DbOrTx, orgId: string, ownerUserId: string) {
  await db
    .update(relationships)
    .set({ priority: false })
    .where(and(eq(relationships.orgId, orgId), eq(relationships.ownerUserId, ownerUserId), eq(relationships.priority, true)));
}

/* Goals ------------------------------------------------------------------------------------------------------ */

export async function listGoals(db: DbOrTx, orgId: string, relationshipId: string) {
  return db
    .select({ id: relationshipGoals.id, text: relationshipGoals.text, achievedAt: relationshipGoals.achievedAt })
    .from(relationshipGoals)
    .where(and(eq(relationshipGoals.orgId, orgId), eq(relationshipGoals.relationshipId, relationshipId)))
    .orderBy(sql`${relationshipGoals.achievedAt} is not null`, asc(relationshipGoals.createdAt));
}

export async function insertGoal(db: DbOrTx, orgId: string, relationshipId: string, text: string, id?: string) {
  const [row] = await db
    .insert(relationshipGoals)
    .values({ orgId, relationshipId, text, ...(id && { id }) })
    .returning();
  return row!;
}

export async function findGoal(db: DbOrTx, orgId: string, relationshipId: string, goalId: string) {
  const [row] = await db
    .select()
    .from(relationshipGoals)
    .where(and(eq(relationshipGoals.orgId, orgId), eq(relationshipGoals.relationshipId, relationshipId), eq(relationshipGoals.id, goalId)));
  return row;
}

export async function setRelationshipGoalAchieved(db: DbOrTx, orgId: string, goalId: string, achieved: boolean) {
  await db
    .update(relationshipGoals)
    .set({ achievedAt: achieved ? new Date() : null })
    .where(and(eq(relationshipGoals.orgId, orgId), eq(relationshipGoals.id, goalId)));
}

/* Interactions ----------------------------------------------------------------------------------------------- */

export type InteractionValues = {
  kind: InteractionKind;
  occurredOn: string;
  weFrustrateThem: string | null;
  theyFrustrateUs: string | null;
  notes: string | null;
  trustAfter: number;
};

/** The interaction log, oldest first (the trust line reads left to right), with who logged each. */
export async function listInteractions(db: DbOrTx, orgId: string, relationshipId: string) {
  return db
    .select({
      id: interactions.id,
      kind: interactions.kind,
      occurredOn: interactions.occurredOn,
      weFrustrateThem: interactions.weFrustrateThem,
      theyFrustrateUs: interactions.theyFrustrateUs,
      notes: interactions.notes,
      trustAfter: interactions.trustAfter,
      loggedByName: users.name,
      createdAt: interactions.createdAt,
    })
    .from(interactions)
    .innerJoin(users, eq(users.id, interactions.loggedBy))
    .where(and(eq(interactions.orgId, orgId), eq(interactions.relationshipId, relationshipId)))
    .orderBy(asc(interactions.occurredOn), asc(interactions.createdAt));
}

export async function insertInteraction(
  db: DbOrTx,
  orgId: string,
  relationshipId: string,
  loggedBy: string,
  values: InteractionValues & { id?: string },
) {
  const [row] = await db
    .insert(interactions)
    .values({ orgId, relationshipId, loggedBy, ...values })
    .returning();
  return row!;
}

/** The day of the relationship's latest interaction of any kind, or null. */
export async function latestInteractionOn(db: DbOrTx, orgId: string, relationshipId: string) {
  const [row] = await db
    .select({ on: sql<string | null>`to_char(max(${interactions.occurredOn}), 'YYYY-MM-DD')` })
    .from(interactions)
    .where(and(eq(interactions.orgId, orgId), eq(interactions.relationshipId, relationshipId)));
  return row?.on ?? null;
}

export async function findInteraction(db: DbOrTx, orgId: string, relationshipId: string, interactionId: string) {
  const [row] = await db
    .select({ id: interactions.id })
    .from(interactions)
    .where(and(eq(interactions.orgId, orgId), eq(interactions.relationshipId, relationshipId), eq(interactions.id, interactionId)));
  return row;
}

/* Small actions ---------------------------------------------------------------------------------------------- */

export type ActionValues = { interactionId: string | null; checkInId?: string | null; description: string; owner: ActionOwner; dueOn: string };

/** Open actions first, by due date; done ones after. */
export async function listActions(db: DbOrTx, orgId: string, relationshipId: string) {
  return db
    .select({
      id: relationshipActions.id,
      interactionId: relationshipActions.interactionId,
      checkInId: relationshipActions.checkInId,
      description: relationshipActions.description,
      owner: relationshipActions.owner,
      dueOn: relationshipActions.dueOn,
      doneAt: relationshipActions.doneAt,
    })
    .from(relationshipActions)
    .where(and(eq(relationshipActions.orgId, orgId), eq(relationshipActions.relationshipId, relationshipId)))
    .orderBy(sql`${relationshipActions.doneAt} is not null`, asc(relationshipActions.dueOn), asc(relationshipActions.createdAt));
}

export async function insertAction(db: DbOrTx, orgId: string, relationshipId: string, values: ActionValues & { id?: string; doneAt?: Date | null }) {
  const [row] = await db
    .insert(relationshipActions)
    .values({ orgId, relationshipId, ...values })
    .returning();
  return row!;
}

export async function findAction(db: DbOrTx, orgId: string, relationshipId: string, actionId: string) {
  const [row] = await db
    .select()
    .from(relationshipActions)
    .where(and(eq(relationshipActions.orgId, orgId), eq(relationshipActions.relationshipId, relationshipId), eq(relationshipActions.id, actionId)));
  return row;
}

export async function setRelationshipActionDone(db: DbOrTx, orgId: string, actionId: string, done: boolean) {
  await db
    .update(relationshipActions)
    .set({ doneAt: done ? new Date() : null })
    .where(and(eq(relationshipActions.orgId, orgId), eq(relationshipActions.id, actionId)));
}
