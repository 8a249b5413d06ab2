import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { acquireFolderLock } from "./folder-lock";
import { migrateEmbedded, migrateServer } from "./migrate";
import { recordQuery } from "./query-counter";
import * as schema from "./schema";

/** Either driver, typed by what both share. Data-access functions take this (or a transaction of it). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: "embedded" | "server";
  close(): Promise<void>;
  /** Calls `onNotify` for each NOTIFY on `channel` (delivered when the notifying transaction commits); returns the unlisten. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
};

const options = { schema, casing: "snake_case", logger: { logQuery: recordQuery } } as const;

/** Wraps an open PGlite (a folder's, or a test's in-memory copy) and migrates it. */
export async function embeddedHandle(client: PGlite, onClose?: () => void): Promise<DatabaseHandle> {
  const db = drizzlePglite({ client, ...options }) as unknown as Db;
  await migrateEmbedded(db);
  return {
    db,
    kind: "embedded",
    async close() {
      await client.close();
      onClose?.();
    },
    listen: (channel, onNotify) => client.listen(channel, () => onNotify()),
  };
}

/** Opens the embedded database in `dataDir` (taking its folder lock) and migrates it. */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const release = acquireFolderLock(dataDir);
  try {
    const handle = await embeddedHandle(await PGlite.create(path.join(dataDir, "pgdata")), release);
    process.once("exit", release); // a synchronous last resort if the process exits without close()
    return handle;
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Which statements the server prepares. Drizzle sends a query unnamed unless it is given a name, and the server
 * then parses and plans it on every call; for small keyed statements that is most of their cost. Two kinds are
 * prepared once per connection (postgres.js keeps them) and run on the server's cached plan:
 * - the keyed lookups of every request (the session's user, the membership: `.prepare()` in db/queries);
 * - every statement of a transaction (an action's keyed reads, its write, its audit event): this client.
 * Page reads stay unnamed: their aggregates plan better for the values at hand (with one team of 500 reps among
 * teams of 15, a generic plan read the grid's rows in 11 ms instead of 6). They too run in a transaction (the
 * organisation is set per transaction, db/tenant.ts): one begun inside `withUnnamedStatements` is left as it is.
 *
 * A wrapper, because neither library has a setting for "prepare every statement of this transaction":
 * - postgres.js's `prepare` option (`postgres(url, { prepare })`) only allows named statements on the connection. Each
 *   query's own `prepare` decides (node_modules/postgres/src/connection.js: `options.prepare && ('prepare' in
 *   q.options ? q.options.prepare : true)`), and its README's documented way to prepare an `sql.unsafe` query is to
 *   pass `{ prepare: true }` to that call.
 * - drizzle-orm's postgres-js session sends every statement as `client.unsafe(text, params, { prepare })`, with
 *   `prepare` true only for a query built with `.prepare(name)` (node_modules/drizzle-orm/postgres-js/session.js);
 *   `drizzle({ client })` takes no option for it, per session or per transaction.
 * - Naming every statement of every action with `.prepare(name)` is drizzle's supported way, but it needs
 *   placeholders for every value, cannot name a statement whose text changes per call (a list of ids), and would
 *   have to be remembered on every new query.
 * So drizzle gets the postgres.js client whose `begin` (and a transaction's `savepoint`) hands the body a transaction
 * whose `unsafe` adds `prepare: true`: the per-call option postgres.js documents, on the calls drizzle makes. If an
 * upgrade of drizzle stopped going through `begin`, `savepoint` and `unsafe`, tests/integration/prepared-statements.test.ts
 * (on PostgreSQL) fails: it checks what the server holds prepared. Behind a pooler in transaction mode the wrapper is
 * not used at all (openServer): `prepare: false` on the connection turns every named statement off.
 */
function preparingTransactions(sql: postgres.Sql): postgres.Sql {
  const preparing = (tx: postgres.TransactionSql): postgres.TransactionSql =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === "unsafe") {
          return (query: string, args?: never[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, args, { ...options, prepare: true });
        }
        if (property === "savepoint") return scoped(target.savepoint.bind(target));
        return Reflect.get(target, property, receiver);
      },
    });
  // begin(…, body) and savepoint(…, body): the body gets the preparing transaction.
  const scoped =
    (run: (...args: never[]) => unknown) =>
    (...args: unknown[]) => {
      const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
      return (run as (...a: unknown[]) => unknown)(...args, (tx: postgres.TransactionSql) => body(preparing(tx)));
    };
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property !== "begin") return Reflect.get(target, property, receiver);
      return unnamed.getStore() ? target.begin.bind(target) : scoped(target.begin.bind(target));
    },
  });
}

const unnamed = new AsyncLocalStorage<true>();

/** Transactions begun inside `fn` send their statements unnamed unless named (page reads, see above). */
export function withUnnamedStatements<T>(fn: () => Promise<T>): Promise<T> {
  return unnamed.run(true, fn);
}

type ServerOptions = {
  /** `transaction` behind a pooler in transaction mode: nothing is prepared by name (see openServer). */
  pooler?: "transaction" | "none";
  /** The tables' owner, when the app's own URL connects as a role that owns nothing (docs/rls.md). */
  migrationUrl?: string;
};

/**
 * Connects to a PostgreSQL server and migrates it (under an advisory lock), as the owner's URL when given. Behind a
 * pooler in transaction mode (DATABASE_POOLER=transaction) nothing is prepared by name: such a pooler (PgBouncer
 * before 1.21) hands each transaction any server connection, where a statement prepared on another one does not exist.
 */
export async function openServer(
  url: string,
  poolSize = 10,
  { pooler = env().DATABASE_POOLER, migrationUrl = url }: ServerOptions = {},
): Promise<DatabaseHandle> {
  await migrateServer(migrationUrl);
  const named = pooler !== "transaction";
  const client = postgres(url, { max: poolSize, onnotice: () => {}, prepare: named });
  const db = drizzlePostgres({ client: named ? preparingTransactions(client) : client, ...options }) as unknown as Db;
  return {
    db,
    kind: "server",
    close: () => client.end({ timeout: 5 }),
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, () => onNotify());
      return unlisten;
    },
  };
}

/** Opens whatever the environment names: DATABASE_URL, else the embedded folder. */
function openConfigured(): Promise<DatabaseHandle> {
  const { DATABASE_URL, DATABASE_MIGRATION_URL, dataDir } = env();
  return DATABASE_URL ? openServer(DATABASE_URL, 10, { migrationUrl: DATABASE_MIGRATION_URL }) : openEmbedded(dataDir);
}

/** The scripts' database (seed): as the tables' owner, DATABASE_MIGRATION_URL when set. */
export function openAsOwner(): Promise<DatabaseHandle> {
  const { DATABASE_URL, DATABASE_MIGRATION_URL, dataDir } = env();
  const url = DATABASE_MIGRATION_URL ?? DATABASE_URL;
  return url ? openServer(url, 2) : openEmbedded(dataDir);
}

// One handle per process, kept on globalThis so hot reloads in development reuse it.
const holder = globalThis as unknown as { __coachgridDb?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__coachgridDb) {
    holder.__coachgridDb = openConfigured();
    holder.__coachgridDb.then(closeOnExit, () => {
      holder.__coachgridDb = undefined; // let the next request retry (e.g. the server was down)
    });
  }
  return holder.__coachgridDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests hand in their own database (a fresh PGlite or a throwaway PostgreSQL database). */
export function setDatabase(handle: DatabaseHandle): void {
  holder.__coachgridDb = Promise.resolve(handle);
}

const stopping: Array<() => Promise<void>> = [];

/** Work to finish before the process's database closes on SIGINT/SIGTERM (the mail worker's sends in flight). */
export function beforeDatabaseCloses(stop: () => Promise<void>): void {
  stopping.push(stop);
}

function closeOnExit(handle: DatabaseHandle) {
  // PGlite must be closed to flush and release the folder lock; a process that never closes never exits.
  const close = (signal: NodeJS.Signals) => {
    Promise.allSettled(stopping.map((stop) => stop()))
      .then(() => handle.close())
      .finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
}
