import fs from "node:fs";
import path from "node:path";
import { startServerProcess, type AppServer } from "../../scripts/bench/app";
import { freePort } from "../../scripts/postgres-cluster";
import { TS_SCRIPT } from "../../scripts/runtime";

/**
 * The app a Playwright worker tests: `scripts/start.ts --fresh --built` (the suite's build, a fresh embedded database
 * seeded with the demo organisation) on free ports of its own, so workers never share data. Mail goes to the
 * worker's SMTP port, where a mail spec runs its server (e2e/support/mailbox.ts); down the rest of the time, mails
 * wait in the outbox and are retried every few seconds.
 */
export type E2eServer = { url: string; port: number; smtpPort: number; dataDir: string; stop(): Promise<void> };

export async function startE2eServer(): Promise<E2eServer> {
  const [port, smtpPort] = [await freePort(), await freePort()];
  const url = `http://localhost:${port}`;
  const dataDir = path.resolve(".test-data", `e2e-${port}`);
  // A worker that ends without teardown (killed, crashed) leaves no database behind (nor a server: see startServerProcess).
  const removeData = () => fs.rmSync(dataDir, { recursive: true, force: true });
  process.once("exit", removeData);
  let server: AppServer;
  try {
    server = await startServerProcess({
      command: process.execPath,
      args: [...TS_SCRIPT, "scripts/start.ts", "--fresh", "--built"],
      url,
      log: path.resolve(".test-data", `e2e-${port}.log`),
      startupMs: 200_000,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        NEXTAUTH_URL: url,
        COACHGRID_TEST_HOOKS: "1",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: "Coachgrid <coachgrid@e2e.test>",
        MAIL_RETRY_SECONDS: "1",
      },
    });
  } catch (error) {
    removeData();
    throw error;
  }
  return {
    url,
    port,
    smtpPort,
    dataDir,
    async stop() {
      await server.stop();
      process.off("exit", removeData);
      removeData();
    },
  };
}
