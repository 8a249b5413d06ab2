import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/chromium";
import { SMTP_SINK_DIR, SMTP_SINK_PORT } from "./e2e/support/mailbox";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

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
  webServer: [
    {
      // A real SMTP server the app sends to; the tests read what it received (e2e/support/mailbox.ts).
      command: "node --import tsx e2e/support/smtp-sink.ts",
      port: SMTP_SINK_PORT,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { SMTP_SINK_PORT: String(SMTP_SINK_PORT), SMTP_SINK_DIR },
    },
    {
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
        SMTP_URL: `smtp://127.0.0.1:${SMTP_SINK_PORT}`,
        MAIL_FROM: "Coachgrid <coachgrid@example.test>",
        MAIL_RETRY_SECONDS: "1",
      },
    },
  ],
});
