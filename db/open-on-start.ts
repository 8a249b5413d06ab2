import { getDatabase } from "./client";
import { FolderLockedError } from "./folder-lock";

/**
 * Imported once at server start (instrumentation.ts). On the embedded database it opens and migrates the data
 * folder right away, so the server holds the folder lock from its first second: a script or a second server
 * started later is refused with one line, instead of racing the server for the folder on its first request.
 */
try {
  await getDatabase();
} catch (error) {
  if (!(error instanceof FolderLockedError)) throw error;
  console.error(error.message);
  process.exit(1);
}
