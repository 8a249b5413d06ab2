import { asc, eq, is } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import * as schema from "../schema";

/**
 * An organisation's data, table by table, for its export. The tables come from the schema itself: every
 * table with an org_id column is a tenant table and is exported, so a table added later is exported without
 * touching this file. Columns named like a secret's hash (`password_hash`, `token_hash`, any `…hash`) never
 * leave the database.
 */

// The client maps camelCase keys to snake_case columns (db/client.ts); the export speaks the database's names.
const casing = new CasingCache("snake_case");

type ExportTable = {
  name: string;
  table: PgTable;
  /** Database column name -> column, secrets left out. */
  columns: Record<string, PgColumn>;
  orgId: PgColumn;
  orderBy: PgColumn[];
};

/** Whether a column holds a secret's hash, which no export may contain. */
export function isSecretColumn(name: string): boolean {
  return /hash$/i.test(name);
}

function describe(table: PgTable) {
  const config = getTableConfig(table);
  const named = config.columns.map((column) => ({ column, name: casing.getColumnCasing(column) }));
  const columns = Object.fromEntries(named.filter(({ name }) => !isSecretColumn(name)).map(({ name, column }) => [name, column]));
  const primary = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary);
  return { name: config.name, columns, orgId: named.find(({ name }) => name === "org_id")?.column, orderBy: primary };
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

/** Every row of one tenant table that belongs to the organisation, in primary-key order. */
export async function exportTenantRows(db: DbOrTx, orgId: string, table: ExportTable): Promise<Record<string, unknown>[]> {
  return db
    .select(table.columns)
    .from(table.table)
    .where(eq(table.orgId, orgId))
    .orderBy(...table.orderBy.map((column) => asc(column)));
}

/** The people who are (or were) members of the organisation: who they are, never their credentials. */
export async function exportMemberUsers(db: DbOrTx, orgId: string) {
  const { users, memberships } = schema;
  return db
    .select({ id: users.id, name: users.name, email: users.email, created_at: users.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.id));
}
