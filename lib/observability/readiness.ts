import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { newestAppliedMigration } from "@/db/queries/health";

export type Readiness = { ready: true } | { ready: false; reason: "database_unreachable" | "migrations_pending" };

/** The newest migration this build ships (drizzle-kit's journal). */
function newestShippedMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

/**
 * Ready to take traffic: the database answers within `timeoutMs` and holds every migration this build ships.
 * (The app migrates when it opens the database; pending migrations mean another version is mid-upgrade.)
 */
export async function readiness(timeoutMs = 3000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    const applied = await Promise.race([getDb().then(newestAppliedMigration), timeout]);
    if (applied === "timeout") return { ready: false, reason: "database_unreachable" };
    return applied !== null && applied >= newestShippedMigration() ? { ready: true } : { ready: false, reason: "migrations_pending" };
  } catch {
    return { ready: false, reason: "database_unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
