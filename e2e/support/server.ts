import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/postgres-cluster";

/**
 * The app a Playwright worker tests: `scripts/start.ts --fresh --built` (the suite's build, a fresh embedded database
 * seeded with the demo organisation) on free ports of its own, so workers never share data. Mail goes to the
 * worker's SMTP port, where a mail spec runs its server (e2e/support/mailbox.ts); down the rest of the time, mails
 * wait in the outbox and are retried every few seconds.
 */
export type E2eServer = { url: string; port: number; smtpPort: number; dataDir: string; stop(): Promise<void> };

const STARTUP_MS = 200_000;

export async function startE2eServer(): Promise<E2eServer> {
  const [port, smtpPort] = [await freePort(), await freePort()];
  const url = `http://localhost:${port}`;
  const dataDir = path.resolve(".test-data", `e2e-${port}`);
  const log = fs.openSync(path.resolve(".test-data", `e2e-${port}.log`), "w");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--fresh", "--built"], {
    detached: true, // its own process group: stopping it stops next too
    stdio: ["ignore", log, log],
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
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // A worker that ends without teardown (killed, crashed) takes its server and its database with it.
  const onExit = () => {
    killGroup("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  const deadline = Date.now() + STARTUP_MS;
  while (!(await fetch(`${url}/login`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      killGroup("SIGKILL");
      throw new Error(`The e2e server on port ${port} did not start: see .test-data/e2e-${port}.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    port,
    smtpPort,
    dataDir,
    async stop() {
      process.off("exit", onExit);
      if (child.exitCode === null) {
        killGroup("SIGTERM");
        const timer = setTimeout(() => killGroup("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      fs.closeSync(log);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
