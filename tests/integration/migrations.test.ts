import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { embeddedHandle } from "@/db/client";
import { migrateServer } from "@/db/migrate";
import { onServer } from "../support/database";
import { withDatabase } from "../support/template";

const migrationFiles = fs.readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));

describe("migrations", () => {
  it.runIf(onServer)("apply once when several instances start together (PostgreSQL, advisory lock)", async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `coachgrid_migrate_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    try {
      const url = withDatabase(serverUrl, name);
      await Promise.all([migrateServer(url), migrateServer(url), migrateServer(url), migrateServer(url)]);
      const db = postgres(url, { max: 1, onnotice: () => {} });
      const applied = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const tables = await db`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
      await db.end();
      expect(applied[0]!.n).toBe(migrationFiles.length);
      expect(tables[0]!.n).toBeGreaterThanOrEqual(7);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it.runIf(!onServer)("apply to a new embedded database and are a no-op the second time", async () => {
    const client = await PGlite.create();
    await embeddedHandle(client);
    const again = await embeddedHandle(client); // migrates again: nothing left to apply
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(rows[0]!.n).toBe(migrationFiles.length);
    await again.close();
  });
});
