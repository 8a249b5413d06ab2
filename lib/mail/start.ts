import { beforeDatabaseCloses, getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { configuredTransport } from "./transport";
import { startMailWorker } from "./worker";

/**
 * Called once at server start (instrumentation.ts): says where mail goes and starts this process's mail worker,
 * which stops (recording the sends in flight) before the database closes on SIGINT/SIGTERM.
 */
export function startServerMail(): void {
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
}
