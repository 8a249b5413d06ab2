import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { startServerProcess, type AppServer } from "../scripts/bench/app";
import { freePort } from "../scripts/postgres-cluster";
import { TS_SCRIPT } from "../scripts/runtime";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";

/**
 * Without NEXTAUTH_URL the app works at whatever address it is opened at: `npm start` (scripts/start.ts --built: the same
 * build) with no public URL and an empty embedded database of its own, used at localhost and at 127.0.0.1.
 */
test.describe("without NEXTAUTH_URL (npm start as a new user runs it)", () => {
  let otherPort = 0;
  let server: AppServer | undefined;
  let dataDir = "";
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    otherPort = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coachgrid-addresses-"));
    const env = { ...process.env };
    delete env.NEXTAUTH_URL;
    server = await startServerProcess({
      command: process.execPath,
      args: [...TS_SCRIPT, "scripts/start.ts", "--built"],
      url: `http://127.0.0.1:${otherPort}`,
      startupMs: 170_000,
      env: { ...env, PORT: String(otherPort), DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_SECRET: "addresses-e2e-secret-0123456789abcdef" },
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const host of ["localhost", "127.0.0.1"]) {
    test(`signs up, signs out and signs in at http://${host}`, async ({ browser }) => {
      const origin = `http://${host}:${otherPort}`;
      const context = await browser.newContext({ baseURL: origin });
      const page = await context.newPage();
      const hosts = new Set<string>();
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) hosts.add(new URL(frame.url()).host);
      });
      const account = newAccount("Address");
      await signUp(page, account);
      await signOut(page);
      await signIn(page, account.email, account.password);
      await expect(page.getByRole("heading", { level: 1, name: account.organisationName })).toBeVisible();
      await expect(page.getByRole("alert", { name: "Wrong address" })).toHaveCount(0);
      expect([...hosts], "every page stayed on the address in use").toEqual([`${host}:${otherPort}`]);
      await context.close();
    });
  }
});

test("with NEXTAUTH_URL set, another address of the same server says plainly which address to use", async ({ browser, appServer: { port } }) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  const page = await context.newPage();
  await page.goto("/signup");
  const notice = page.getByRole("alert", { name: "Wrong address" });
  await expect(notice).toContainText(`Coachgrid is set up to be used at http://localhost:${port}, not at http://127.0.0.1:${port}`);
  await expect(notice.getByRole("link", { name: `Open this page at http://localhost:${port}` })).toHaveAttribute(
    "href",
    `http://localhost:${port}/signup`,
  );
  await page.screenshot({ path: path.join("test-results", "wrong-address-notice.png") });

  // At the configured address, no notice.
  await page.goto(`http://localhost:${port}/signup`);
  await expect(page.getByRole("heading", { name: "Create your organisation" })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await context.close();
});
