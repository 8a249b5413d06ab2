import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

const [east] = DEMO_TEAMS;

/** The scripts a page downloads from now on. */
function scriptsFrom(page: Page): string[] {
  const urls: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") urls.push(response.url());
  });
  return urls;
}

test("the header menus load their code on first intent and work with the keyboard and the mouse", async ({ page }) => {
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  const scripts = scriptsFrom(page);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  await expect(page.getByRole("grid", { name: "Leader ratings" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const firstLoad = scripts.length;

  // Keyboard: focus the organisation switcher (this starts loading its menu), Enter opens it once loaded, with
  // focus inside; Escape closes it and focus is back on the trigger.
  const switcher = page.getByRole("button", { name: `Organisation: ${DEMO_ORG.name}. Switch organisation` });
  await switcher.focus();
  await expect.poll(() => scripts.length, { message: "focusing the trigger loads the menu's code" }).toBeGreaterThan(firstLoad);
  await expect(switcher).toBeFocused();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: new RegExp(DEMO_ORG.name) })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/header-org-menu.png" });
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(switcher).toBeFocused();
  await expectNoAxeViolations(page); // the loaded menu's trigger in place of the plain one

  // Mouse, on a fresh page: a press before the code has arrived opens the menu once it has.
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await expect(page.getByRole("menuitem", { name: "Account settings" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/header-account-menu.png" });
  await page.getByRole("menuitem", { name: "Account settings" }).click();
  await page.waitForURL(/\/account$/);
});
