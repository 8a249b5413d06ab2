import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { embeddedHandle } from "@/db/client";
import { migrateServer } from "@/db/migrate";
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, withDatabase } from "./template";

/** Migrates one template database per run; each test file then starts from a copy of it. */
export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    await migrateServer(withDatabase(serverUrl, PG_TEMPLATE_DB));
    return;
  }
  const client = await PGlite.create();
  const migrated = await embeddedHandle(client);
  const archive = await client.dumpDataDir("none");
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await archive.arrayBuffer()));
  await migrated.close();
}
