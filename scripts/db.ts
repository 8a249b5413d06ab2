/**
 * Database chores, on DATABASE_URL or the embedded folder (which they refuse to touch while a server holds it).
 *   npm run db:migrate          apply committed migrations
 *   npm run db:seed             add the demo organisation (if it is not there yet)
 *   npm run db:seed -- --large  add the large organisation (50 teams, one of 500 reps, 12 behaviours, 4 cycles)
 *   npm run db:reset            embedded only: delete the folder's database, migrate and seed afresh
 */
import fs from "node:fs";
import path from "node:path";
import { openAsOwner } from "@/db/client";
import { acquireFolderLock, FolderLockedError } from "@/db/folder-lock";
import { findUserByEmail } from "@/db/queries/accounts";
import { env } from "@/lib/env";
import { demoSignIns, seedDemo } from "./seed";
import { DEMO_ADMIN } from "./seed/demo-people";
import { LARGE_ADMIN_EMAIL, LARGE_LEADER_EMAIL, LARGE_ORG, seedLargeOrganisation } from "./seed/large-organisation";

async function main(command: string | undefined) {
  if (command === "reset") {
    const { DATABASE_URL, dataDir } = env();
    if (DATABASE_URL) throw new Error("db:reset only resets the embedded database. Unset DATABASE_URL to use it.");
    acquireFolderLock(dataDir)(); // refuse while a server holds the folder; released at once
    fs.rmSync(path.join(dataDir, "pgdata"), { recursive: true, force: true });
    console.log(`Deleted the embedded database in ${dataDir}.`);
  } else if (command !== "migrate" && command !== "seed") {
    throw new Error("Usage: tsx scripts/db.ts migrate|seed|reset");
  }

  const handle = await openAsOwner(); // migrates
  try {
    if (command === "migrate") return console.log("Migrations applied.");
    if (process.argv.includes("--large")) {
      if (await findUserByEmail(handle.db, LARGE_ADMIN_EMAIL)) return console.log("The large organisation is already there.");
      await seedLargeOrganisation(handle.db);
      return console.log(`Seeded "${LARGE_ORG.name}" at /o/${LARGE_ORG.slug}: sign in as ${LARGE_ADMIN_EMAIL} or ${LARGE_LEADER_EMAIL}.`);
    }
    if (await findUserByEmail(handle.db, DEMO_ADMIN.email)) return console.log("The demo organisation is already there.");
    await seedDemo(handle.db);
    console.log(`Seeded.\n\n${demoSignIns()}`);
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof FolderLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
});
