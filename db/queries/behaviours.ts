import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { behaviours, organisations } from "../schema";

export type BehaviourInput = { name: string; description: string; level1: string; level3: string; level5: string };

/** Appends behaviours after the existing ones, in the given order. */
export async function insertBehaviours(db: DbOrTx, orgId: string, list: readonly BehaviourInput[]) {
  if (list.length === 0) return [];
  const last = await lastPosition(db, orgId);
  return db
    .insert(behaviours)
    .values(list.map((b, i) => ({ orgId, ...b, position: last + i + 1 })))
    .returning();
}

async function lastPosition(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${behaviours.position}), 0)::int` })
    .from(behaviours)
    .where(eq(behaviours.orgId, orgId));
  return row!.last;
}

/** The organisation's behaviours in order; archived ones last unless excluded. */
export async function listBehaviours(db: DbOrTx, orgId: string, options: { includeArchived?: boolean } = {}) {
  return db
    .select()
    .from(behaviours)
    .where(and(eq(behaviours.orgId, orgId), options.includeArchived ? undefined : sql`${behaviours.archivedAt} is null`))
    .orderBy(sql`${behaviours.archivedAt} is not null`, asc(behaviours.position));
}

export async function findBehaviour(db: DbOrTx, orgId: string, behaviourId: string) {
  const [row] = await db
    .select()
    .from(behaviours)
    .where(and(eq(behaviours.orgId, orgId), eq(behaviours.id, behaviourId)));
  return row;
}

/** Whether another behaviour of the organisation (archived ones included) already has this name, in any case. */
export async function behaviourNameTaken(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: behaviours.id })
    .from(behaviours)
    .where(and(eq(behaviours.orgId, orgId), sql`lower(${behaviours.name}) = lower(${name})`, exceptId ? ne(behaviours.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

/**
 * The ids of the active behaviours, in order, locked until the transaction ends: a reorder, an add and an
 * archive of the same organisation then run one after the other instead of interleaving.
 */
export async function lockActiveBehaviourIds(db: DbOrTx, orgId: string) {
  const rows = await db
    .select({ id: behaviours.id })
    .from(behaviours)
    .where(and(eq(behaviours.orgId, orgId), isNull(behaviours.archivedAt)))
    .orderBy(asc(behaviours.position))
    .for("update");
  return rows.map((r) => r.id);
}

export async function updateBehaviour(db: DbOrTx, orgId: string, behaviourId: string, values: BehaviourInput) {
  await db
    .update(behaviours)
    .set(values)
    .where(and(eq(behaviours.orgId, orgId), eq(behaviours.id, behaviourId)));
}

/** Positions 1..n in the order given, in one statement. The ids must be the organisation's. */
export async function setBehaviourPositions(db: DbOrTx, orgId: string, orderedIds: readonly string[]) {
  if (orderedIds.length === 0) return;
  const cases: SQL[] = orderedIds.map((id, i) => sql`when ${id}::uuid then ${i + 1}::int`);
  await db
    .update(behaviours)
    .set({ position: sql`case ${behaviours.id} ${sql.join(cases, sql` `)} end` })
    .where(and(eq(behaviours.orgId, orgId), inArray(behaviours.id, [...orderedIds])));
}

export async function setBehaviourArchived(db: DbOrTx, orgId: string, behaviourId: string, archived: boolean) {
  await db
    .update(behaviours)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(behaviours.orgId, orgId), eq(behaviours.id, behaviourId)));
}

/** Brings an archived behaviour back, at the end of the active list. */
export async function restoreBehaviourAtEnd(db: DbOrTx, orgId: string, behaviourId: string) {
  const last = await lastPosition(db, orgId);
  await db
    .update(behaviours)
    .set({ archivedAt: null, position: last + 1 })
    .where(and(eq(behaviours.orgId, orgId), eq(behaviours.id, behaviourId)));
}

/** When an admin confirmed the behaviour list, or null. */
export async function findFrameworkConfirmedAt(db: DbOrTx, orgId: string): Promise<Date | null> {
  const [row] = await db.select({ at: organisations.frameworkConfirmedAt }).from(organisations).where(eq(organisations.id, orgId));
  return row?.at ?? null;
}

export async function setFrameworkConfirmed(db: DbOrTx, orgId: string, at: Date) {
  await db.update(organisations).set({ frameworkConfirmedAt: at }).where(eq(organisations.id, orgId));
}
