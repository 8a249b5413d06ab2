import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "@/e2e/support/chromium";
import { signIn, startApp, type AppServer } from "@/scripts/bench/app";
import { CI, DANA, log, PASSWORD, PORTS, postgresBinaries, SECRET, seededServerDatabase, SLUG, startCluster, type Cluster } from "./support";

const browser = findChromium();
if (!browser && CI) throw new Error("No Chromium found; CI needs it for the database-outage test");

/**
 * PostgreSQL goes away under a running app (its own cluster, so nothing else notices): pages show a friendly error
 * with a retry, the app process stays up, and once the database is back the retry works without restarting the app.
 */
describe("database down", () => {
  const bin = postgresBinaries();
  let cluster: Cluster | undefined;
  let app: AppServer | undefined;
  let late: AppServer | undefined;
  let url = "";
  beforeAll(async () => {
    if (!bin || !browser) return;
    cluster = await startCluster(bin);
    url = await seededServerDatabase(cluster, "outage");
    app = await startApp({ port: PORTS.outage, databaseUrl: url, secret: SECRET, log: log("outage"), env: { COACHGRID_BENCH: "1" } });
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), late?.stop()]);
    cluster?.stop();
  });

  it.skipIf(!bin || !browser)("shows a friendly error with a retry, stays up, and reconnects by itself", async () => {
    const server = app!;
    const cookie = await signIn(server.url, DANA, PASSWORD);
    const page = `${server.url}/o/${SLUG}/bench`;
    const get = () => fetch(page, { headers: { Cookie: cookie }, redirect: "manual" });
    expect((await get()).status).toBe(200);

    const chrome = await chromium.launch({ ...browser, args: CHROMIUM_ARGS });
    try {
      const context = await chrome.newContext({ baseURL: server.url });
      const [name, value] = cookie.split("=", 2) as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
      const tab = await context.newPage();
      await tab.goto(`/o/${SLUG}/bench`);
      await expect.poll(() => tab.getByRole("heading", { level: 1, name: "Trivial page" }).isVisible()).toBe(true);

      cluster!.halt();
      const down = await get();
      expect(down.status).toBe(500);
      const response = await tab.goto(`/o/${SLUG}/bench`);
      expect(response?.status()).toBe(500);
      await expect.poll(() => tab.getByRole("heading", { level: 1, name: "We could not load this page" }).isVisible()).toBe(true);
      expect(await tab.getByText(/the service may be briefly unavailable/).isVisible()).toBe(true);
      const retry = tab.getByRole("button", { name: "Try again" });
      expect(await retry.isVisible()).toBe(true);
      await tab.screenshot({ path: ".test-data/reliability/database-down.png" });

      // A retry while the database is still down shows the same friendly page, and the process is still up.
      await retry.click();
      await expect.poll(() => tab.getByRole("button", { name: "Try again" }).isVisible()).toBe(true);
      expect(server.alive()).toBe(true);
      expect((await fetch(`${server.url}/login`)).status).toBe(200);

      cluster!.resume();
      // The same button, no reload and no app restart: the page comes back.
      await tab.getByRole("button", { name: "Try again" }).click();
      await expect.poll(() => tab.getByRole("heading", { level: 1, name: "Trivial page" }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect((await get()).status).toBe(200);
      expect(server.alive()).toBe(true);
    } finally {
      await chrome.close();
    }
  });

  it.skipIf(!bin || !browser)("starts while the database is down (db/open-on-start.ts), then serves once it is back", async () => {
    const cookie = await signIn(app!.url, DANA, PASSWORD); // the same secret: the session works on the second server too
    cluster!.halt();
    let down = true;
    try {
      late = await startApp({
        port: PORTS.outageAtStart,
        databaseUrl: url,
        secret: SECRET,
        log: log("outage-at-start"),
        env: { COACHGRID_BENCH: "1" },
      });
      const bench = () => fetch(`${late!.url}/o/${SLUG}/bench`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect((await bench()).status).toBe(500);
      expect(late.alive()).toBe(true);
      cluster!.resume();
      down = false;
      expect((await bench()).status).toBe(200);
      expect(late.alive()).toBe(true);
    } finally {
      if (down) cluster!.resume();
    }
  });
});
