import { expect, test } from "./support/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

test("a skip link is the first tab stop and takes the keyboard past the header to the page", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  await expect(page.getByRole("grid")).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The next stop is the page's first control, not the organisation switcher or the navigation.
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);
  await expect(page.getByLabel("Team", { exact: true })).toBeFocused();
});

test("a closed cycle's grid tells screen readers it is read-only, on the grid and on each cell", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  const open = page.getByRole("grid", { name: "Leader ratings" });
  await expect(open).toBeVisible();
  await expect(open).not.toHaveAttribute("aria-readonly");

  const cycle = page.getByLabel("Cycle");
  const closed = await cycle.locator("option", { hasText: "closed" }).first().getAttribute("value");
  await cycle.selectOption(closed!);
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(new RegExp(`cycle=${closed}`));
  const grid = page.getByRole("grid", { name: "Leader ratings" });
  await expect(grid).toHaveAttribute("aria-readonly", "true");
  await expect(grid).toHaveAccessibleDescription("Read-only: this cycle is not open for rating.");
  const cell = grid.getByRole("gridcell", { name: /^[^,]+, [^:]+: [1-5]$/ }).first();
  await expect(cell).toHaveAttribute("aria-readonly", "true");
  await expectNoAxeViolations(page);
});
