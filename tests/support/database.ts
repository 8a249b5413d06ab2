import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { embeddedHandle, openServer, setDatabase, type DatabaseHandle, type Db } from "@/db/client";
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, withDatabase } from "./template";

export const onServer = Boolean(process.env.TEST_DATABASE_URL);
/** The run reaches its databases through PgBouncer in transaction mode (npm test's pooler step). */
export const throughPooler = Boolean(process.env.TEST_POOLER_URL);

/** A fresh, migrated database of its own: a copy of the run's template (PGlite in memory, or a PostgreSQL database). */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
    return embeddedHandle(await PGlite.create({ loadDataDir: template }));
  }
  const name = `coachgrid_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  // Through the pooler when the run has one (TEST_POOLER_URL): it passes every database name to the server.
  const handle = await openServer(withDatabase(process.env.TEST_POOLER_URL || serverUrl, name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Gives the test file its own database and makes the app's getDb() return it.
 * Use the returned getter inside tests: `const db = testDb()`.
 */
export function withTestDatabase(): () => Db {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await freshDatabase();
    setDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("The test database is not open yet");
    return handle.db;
  };
}

/** Rows of a raw `db.execute(sql)` on either driver (PGlite wraps them, postgres.js does not). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
