import { expect, test } from "./support/test";
import type { Browser } from "@playwright/test";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";

/** Sessions end on the server, and the sign-in lock cannot be used to keep a known browser out. Over real HTTP. */

const SESSION_COOKIE = "next-auth.session-token";

// Each test signs up and signs in more than once (argon2 on a shared machine): give them room.
test.describe.configure({ timeout: 150_000 });

async function replay(browser: Browser, baseURL: string, cookie: { name: string; value: string }) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL }]);
  return context;
}

test("a session cookie saved before signing out opens nothing afterwards, on a page or at /api/auth/session", async ({ page, browser, baseURL }) => {
  const account = newAccount("Replay");
  await signUp(page, account);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const saved = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
  expect(saved).toBeTruthy();

  // Before signing out the saved cookie works elsewhere.
  const before = await replay(browser, baseURL!, saved);
  expect(await (await before.request.get("/api/auth/session")).json()).toMatchObject({ user: { email: account.email } });
  await before.close();

  await signOut(page);

  const after = await replay(browser, baseURL!, saved);
  const organisation = await after.request.get(`/o/${slug}`, { maxRedirects: 0 });
  expect(organisation.status()).toBe(307);
  expect(organisation.headers()["location"]).toContain("/login");
  const session = await after.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  // The stale cookie is cleared, not re-issued.
  expect(session.headers()["set-cookie"] ?? "").toMatch(/next-auth\.session-token=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
  const pageView = await after.newPage();
  await pageView.goto(`/o/${slug}`);
  await expect(pageView).toHaveURL(/\/login/);
  await after.close();
});

test("'Sign out everywhere' on the account page ends every session of the account", async ({ page, browser, baseURL }) => {
  const account = newAccount("Everywhere");
  await signUp(page, account);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("alertdialog", { name: "Sign out everywhere?" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sign-out-everywhere.png" });
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/login/);

  await otherPage.goto(`/o/${slug}`);
  await expect(otherPage).toHaveURL(/\/login/);
  expect(await (await other.request.get("/api/auth/session")).json()).toEqual({});
  await other.close();
});

test("a browser that signed in before gets in with the right password while strangers keep the account locked", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const account = newAccount("Known");
  await signUp(page, account); // signs this browser in: it gets the device cookie
  const device = (await page.context().cookies(`${baseURL}/api/auth/session`)).find((c) => c.name === "coachgrid-device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/auth" });
  await signOut(page);

  // A stranger sends ten wrong passwords: the account is locked.
  const attacker = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await Promise.all(
    Array.from({ length: 10 }, () =>
      attacker.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: "wrong password", json: "true" } }),
    ),
  );
  await attacker.dispose();

  // A browser that never signed in to this account is refused even with the right password...
  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/login");
  await strangerPage.getByLabel("Email").fill(account.email);
  await strangerPage.getByLabel("Password").fill(account.password);
  await strangerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(strangerPage.getByRole("alert", { name: "Sign-in error" })).toBeVisible({ timeout: 30_000 });
  await expect(strangerPage).toHaveURL(/\/login/);
  await stranger.close();

  // ...while the owner's browser signs in.
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: account.organisationName })).toBeVisible();
});
