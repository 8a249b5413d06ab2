import { beforeDatabaseCloses, getDatabase } from "@/db/client";
import { runWeeklyDigests } from "./run";

/** How often the app process looks for digests that have come due (any instance may; the weekly key dedupes). */
const EVERY_MS = 5 * 60_000;

/**
 * Runs the weekly digest in the app server's process, beside the mail worker (instrumentation.ts calls this once):
 * at start, then every five minutes. Digests are queued in the outbox like any mail, whose commit wakes the mail
 * worker. The timer is unref'd, and the schedule stops before the database closes on SIGINT/SIGTERM. A function,
 * not an import side effect, so that importing lib/ (the registry tests do) starts nothing.
 */
export function startDigestSchedule(log: (line: string) => void = (line) => console.error(line)): void {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const run = await runWeeklyDigests((await getDatabase()).db);
        if (run.queued > 0) log(`Weekly digest: ${run.queued} queued, ${run.nothingToDo} with nothing to do, ${run.skipped} skipped.`);
      } catch (error) {
        log(`Weekly digest: ${(error as Error).message}; trying again in ${EVERY_MS / 60_000} minutes.`);
      }
    })().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, EVERY_MS).unref();
  beforeDatabaseCloses(async () => {
    clearInterval(timer);
    await running;
  });
}
