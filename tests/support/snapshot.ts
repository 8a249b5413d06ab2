import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "./database";

/** A fingerprint of every row of every table, to prove a refused call changed nothing. */
export async function snapshotTables(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`),
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ digest: string | null; n: number }>(
      await db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
      ),
    );
    snapshot[name] = `${row!.n}:${row!.digest}`;
  }
  return snapshot;
}
