import { beforeDatabaseCloses, getDatabase } from "@/db/client";
import { startDigestSchedule } from "@/lib/digest/scheduler";
import { env } from "@/lib/env";
import { configuredTransport } from "./transport";
import { startMailWorker } from "./worker";

/**
 * Imported once at server start (instrumentation.ts): says where mail goes and starts this process's mail worker,
 * which stops (finishing the sends in flight) before the database closes on SIGINT/SIGTERM.
 */
const transport = configuredTransport();
console.log(`Mail: ${transport.description}.`);
const worker = startMailWorker({
  db: async () => (await getDatabase()).db,
  listen: async (onNotify) => (await getDatabase()).listen("coachgrid_mail", onNotify),
  transport,
  retrySeconds: env().MAIL_RETRY_SECONDS,
  log: (line) => console.error(line),
});
beforeDatabaseCloses(worker.stop);
// The leaders' weekly digest is queued here too, and the worker sends it (lib/digest).
beforeDatabaseCloses(
  startDigestSchedule({ db: async () => (await getDatabase()).db, queued: worker.nudge, log: (line) => console.error(line) }),
);
