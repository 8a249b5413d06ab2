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

/** Migrates a PostgreSQL server on one dedicated connection holding an advisory lock, so two instances starting together do not race. */
export async function migrateServer(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzle({ client }), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
