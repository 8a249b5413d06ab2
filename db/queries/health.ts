import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { executeRows } from "./execute";

/** When the newest applied migration was created (drizzle's own bookkeeping table), or null when none is. */
export async function newestAppliedMigration(db: DbOrTx): Promise<number | null> {
  const [row] = await executeRows<{ newest: string | number | null }>(db, sql`select max(created_at) as newest from drizzle.__drizzle_migrations`);
  return row?.newest == null ? null : Number(row.newest);
}
