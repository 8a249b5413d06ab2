import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiTokens, measures, memberships, results, teams, users } from "../schema";
import type { ApiTokenScope, MeasureUnit } from "../schema/enums";
import { executeRows } from "./execute";
import { isActiveRepOf } from "./rep-scope";

/**
 * Sales results (lib/results/): the organisation's measures, each rep's value per cycle and measure, and the API
 * tokens a CRM export job writes them with. Every query takes the organisation id and filters by it.
 */

// --- measures ---------------------------------------------------------------------------------------------------

/** Active measures in their order (archived ones last, when asked for). */
export function listMeasures(db: DbOrTx, orgId: string, { includeArchived = false } = {}) {
  return db
    .select()
    .from(measures)
    .where(and(eq(measures.orgId, orgId), includeArchived ? undefined : isNull(measures.archivedAt)))
    .orderBy(sql`${measures.archivedAt} is not null`, asc(measures.position), asc(measures.name));
}

export async function findMeasure(db: DbOrTx, orgId: string, measureId: string) {
  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.orgId, orgId), eq(measures.id, measureId)));
  return row;
}

/** Whether another measure of the organisation (archived ones too) has this name, in any case. */
export async function measureNameTaken(db: DbOrTx, orgId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.orgId, orgId), sql`lower(${measures.name}) = lower(${name})`, exceptId ? ne(measures.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

export type MeasureValues = { name: string; unit: MeasureUnit; currencyCode: string | null; higherIsBetter: boolean };

/** A new measure, after the others. */
export async function insertMeasure(db: DbOrTx, orgId: string, values: MeasureValues) {
  const [row] = await db
    .insert(measures)
    .values({
      orgId,
      ...values,
      position: sql`(select coalesce(max(${measures.position}), 0) + 1 from ${measures} where ${measures.orgId} = ${orgId})`,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateMeasure(db: DbOrTx, orgId: string, measureId: string, values: MeasureValues) {
  await db
    .update(measures)
    .set(values)
    .where(and(eq(measures.orgId, orgId), eq(measures.id, measureId)));
}

/** Archives (no longer offered for new values; its values stay) or restores a measure. An archived one is never main. */
export async function setMeasureArchived(db: DbOrTx, orgId: string, measureId: string, archived: boolean) {
  await db
    .update(measures)
    .set(archived ? { archivedAt: sql`now()`, isMain: false } : { archivedAt: null })
    .where(and(eq(measures.orgId, orgId), eq(measures.id, measureId)));
}

/** Makes this measure the organisation's main one (two statements: the partial unique index allows one at a time). */
export async function setMainMeasure(db: DbOrTx, orgId: string, measureId: string) {
  await db
    .update(measures)
    .set({ isMain: false })
    .where(and(eq(measures.orgId, orgId), eq(measures.isMain, true), ne(measures.id, measureId)));
  await db
    .update(measures)
    .set({ isMain: true })
    .where(and(eq(measures.orgId, orgId), eq(measures.id, measureId)));
}

// --- reps and values ----------------------------------------------------------------------------------------------

export type ResultRep = { userId: string; name: string; email: string; teamId: string | null; teamName: string | null };

/** The active reps whose results this viewer may see: of these teams (undefined: all), or this one rep. */
export function listResultReps(db: DbOrTx, orgId: string, scope: { teamIds?: readonly string[]; repUserId?: string }): Promise<ResultRep[]> {
  if (scope.teamIds && scope.teamIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: memberships.userId, name: users.name, email: users.email, teamId: memberships.teamId, teamName: teams.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .where(isActiveRepOf(orgId, scope))
    .orderBy(sql`${teams.name} nulls last`, asc(users.name));
}

export type ResultValue = { repUserId: string; measureId: string; value: number };

/** A cycle's values, of these teams' reps (undefined: all) or of one rep. */
export function listCycleResults(
  db: DbOrTx,
  orgId: string,
  cycleId: string,
  scope: { teamIds?: readonly string[]; repUserId?: string },
): Promise<ResultValue[]> {
  if (scope.teamIds && scope.teamIds.length === 0) return Promise.resolve([]);
  return db
    .select({ repUserId: results.repUserId, measureId: results.measureId, value: results.value })
    .from(results)
    .innerJoin(memberships, and(eq(memberships.orgId, results.orgId), eq(memberships.userId, results.repUserId)))
    .where(
      and(
        eq(results.orgId, orgId),
        eq(results.cycleId, cycleId),
        scope.teamIds ? inArray(memberships.teamId, [...scope.teamIds]) : undefined,
        scope.repUserId ? eq(results.repUserId, scope.repUserId) : undefined,
      ),
    );
}

export type PersonByEmail = { userId: string; email: string; name: string; role: string; status: string; teamId: string | null };

/** The organisation's members with these addresses (lower-case), whatever their role or status: one statement. */
export function findMembersByEmail(db: DbOrTx, orgId: string, emails: readonly string[]): Promise<PersonByEmail[]> {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .select({
      userId: memberships.userId,
      email: users.email,
      name: users.name,
      role: memberships.role,
      status: memberships.status,
      teamId: memberships.teamId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`lower(${users.email}) in ${[...emails]}`));
}

/** A cycle's values of these reps: one statement. */
export function listResultsOfReps(db: DbOrTx, orgId: string, cycleId: string, repUserIds: readonly string[]): Promise<ResultValue[]> {
  if (repUserIds.length === 0) return Promise.resolve([]);
  return db
    .select({ repUserId: results.repUserId, measureId: results.measureId, value: results.value })
    .from(results)
    .where(and(eq(results.orgId, orgId), eq(results.cycleId, cycleId), inArray(results.repUserId, [...repUserIds])));
}

export async function findResult(db: DbOrTx, orgId: string, cycleId: string, repUserId: string, measureId: string) {
  const [row] = await db
    .select({ value: results.value })
    .from(results)
    .where(and(eq(results.orgId, orgId), eq(results.cycleId, cycleId), eq(results.repUserId, repUserId), eq(results.measureId, measureId)));
  return row;
}

/**
 * Writes values in one statement, however many: new ones are inserted, different ones updated, equal ones left alone
 * (so writing the same values again changes nothing, not even the time of the last change). Returns what changed.
 * `updatedBy` is null when an API token writes.
 */
export async function upsertResults(db: DbOrTx, orgId: string, cycleId: string, rows: readonly ResultValue[], updatedBy: string | null) {
  if (rows.length === 0) return [];
  const json = JSON.stringify(rows.map((r) => ({ rep: r.repUserId, measure: r.measureId, value: r.value })));
  return executeRows<{ rep_user_id: string; measure_id: string; inserted: boolean }>(
    db,
    sql`insert into ${results} (org_id, cycle_id, rep_user_id, measure_id, value, updated_by)
      select ${orgId}::uuid, ${cycleId}::uuid, r.rep, r.measure, r.value, ${updatedBy}::uuid
      from jsonb_to_recordset(${json}::jsonb) as r(rep uuid, measure uuid, value double precision)
      on conflict (org_id, cycle_id, rep_user_id, measure_id) do update
        set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()
        where ${results}.value is distinct from excluded.value
      returning rep_user_id, measure_id, (xmax = 0) as inserted`,
  );
}

export async function deleteResult(db: DbOrTx, orgId: string, cycleId: string, repUserId: string, measureId: string) {
  const deleted = await db
    .delete(results)
    .where(and(eq(results.orgId, orgId), eq(results.cycleId, cycleId), eq(results.repUserId, repUserId), eq(results.measureId, measureId)))
    .returning({ value: results.value });
  return deleted[0];
}

// --- API tokens ---------------------------------------------------------------------------------------------------

export async function insertApiToken(
  db: DbOrTx,
  orgId: string,
  values: { name: string; tokenHash: string; prefix: string; scopes: ApiTokenScope[]; createdBy: string },
) {
  const [row] = await db
    .insert(apiTokens)
    .values({ orgId, ...values })
    .returning({ id: apiTokens.id, createdAt: apiTokens.createdAt });
  return row!;
}

/** Every token, newest first, with who created it: never its hash. */
export function listApiTokens(db: DbOrTx, orgId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      createdByName: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
}

export async function findApiToken(db: DbOrTx, orgId: string, tokenId: string) {
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, tokenId)));
  return row;
}

/** The token with this hash in this organisation, revoked or not. */
export async function findApiTokenByHash(db: DbOrTx, orgId: string, tokenHash: string) {
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, scopes: apiTokens.scopes, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.tokenHash, tokenHash)));
  return row;
}

export async function markApiTokenRevoked(db: DbOrTx, orgId: string, tokenId: string) {
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
}

export async function touchApiToken(db: DbOrTx, orgId: string, tokenId: string) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, tokenId)));
}
