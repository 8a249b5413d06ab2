import "server-only";
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Db } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** An arbitrary constant: every instance of the app takes the same advisory lock to migrate. */
const MIGRATION_LOCK_KEY = 724_311_905;

export async function migrateEmbedded(db: Db): Promise<void> {
  // The embedded folder is already exclusive to this process (folder lock), so no further locking.
  await migratePglite(db as Parameters<typeof migratePglite>[0], { migrationsFolder });
}

/**
 * Migrates a PostgreSQL server in one transaction that first takes a transaction-scoped advisory lock, so two
 * instances starting together do not race. Transaction-scoped, because behind a pooler in transaction mode a
 * session lock and its unlock can reach different server connections (the lock would then never be released).
 */
export async function migrateServer(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, prepare: false });
  try {
    await client.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
      await migratePostgres(drizzle({ client: beginsAsSavepoints(tx, client) }), { migrationsFolder });
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Drizzle's migrator opens its own transaction (`begin`); inside ours it becomes a savepoint. Drizzle also reads the
 * client's `options`. No supported setting does this: drizzle's `migrate()` takes no lock and no hook, reads the last
 * applied migration before and outside the transaction it applies the rest in (node_modules/drizzle-orm/pg-core/dialect.js,
 * `migrate`), and always begins that transaction itself; a session advisory lock taken first would not hold behind a
 * pooler in transaction mode (above). Applying the files of drizzle's public `readMigrationFiles` ourselves would
 * copy the migrator's bookkeeping (`drizzle.__drizzle_migrations`), which the embedded path and drizzle-kit share.
 * tests/integration/migrations.test.ts runs it on PostgreSQL, and `npm test` through PgBouncer.
 */
function beginsAsSavepoints(tx: postgres.TransactionSql, client: postgres.Sql): postgres.Sql {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === "begin") return target.savepoint.bind(target);
      if (property === "options") return client.options;
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as postgres.Sql;
}
