import { test as base } from "@playwright/test";
import { startE2eServer, type E2eServer } from "./server";

/**
 * Playwright's `test` with the app each worker runs for itself (e2e/support/server.ts): every page, request and
 * context of a test goes to its worker's server through `baseURL`. Specs import `test` and `expect` from here.
 */
export const test = base.extend<object, { appServer: E2eServer }>({
  appServer: [
    async ({}, provide) => {
      const server = await startE2eServer();
      await provide(server);
      await server.stop();
    },
    { scope: "worker", auto: true, timeout: 240_000 },
  ],
  baseURL: async ({ appServer }, provide) => provide(appServer.url),
});

export { expect } from "@playwright/test";
