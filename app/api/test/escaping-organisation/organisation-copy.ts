import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { BOOKKEEPING_TABLES } from "@/db/schema";

/**
 * The escaping spec's test hook (./route.ts, only behind COACHGRID_TEST_HOOKS=1): a copy of an organisation, every
 * row of every tenant table, with copies of its members' accounts, in which every free-text column starts with HTML
 * payloads. Browser tests visit every page of the copy and check that the payloads render as text. Generic over the
 * schema, so tables and columns added later are covered without changing this file.
 */
const XSS_PAYLOAD = `<script data-xss>alert("xss")</script>"><img data-xss src=x onerror="alert('xss')"> `;

/** Text columns that are identifiers or codes, not text a person wrote: changing them breaks the app, not the page. */
const NOT_FREE_TEXT = /^(slug|time_zone|token_hash|password_hash|key|action|target_type|target_id|email)$/;

type Column = { table: string; column: string; type: string };

const rows = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function columns(tx: Tx): Promise<Column[]> {
  return rows<Column>(
    await tx.execute(sql`
      select c.table_name as "table", c.column_name as "column", c.data_type as type
      from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`),
  );
}

/** Runs `statement` in a savepoint; false when it failed (the rest of the transaction goes on). */
async function attempt(tx: Tx, statement: string): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(sql.raw(statement));
    });
    return true;
  } catch {
    return false;
  }
}

export async function createEscapingOrganisation(db: Db, sourceSlug: string) {
  const tag = crypto.randomUUID().slice(0, 8);
  return db.transaction(async (tx) => {
    const [source] = rows<{ id: string }>(await tx.execute(sql`select id from organisations where slug = ${sourceSlug}`));
    if (!source) throw new Error(`No organisation ${sourceSlug}`);
    const [created] = rows<{ id: string }>(await tx.execute(sql`select gen_random_uuid()::text as id`));
    const orgId = created!.id;
    const all = await columns(tx);
    const byTable = new Map<string, Column[]>();
    for (const c of all) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
    const lit = (value: string) => `'${value.replaceAll("'", "''")}'`;

    // Copies of the members' accounts (same password); every user id in the copied rows points at them.
    const userCols = byTable.get("users")!.map((c) => c.column);
    await tx.execute(
      sql.raw(`create temporary table escaping_users on commit drop as
      select id as old_id, gen_random_uuid() as new_id from users where id in (select user_id from memberships where org_id = ${lit(source.id)})`),
    );
    const userValues = userCols.map((c) => (c === "id" ? "m.new_id" : c === "email" ? `${lit(`esc-${tag}-`)} || u.email` : `u.${q(c)}`));
    await tx.execute(
      sql.raw(
        `insert into users (${userCols.map(q).join(", ")}) select ${userValues.join(", ")} from users u join escaping_users m on m.old_id = u.id`,
      ),
    );

    // The organisation row, then every tenant table, retried until foreign keys are satisfied (order-free).
    const orgCols = byTable.get("organisations")!.map((c) => c.column);
    const orgValues = orgCols.map((c) => (c === "id" ? `${lit(orgId)}::uuid` : c === "slug" ? lit(`escaping-${tag}`) : q(c)));
    await tx.execute(
      sql.raw(
        `insert into organisations (${orgCols.map(q).join(", ")}) select ${orgValues.join(", ")} from organisations where id = ${lit(source.id)}`,
      ),
    );
    let pending = [...byTable.keys()].filter((t) => byTable.get(t)!.some((c) => c.column === "org_id") && !BOOKKEEPING_TABLES.includes(t));
    for (let round = 0; pending.length && round < 20; round++) {
      const failed: string[] = [];
      for (const table of pending) {
        const cols = byTable.get(table)!;
        const values = cols.map(({ column, type }) =>
          column === "org_id"
            ? `${lit(orgId)}::uuid`
            : type === "uuid"
              ? `coalesce((select m.new_id from escaping_users m where m.old_id = t.${q(column)}), t.${q(column)})`
              : `t.${q(column)}`,
        );
        const ok = await attempt(
          tx,
          `insert into ${q(table)} (${cols.map((c) => q(c.column)).join(", ")}) select ${values.join(", ")} from ${q(table)} t where t.org_id = ${lit(source.id)}`,
        );
        if (!ok) failed.push(table);
      }
      pending = failed;
    }
    if (pending.length) throw new Error(`Could not copy ${pending.join(", ")}`);

    // The payloads, in front of every free-text value of the copy (kept unique where a column must be).
    const written: string[] = [];
    for (const { table, column, type } of all) {
      if (!["text", "character varying"].includes(type) || NOT_FREE_TEXT.test(column)) continue;
      const cols = byTable.get(table)!.map((c) => c.column);
      const scope =
        table === "organisations"
          ? `id = ${lit(orgId)}`
          : table === "users"
            ? `id in (select new_id from escaping_users)`
            : cols.includes("org_id")
              ? `org_id = ${lit(orgId)}`
              : null;
      if (!scope) continue;
      if (await attempt(tx, `update ${q(table)} set ${q(column)} = ${lit(XSS_PAYLOAD)} || ${q(column)} where ${scope} and ${q(column)} is not null`))
        written.push(`${table}.${column}`);
    }
    const emails = rows<{ email: string; role: string }>(
      await tx.execute(
        sql.raw(
          `select u.email, m.role::text as role from users u join memberships m on m.user_id = u.id and m.org_id = ${lit(orgId)} where m.status = 'active' order by u.email`,
        ),
      ),
    );
    return { slug: `escaping-${tag}`, orgId, columns: written, members: emails };
  });
}
