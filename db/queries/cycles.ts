import "server-only";
import { and, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { cycles, organisations } from "../schema";
import type { CycleStatus } from "../schema/enums";

export async function insertCycle(
  db: DbOrTx,
  orgId: string,
  values: { name: string; status?: CycleStatus; openedAt?: Date | null; closedAt?: Date | null },
) {
  const [cycle] = await db
    .insert(cycles)
    .values({ orgId, ...values })
    .returning();
  return cycle!;
}

export async function findCycle(db: DbOrTx, orgId: string, cycleId: string) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId)));
  return cycle;
}

/** The current cycle: the one open cycle, if any (a partial unique index allows at most one). */
export async function findCurrentCycle(db: DbOrTx, orgId: string) {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), eq(cycles.status, "open")))
    .limit(1);
  return cycle;
}

/**
 * All cycles, newest first: drafts (by creation), then the open one and closed ones by when they opened.
 */
export async function listCycles(db: DbOrTx, orgId: string) {
  return db
    .select()
    .from(cycles)
    .where(eq(cycles.orgId, orgId))
    .orderBy(
      sql`${cycles.openedAt} is not null`,
      desc(sql`coalesce(${cycles.openedAt}, ${cycles.createdAt})`),
      desc(cycles.createdAt),
      desc(cycles.name),
    );
}

/** Whether another cycle of the organisation already has this name, in any case. */
export async function cycleNameTaken(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), sql`lower(${cycles.name}) = lower(${name})`, exceptId ? ne(cycles.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

/** Whether any cycle of the organisation has ever been opened (the first opening needs a confirmed framework). */
export async function anyCycleEverOpened(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), isNotNull(cycles.openedAt)))
    .limit(1);
  return row !== undefined;
}

/**
 * Locks the organisation's row until the transaction ends, so that opening and closing cycles of one
 * organisation happen one at a time (the partial unique index stays the last guard).
 */
export async function lockCycleChanges(db: DbOrTx, orgId: string) {
  await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId)).for("update");
}

/** Opens a draft cycle. False when it was not a draft. */
export async function markCycleOpen(db: DbOrTx, orgId: string, cycleId: string, at: Date) {
  const rows = await db
    .update(cycles)
    .set({ status: "open", openedAt: at })
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId), eq(cycles.status, "draft")))
    .returning({ id: cycles.id });
  return rows.length === 1;
}

/** Closes the open cycle. False when it was not open. */
export async function markCycleClosed(db: DbOrTx, orgId: string, cycleId: string, at: Date) {
  const rows = await db
    .update(cycles)
    .set({ status: "closed", closedAt: at })
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, cycleId), eq(cycles.status, "open")))
    .returning({ id: cycles.id });
  return rows.length === 1;
}
