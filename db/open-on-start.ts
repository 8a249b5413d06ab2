import "server-only";
import { env } from "@/lib/env";
import { getDatabase } from "./client";
import { FolderLockedError } from "./folder-lock";

/**
 * Imported once at server start (instrumentation.ts). On the embedded database it opens and migrates the data
 * folder right away, so the server holds the folder lock from its first second: a script or a second server
 * started later is refused with one line, instead of racing the server for the folder on its first request.
 * A PostgreSQL server that is down at start is not fatal: the app serves its error page and the next request
 * connects again (getDatabase forgets a failed open).
 */
try {
  await getDatabase();
} catch (error) {
  if (error instanceof FolderLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  if (!env().DATABASE_URL) throw error;
  console.error(`The database is not reachable yet (${(error as Error).message}); the next request tries again.`);
}
