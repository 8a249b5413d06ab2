import { expect, test } from "./support/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

test("a member of another organisation gets not-found for every URL of this one", async ({ page }) => {
  await signUp(page, newAccount("Outsider"));
  for (const path of [`/o/${DEMO_ORG.slug}`, `/o/${DEMO_ORG.slug}/settings`, `/o/${DEMO_ORG.slug}/anything`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(DEMO_ORG.name)).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});

test("signed-out visitors are sent to sign in the same way for real and unknown organisations", async ({ page }) => {
  for (const slug of [DEMO_ORG.slug, "no-such-org"]) {
    const response = await page.request.get(`/o/${slug}/settings`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(`/login?next=%2Fo%2F${slug}%2Fsettings`);
  }
});

test("a leader opening admin settings gets forbidden; the org stays reachable", async ({ page }) => {
  await signIn(page, DEMO_TEAMS[0]!.leader.email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Team East" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Team West" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);

  const response = await page.goto(`/o/${DEMO_ORG.slug}/settings`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  await expectNoAxeViolations(page);
});
