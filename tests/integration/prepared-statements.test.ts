import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openServer } from "@/db/client";
import { findSessionUser } from "@/db/queries/accounts";
import { executeRows } from "@/db/queries/execute";
import { listGridBehaviours } from "@/db/queries/grid";
import { onServer } from "../support/database";
import { PG_TEMPLATE_DB, withDatabase } from "../support/template";

/** The statements the server keeps prepared on the one connection of `db`, by their text. */
async function preparedTexts(db: Awaited<ReturnType<typeof openServer>>["db"]): Promise<string[]> {
  const rows = await executeRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`);
  return rows.map((r) => r.statement);
}

describe("statements the server prepares (db/client.ts)", () => {
  it.runIf(onServer)("are the keyed lookups and an action's transaction, never a page's aggregates (PostgreSQL)", async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `coachgrid_prepared_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${PG_TEMPLATE_DB}`);
    const handle = await openServer(withDatabase(serverUrl, name), 1); // one connection: every statement below shares it
    try {
      const { db } = handle;
      // A page's aggregate is planned for its values on every call: never prepared.
      await listGridBehaviours(db, randomUUID(), randomUUID(), true);
      expect((await preparedTexts(db)).filter((s) => s.includes('from "behaviours"'))).toEqual([]);

      // A keyed lookup every request makes is prepared by name.
      await findSessionUser(db, randomUUID(), randomUUID());
      expect((await preparedTexts(db)).some((s) => s.includes('"session_version"'))).toBe(true);

      // Inside a transaction (an action), every statement is prepared, the same aggregate included.
      await db.transaction(async (tx) => {
        await listGridBehaviours(tx, randomUUID(), randomUUID(), true);
      });
      expect((await preparedTexts(db)).filter((s) => s.includes('from "behaviours"'))).toHaveLength(1);
    } finally {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
