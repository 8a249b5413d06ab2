import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** The least a request can ask of the database: one round trip, no table. The benchmark's baseline. */
export async function selectOne(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ one: number }>(sql`select 1 as one`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: { one: number }[] }).rows) as { one: number }[];
  return Number(rows[0]?.one);
}
