import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { executeRows } from "./execute";

/** The least a request can ask of the database: one round trip, no table. What the benchmark's trivial page and action ask. */
export async function selectOne(db: DbOrTx): Promise<number> {
  const [row] = await executeRows<{ one: number }>(db, sql`select 1 as one`);
  return Number(row?.one);
}
