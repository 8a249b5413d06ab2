import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openServer } from "@/db/client";
import { findSessionUser } from "@/db/queries/accounts";
import { executeRows } from "@/db/queries/execute";
import { listGridBehaviours } from "@/db/queries/grid";
import { onServer, throughPooler } from "../support/database";
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
    // Straight to the server, one connection: every statement below shares it.
    const handle = await openServer(withDatabase(serverUrl, name), 1, { pooler: "none" });
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

/**
 * Behind PgBouncer in transaction mode (1.18 here) each transaction gets whichever server connection is free. A
 * statement prepared on one is unknown on the next; inside a transaction that error aborts it, so an action fails.
 * The sequence is made deterministic: PgBouncer reuses its most recently released server connection (LIFO), and
 * another client holds that one in an open transaction while ours starts its second transaction.
 */
describe("behind PgBouncer in transaction mode (DATABASE_POOLER)", () => {
  async function secondTransactionOnAnotherConnection(pooler: "transaction" | "none") {
    const poolerUrl = process.env.TEST_POOLER_URL!;
    const name = `coachgrid_pooled_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${PG_TEMPLATE_DB}`);
    const handle = await openServer(withDatabase(poolerUrl, name), 1, { pooler });
    const other = postgres(withDatabase(poolerUrl, name), { max: 1, prepare: false, onnotice: () => {} });
    let release = () => {};
    try {
      const first = await handle.db.transaction(async (tx) => {
        await findSessionUser(tx, randomUUID(), randomUUID());
        return executeRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
      });
      // The other client takes that server connection and keeps it until released.
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const holds = new Promise<void>((resolve) => (holding = resolve));
      const otherDone = other.begin(async (tx) => {
        const [row] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
        expect(row!.pid).toBe(first[0]!.pid);
        holding();
        await held;
      });
      await holds;
      const second = await handle.db
        .transaction(async (tx) => {
          await findSessionUser(tx, randomUUID(), randomUUID());
          return executeRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
        })
        .then(
          (rows) => ({ ok: true as const, pid: rows[0]!.pid }),
          (error: Error) => ({ ok: false as const, message: ((error.cause as Error | undefined) ?? error).message }),
        );
      release();
      await otherDone;
      return { firstPid: first[0]!.pid, second };
    } finally {
      release();
      await other.end({ timeout: 1 });
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  it.runIf(throughPooler)("with named statements (the default) an action's transaction fails on another server connection", async () => {
    const { second } = await secondTransactionOnAnotherConnection("none");
    expect(second).toMatchObject({
      ok: false,
      message: expect.stringMatching(/prepared statement .* does not exist|current transaction is aborted/),
    });
  });

  it.runIf(throughPooler)("with DATABASE_POOLER=transaction the same transaction runs on another server connection", async () => {
    const { firstPid, second } = await secondTransactionOnAnotherConnection("transaction");
    expect(second.ok).toBe(true);
    expect(second.ok && second.pid).not.toBe(firstPid);
  });
});
