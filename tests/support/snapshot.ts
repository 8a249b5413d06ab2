import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "./database";

/** `tenant`: the column naming a row's organisation (org_id, or id for the organisations table itself). */
type Table = { name: string; tenant: string | null };

async function tables(db: Db): Promise<Table[]> {
  return rowsOf<Table>(
    await db.execute(sql`
      select t.table_name as name,
             case when t.table_name = 'organisations' then 'id'
                  when exists (select 1 from information_schema.columns c
                               where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'org_id') then 'org_id'
             end as tenant
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by 1`),
  );
}

/** One statement that fingerprints each table (optionally only one organisation's rows of tenant tables). */
async function fingerprint(db: Db, orgId?: string): Promise<Record<string, string>> {
  const parts: SQL[] = [];
  for (const { name, tenant } of await tables(db)) {
    const where = orgId && tenant ? sql` where t.${sql.identifier(tenant)} = ${orgId}` : sql``;
    parts.push(
      sql`select ${name}::text as name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t${where}`,
    );
  }
  const rows = rowsOf<{ name: string; digest: string }>(await db.execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/**
 * A fingerprint of every row of every table, to prove a refused call changed nothing. One round trip, so it is
 * cheap enough to take around each fuzzed call.
 */
export function snapshotTables(db: Db): Promise<Record<string, string>> {
  return fingerprint(db);
}

/**
 * One organisation's rows of every tenant table, plus every row of the global tables (users, auth events,
 * throttles): what a member of another organisation must never change.
 */
export function snapshotOrganisation(db: Db, orgId: string): Promise<Record<string, string>> {
  return fingerprint(db, orgId);
}

/**
 * Whether any transaction has written since `since` (the snapshot's xmax: the next transaction id). A call
 * that writes nothing assigns no transaction id, so an unchanged value proves no row changed; a changed one
 * calls for a full comparison (a rolled-back write also takes an id).
 */
export async function nextTransactionId(db: Db): Promise<string> {
  const [row] = rowsOf<{ x: string }>(await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`));
  return row!.x;
}

/**
 * A snapshot without the throttles table: for calls that count every attempt on purpose, a refused one too
 * (sign-up, an invite's "create an account", a password check), so a refusal may move a counter and nothing else.
 */
export async function snapshotWithoutCounters(db: Db): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await snapshotTables(db)).filter(([table]) => table !== "throttles"));
}
