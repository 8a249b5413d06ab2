import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
/** The SMTP server e2e/mail.spec.ts runs while it tests mail (tests/support/smtp.ts); down the rest of the time. */
const smtpPort = port + 1000;

/**
 * Browser tests against a production build on a fresh embedded database of their own (.test-data/e2e-<port>),
 * seeded with the demo organisation. DATABASE_URL is cleared so no real database is ever touched.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 45_000,
  expect: { timeout: 10_000 },
  workers: 1, // one embedded database connection, two cores
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    baseURL,
    launchOptions: { ...findChromium(), args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: {
    command: "node --import tsx scripts/start.ts --fresh",
    url: `${baseURL}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    env: {
      PORT: String(port),
      DATA_DIR: path.resolve(".test-data", `e2e-${port}`),
      DATABASE_URL: "",
      NEXTAUTH_URL: baseURL,
      COACHGRID_TEST_HOOKS: "1",
      // Mail goes to the spec's own SMTP server; while it is down, mails wait and are retried (every few seconds).
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Coachgrid <coachgrid@e2e.test>",
      MAIL_RETRY_SECONDS: "1",
    },
  },
});
