import { expect, test } from "./support/test";
import { actionId, actionResult } from "../scripts/bench/app";
import { DEMO_ORG } from "../scripts/seed/demo-people";
import { newAccount, signUp } from "./support/accounts";

/** Headers, the session cookie, the Origin check on server actions and the sign-in lockout, over real HTTP. */

test("every response carries the security headers; no HSTS over plain http", async ({ request }) => {
  for (const url of ["/", "/login", `/o/${DEMO_ORG.slug}`, "/api/auth/csrf", "/favicon.ico"]) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"])
      expect(csp, url).toContain(directive);
    expect(csp, url).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], url).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax (and not Secure over http)", async ({ page }) => {
  await signUp(page, newAccount("Cookie"));
  const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("a server action with a foreign or missing Origin is refused before it runs; the app's own origin passes", async ({ page, baseURL }) => {
  const account = newAccount("Origin");
  await signUp(page, account);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  // The settings page's own action, sent as the browser sends it: rename the organisation.
  const settings = actionId("lib/organisations/actions.ts", "updateOrganisationSettings");
  const rename = (name: string, headers: Record<string, string>) =>
    page.request.post(`/o/${slug}/settings`, {
      headers: { accept: "text/x-component", "next-action": settings, "content-type": "text/plain;charset=UTF-8", ...headers },
      data: JSON.stringify([slug, { name, timeZone: "Europe/London", blindMode: true }]),
      maxRedirects: 0,
    });
  for (const headers of [{ origin: "https://evil.example" }, {}, { origin: "null" }] as Record<string, string>[]) {
    const response = await rename("Hijacked", headers);
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.text()).toContain("refused");
  }
  // A plain form post without JavaScript, from another site.
  const form = await page.request.post(`/o/${slug}/settings`, {
    form: { name: "Hijacked" },
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(form.status()).toBe(403);
  await page.goto(`/o/${slug}/settings`);
  await expect(page.getByLabel("Organisation name")).toHaveValue(account.organisationName);

  // The app's own origin: the action runs, answers ok, and the organisation has its new name.
  const own = await rename(`Renamed ${account.organisationName}`, { origin: new URL(baseURL!).origin });
  expect(own.status()).toBe(200);
  expect(actionResult(await own.text())).toMatchObject({ status: "ok", data: { name: `Renamed ${account.organisationName}` } });
  await page.reload();
  await expect(page.getByLabel("Organisation name")).toHaveValue(`Renamed ${account.organisationName}`);
});

test("after repeated failures the right password is refused too, with the same message as a wrong one", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const account = newAccount("Lockout");
  await signUp(page, account);
  await page.context().clearCookies();

  // Ten wrong passwords at once, like an attacker would (each answer is held back, so in parallel).
  const attacker = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await Promise.all(
    Array.from({ length: 10 }, () =>
      attacker.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: "wrong password", json: "true" } }),
    ),
  );
  await attacker.dispose();

  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const wrong = await page.getByRole("alert", { name: "Sign-in error" }).textContent();
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Wait for this answer (the held-back one), not the previous message still on screen.
  await expect(page.getByRole("button", { name: "Signing in…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert", { name: "Sign-in error" })).toHaveText(wrong!);
  expect(wrong).toContain("sign-in pauses for 15 minutes");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: "test-results/screens/sign-in-locked.png" });
});
