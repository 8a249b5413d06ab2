import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { GLOBAL_TABLES, HISTORY_TABLES, TENANT_ROOT_TABLE } from "@/db/schema";
import { rowsOf } from "./database";

/**
 * Indexes allowed not to start with org_id, each with its reason. Keep this list short.
 * - memberships_user_idx: the organisation switcher looks up one person's memberships across organisations;
 *   on a distributed database this fans out to every shard, which each use their local index.
 */
const CROSS_TENANT_INDEXES = ["memberships_user_idx"];

type Constraint = {
  table: string;
  name: string;
  type: "p" | "f" | "u" | "c" | "x" | "t" | "n";
  on_delete: string;
  ref_table: string | null;
  cols: string[];
  ref_cols: string[] | null;
};
type Index = { table: string; name: string; is_primary: boolean; first_col: string | null };

/**
 * Reads the live schema and lists every breach of the scale-out rules (ENGINEERING.md): a tenant table is any
 * table not listed as global; it needs org_id NOT NULL, org_id first in its primary key, unique constraints and
 * indexes, and org_id first on both sides of foreign keys to other tenant tables. No foreign key touching a
 * history table may cascade on delete.
 */
export async function catalogViolations(
  db: Db,
  options: { globalTables?: readonly string[]; historyTables?: readonly string[] } = {},
): Promise<string[]> {
  const globals = new Set<string>([...(options.globalTables ?? GLOBAL_TABLES)]);
  const history = new Set<string>(options.historyTables ?? HISTORY_TABLES);
  const isTenant = (table: string) => !globals.has(table) && table !== TENANT_ROOT_TABLE;

  const tables = rowsOf<{ table: string; org_id_nullable: string | null }>(
    await db.execute(sql`
      select t.table_name as table, c.is_nullable as org_id_nullable
      from information_schema.tables t
      left join information_schema.columns c
        on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'org_id'
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`),
  );
  const constraints = rowsOf<Constraint>(
    await db.execute(sql`
      select rel.relname as table, c.conname as name, c.contype as type, c.confdeltype as on_delete,
        ref.relname as ref_table,
        (select json_agg(a.attname order by k.i) from unnest(c.conkey) with ordinality k(n, i)
           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as cols,
        (select json_agg(a.attname order by k.i) from unnest(c.confkey) with ordinality k(n, i)
           join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as ref_cols
      from pg_constraint c
      join pg_class rel on rel.oid = c.conrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      left join pg_class ref on ref.oid = c.confrelid
      where ns.nspname = 'public'`),
  );
  const indexes = rowsOf<Index>(
    await db.execute(sql`
      select rel.relname as table, idx.relname as name, i.indisprimary as is_primary,
        (select a.attname from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[0]) as first_col
      from pg_index i
      join pg_class rel on rel.oid = i.indrelid
      join pg_class idx on idx.oid = i.indexrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      where ns.nspname = 'public'`),
  );

  const violations: string[] = [];
  for (const { table, org_id_nullable } of tables) {
    if (!isTenant(table)) continue;
    if (org_id_nullable === null) violations.push(`${table}: tenant table without an org_id column`);
    else if (org_id_nullable !== "NO") violations.push(`${table}: org_id may be null`);
    const pk = constraints.find((c) => c.table === table && c.type === "p");
    if (!pk) violations.push(`${table}: no primary key`);
    else if (pk.cols[0] !== "org_id") violations.push(`${table}: primary key (${pk.cols.join(", ")}) does not start with org_id`);
  }

  for (const c of constraints) {
    if (c.type === "u" && isTenant(c.table) && c.cols[0] !== "org_id") {
      violations.push(`${c.table}: unique constraint ${c.name} does not start with org_id`);
    }
    if (c.type !== "f" || !c.ref_table) continue;
    const refCols = c.ref_cols ?? [];
    if (globals.has(c.table) && !globals.has(c.ref_table)) {
      violations.push(`${c.table}: global table references tenant data in ${c.ref_table} (${c.name})`);
    }
    if (isTenant(c.table) && isTenant(c.ref_table) && (c.cols[0] !== "org_id" || refCols[0] !== "org_id")) {
      violations.push(`${c.table}: foreign key ${c.name} to ${c.ref_table} does not lead with org_id on both sides`);
    }
    if (isTenant(c.table) && c.ref_table === TENANT_ROOT_TABLE && c.cols.join() !== "org_id") {
      violations.push(`${c.table}: foreign key ${c.name} to ${TENANT_ROOT_TABLE} is not on org_id`);
    }
    if ((history.has(c.table) || history.has(c.ref_table)) && c.on_delete === "c") {
      violations.push(`${c.table}: foreign key ${c.name} cascades deletes into history table`);
    }
  }

  for (const index of indexes) {
    if (!isTenant(index.table) || index.is_primary || CROSS_TENANT_INDEXES.includes(index.name)) continue;
    if (index.first_col !== "org_id") violations.push(`${index.table}: index ${index.name} does not start with org_id`);
  }
  return violations;
}

/**
 * How the schema distributes on Citus: global tables and the tenant root (`organisations`, one small row per
 * tenant, with a globally unique slug) become reference tables, copied to every node; every tenant table is
 * distributed by org_id, co-located with the others so an organisation's rows share a node. Distributed tables
 * come in foreign-key order (a table after the tables it references).
 */
export async function citusPlan(db: Db): Promise<{ reference: string[]; distributed: string[] }> {
  const tables = rowsOf<{ table: string }>(
    await db.execute(
      sql`select table_name as table from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((t) => t.table);
  const edges = rowsOf<{ table: string; ref_table: string }>(
    await db.execute(sql`
      select distinct rel.relname as table, ref.relname as ref_table
      from pg_constraint c
      join pg_class rel on rel.oid = c.conrelid
      join pg_class ref on ref.oid = c.confrelid
      join pg_namespace ns on ns.oid = rel.relnamespace
      where ns.nspname = 'public' and c.contype = 'f' and rel.relname <> ref.relname`),
  );
  const reference = [...GLOBAL_TABLES, TENANT_ROOT_TABLE].filter((t) => tables.includes(t));
  const remaining = tables.filter((t) => !reference.includes(t));
  const distributed: string[] = [];
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => edges.every((e) => e.table !== t || reference.includes(e.ref_table) || distributed.includes(e.ref_table)));
    if (ready.length === 0) throw new Error(`Foreign-key cycle among ${remaining.join(", ")}`);
    for (const t of ready) remaining.splice(remaining.indexOf(t), 1);
    distributed.push(...ready);
  }
  return { reference, distributed };
}

/** The statements that distribute the schema on Citus, as docs/scale-out.md lists them. */
export function citusStatements(plan: { reference: string[]; distributed: string[] }): string[] {
  const [anchor] = plan.distributed;
  return [
    ...plan.reference.map((t) => `SELECT create_reference_table('${t}');`),
    ...plan.distributed.map((t) =>
      t === anchor
        ? `SELECT create_distributed_table('${t}', 'org_id');`
        : `SELECT create_distributed_table('${t}', 'org_id', colocate_with => '${anchor}');`,
    ),
  ];
}
