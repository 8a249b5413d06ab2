import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/chromium";

/**
 * Browser tests against the production build. Each worker runs the app for itself (e2e/support/test.ts): a server on
 * free ports with a fresh embedded database seeded with the demo organisation, so spec files in different workers
 * never share data. Within a worker, spec files run one after another on its server.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  timeout: 45_000,
  expect: { timeout: 10_000 },
  workers: Number(process.env.E2E_WORKERS ?? 1), // each a server and a browser of its own; E2E_WORKERS=2 runs two at once
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  use: {
    launchOptions: { ...findChromium(), args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
});
