import type { Db } from "@/db/client";
import { runWeeklyDigests } from "./run";

/** How often the app process looks for digests that have come due (any instance may; the weekly key dedupes). */
const EVERY_MS = 5 * 60_000;

/**
 * Runs the weekly digest in the app process, next to the mail worker: once at start and then every five minutes.
 * Digests are queued in the outbox like any mail and `sent` nudges the worker. Its timer is unref'd: it never keeps
 * a process alive. Returns the stop function.
 */
export function startDigestSchedule(options: { db: () => Promise<Db>; queued: () => void; log: (line: string) => void; everyMs?: number }) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const run = await runWeeklyDigests(await options.db());
        if (run.queued > 0) {
          options.log(`Weekly digest: ${run.queued} queued, ${run.nothingToDo} with nothing to do, ${run.skipped} skipped.`);
          options.queued();
        }
      } catch (error) {
        options.log(`Weekly digest: ${(error as Error).message}; trying again later.`);
      }
    })().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? EVERY_MS).unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
