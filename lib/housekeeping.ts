import { getDb } from "@/db/client";
import { purgeExpiredThrottles } from "@/db/queries/throttles";
import { log } from "@/lib/observability/log";

const EVERY_MS = 10 * 60_000;

/**
 * Chores the server does by itself while it runs (started once, from instrumentation.ts): purge the sign-in and
 * check-in throttle keys that count nothing any more. Every instance may run it; the delete is idempotent.
 */
export function startHousekeeping(): void {
  const sweep = async () => {
    try {
      const purged = await purgeExpiredThrottles(await getDb());
      if (purged > 0) log.info({ task: "throttles.purge", purged }, `purged ${purged} expired throttle keys`);
    } catch (error) {
      log.warn({ task: "throttles.purge", reason: (error as Error).message }, "throttle purge failed; the next one tries again");
    }
  };
  setInterval(sweep, EVERY_MS).unref();
  void sweep();
}
