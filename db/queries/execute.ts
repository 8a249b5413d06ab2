import "server-only";
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";

/**
 * A json column's value: parsed by the driver (postgres.js) or still text (PGlite). Queries that return many
 * small rows return them as one JSON value instead: the driver and the ORM then map one value, not every field
 * of every row (for the dashboards' few thousand figures, that mapping cost more than the query).
 */
export const parsedJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * Runs a hand-written statement and returns its rows as objects keyed by column name, whichever driver runs it
 * (postgres.js answers with the rows, PGlite with a result that holds them). For statements the query builder
 * cannot express, such as a write and a read in one round trip.
 */
export async function executeRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = await db.execute<T>(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}
