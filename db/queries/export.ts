import "server-only";
import { and, asc, eq, gt, is, isNotNull, sql, type SQL } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import * as schema from "../schema";

/**
 * An organisation's data, table by table, for its export. The tables come from the schema itself: every
 * table with an org_id column is a tenant table and is exported, so a table added later is exported without
 * touching this file. Columns named like a secret's hash (`password_hash`, `token_hash`, any `…hash`) never
 * leave the database. Rows are read a page at a time in primary-key order (keyset pages: each page starts after
 * the last key of the previous one), so the export never holds a whole table.
 */

// The client maps camelCase keys to snake_case columns (db/client.ts); the export speaks the database's names.
const casing = new CasingCache("snake_case");

type ExportTable = {
  name: string;
  table: PgTable;
  /** Database column name -> column, secrets left out. */
  columns: Record<string, PgColumn>;
  orgId: PgColumn;
  /** The primary key's columns with their database names: the order of the rows and where a page resumes. */
  key: { name: string; column: PgColumn }[];
};

/** Where the next page starts: the key of the last row read (undefined for the first page). */
export type PageCursor = unknown[] | undefined;

/** Whether a column holds a secret's hash, which no export may contain. */
function isSecretColumn(name: string): boolean {
  return /hash$/i.test(name);
}

function describe(table: PgTable) {
  const config = getTableConfig(table);
  const named = config.columns.map((column) => ({ column, name: casing.getColumnCasing(column) }));
  const columns = Object.fromEntries(named.filter(({ name }) => !isSecretColumn(name)).map(({ name, column }) => [name, column]));
  const primary = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary);
  const key = primary.map((column) => ({ column, name: casing.getColumnCasing(column) }));
  return { name: config.name, columns, orgId: named.find(({ name }) => name === "org_id")?.column, key };
}

/** The schema's tenant tables (those with an org_id column) but its bookkeeping, by name. */
export function tenantTables(): ExportTable[] {
  const tables: ExportTable[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const { orgId, ...rest } = describe(value);
    if (orgId && !schema.BOOKKEEPING_TABLES.includes(rest.name)) tables.push({ ...rest, table: value, orgId });
  }
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

/** The organisation's row, secrets left out. */
export async function exportOrganisationRow(db: DbOrTx, orgId: string) {
  const { columns } = describe(schema.organisations);
  const [row] = await db.select(columns).from(schema.organisations).where(eq(schema.organisations.id, orgId));
  return row;
}

/** `(a, b) > (x, y)`: rows after the cursor in key order (values encoded as each column does). */
function after(key: ExportTable["key"], cursor: unknown[]): SQL {
  const columns = sql.join(
    key.map(({ column }) => sql`${column}`),
    sql`, `,
  );
  const values = sql.join(
    key.map(({ column }, i) => sql.param(cursor[i], column)),
    sql`, `,
  );
  return sql`(${columns}) > (${values})`;
}

/** The next page of one tenant table's rows of the organisation, in primary-key order, and the cursor after it. */
export async function exportTenantPage(db: DbOrTx, orgId: string, table: ExportTable, cursor: PageCursor, limit: number) {
  const rows: Record<string, unknown>[] = await db
    .select(table.columns)
    .from(table.table)
    .where(cursor ? and(eq(table.orgId, orgId), after(table.key, cursor)) : eq(table.orgId, orgId))
    .orderBy(...table.key.map(({ column }) => asc(column)))
    .limit(limit);
  const last = rows.at(-1);
  return { rows, next: rows.length < limit || !last ? undefined : table.key.map(({ name }) => last[name]) };
}

/** The next page of the people who are (or were) members of the organisation: who they are, never their credentials. */
export async function exportMemberUsersPage(db: DbOrTx, orgId: string, cursor: PageCursor, limit: number) {
  const { users, memberships } = schema;
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, created_at: users.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(cursor ? and(eq(memberships.orgId, orgId), gt(users.id, cursor[0] as string)) : eq(memberships.orgId, orgId))
    .orderBy(asc(users.id))
    .limit(limit);
  const last = rows.at(-1);
  return { rows, next: rows.length < limit || !last ? undefined : [last.id] };
}

/** The self-assessments a rep has submitted, as `cycle/rep` keys: what blind mode lets coaches read. */
export async function submittedAssessmentKeys(db: DbOrTx, orgId: string): Promise<Set<string>> {
  const { assessments } = schema;
  const rows = await db
    .select({ cycleId: assessments.cycleId, repUserId: assessments.repUserId })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), isNotNull(assessments.submittedAt)));
  return new Set(rows.map((row) => `${row.cycleId}/${row.repUserId}`));
}
