import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

const [east] = DEMO_TEAMS;
const lastRep = east!.reps.at(-1)!; // the demo leaves this rep unrated in the current cycle

function averageOf(page: Page, label: RegExp) {
  return page.getByRole("gridcell", { name: label });
}

test("a leader rates a rep with the keyboard only; averages follow; a reload keeps the scores", async ({ page }) => {
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  const grid = page.getByRole("grid", { name: "Leader ratings" });
  await expect(grid).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/grid.png", fullPage: true });

  // One tab stop: Tab lands on the grid's active cell; arrows move from there.
  await page.getByLabel("is scored").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator('[role="grid"] :focus')).toHaveCount(1);
  await page.keyboard.press("Control+Home");
  const rowIndex = east!.reps.map((r) => r.name).sort().indexOf(lastRep.name);
  for (let i = 0; i < rowIndex; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight"); // the self-assessment status
  await page.keyboard.press("ArrowRight"); // the first behaviour
  const first = page.locator('[role="grid"] :focus');
  await expect(first).toHaveAttribute("aria-label", new RegExp(`^${lastRep.name}, .*: not rated$`));
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: no ratings yet$`))).toBeVisible();

  await page.keyboard.press("4");
  await expect(first).toHaveAttribute("aria-label", new RegExp(`^${lastRep.name}, .*: 4$`));
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.0, from 1 rating$`))).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("2");
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 3.0, from 2 ratings$`))).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.0, from 1 rating$`))).toBeVisible();
  await page.keyboard.press("5");
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.5, from 2 ratings$`))).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toHaveText(/Saved: .*: 5\./);

  await page.reload();
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.5, from 2 ratings$`))).toBeVisible();
  await expect(page.getByRole("gridcell", { name: new RegExp(`^${lastRep.name}, .*: 4$`) })).toHaveCount(1);
  await expect(page.getByRole("gridcell", { name: new RegExp(`^${lastRep.name}, .*: 5$`) })).toHaveCount(1);
});

test("a rep cannot open the grid", async ({ page }) => {
  await signIn(page, east!.reps[0]!.email, DEMO_PASSWORD);
  const response = await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  expect(response?.status()).toBe(403);
});
