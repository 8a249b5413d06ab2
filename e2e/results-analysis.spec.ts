import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { DEMO_RESULTS } from "../scripts/seed/demo-results-names";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { expect, test } from "./support/test";

const base = `/o/${DEMO_ORG.slug}`;
const SHOTS = "test-results/screens";

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The row of a behaviour in a measure's table. */
const row = (page: Page, measure: string, behaviour: string) =>
  page.getByRole("table", { name: `Behaviours and ${measure}` }).getByRole("row", { name: new RegExp(`^${behaviour}`) });

test("an admin sees which behaviour goes with attainment, which has no clear relation yet, and whether coaching moved the behaviour", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`${base}/results/analysis`);
  await expect(page.getByRole("heading", { level: 1, name: "What predicts results" })).toBeVisible();
  await expect(page.getByText(/association across reps, not proof that a behaviour causes results; small teams give wide intervals/)).toBeVisible();

  // The strongest relation first: Qualifying and discovery, pooled over Q1 to Q4 (Q4 alone has 8 rated reps).
  const table = page.getByRole("table", { name: `Behaviours and ${DEMO_RESULTS.attainment}` });
  await expect(table.getByRole("rowheader").first()).toHaveText(DEMO_RESULTS.drivesAttainment);
  const drives = row(page, DEMO_RESULTS.attainment, DEMO_RESULTS.drivesAttainment);
  await expect(drives.getByRole("cell").nth(0)).toContainText("Not enough reps yet (8 of 10)");
  await expect(drives.getByRole("cell").nth(1)).toContainText("Goes with better results");
  await expect(drives.getByRole("cell").nth(1)).toContainText(/ρ 0\.\d\d, 95% CI 0\.\d\d to 0\.\d\d, 38 observations of 10 reps/);
  await expect(row(page, DEMO_RESULTS.attainment, "Prospecting").getByRole("cell").nth(1)).toContainText("No clear relation yet");

  // Coaching: the Q1 plans on the two coached behaviours show a figure; a behaviour with one plan does not.
  const perBehaviour = page.getByRole("table", { name: "Per behaviour" });
  for (const name of DEMO_RESULTS.coached)
    await expect(perBehaviour.getByRole("row", { name: new RegExp(`^${name}`) })).toContainText(/points? more with a plan/);
  await expect(
    page.getByRole("table", { name: "Per leader" }).getByRole("row", { name: new RegExp(`^${DEMO_TEAMS[0]!.leader.name}`) }),
  ).toContainText(/with a plan/);
  await expectNoAxeViolations(page);
  await shot(page, "results-analysis");

  // Q3: every rep rated, so the single cycle has its figure too.
  await page.getByLabel("Cycle").selectOption({ label: "Q3 2026" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/cycle=/);
  await expect(row(page, DEMO_RESULTS.attainment, DEMO_RESULTS.drivesAttainment).getByRole("cell").nth(0)).toContainText("Goes with better results");

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "results-analysis-390");
  expect(await scrollsSideways(page), "the analysis page scrolls sideways at 390 px").toBe(false);

  // The framework page: each behaviour's relation to the main measure, beside its name.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/framework`);
  const card = page.getByRole("article", { name: new RegExp(DEMO_RESULTS.drivesAttainment) });
  await expect(card.getByTestId("behaviour-relation")).toContainText("Quota attainment (Q3 2026): goes with better results");
  await expect(card.getByTestId("behaviour-relation")).toContainText(/ρ 0\.\d\d, 95% CI/);
  await expect(page.getByRole("article", { name: /Prospecting/ }).getByTestId("behaviour-relation")).toContainText("no clear relation yet");
  await expect(page.getByRole("link", { name: "What predicts results" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "framework-relations");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "framework-relations-390");
  expect(await scrollsSideways(page), "the framework page scrolls sideways at 390 px").toBe(false);
});

test("a leader sees their own teams' reps; a rep may not open the page", async ({ page, browser }) => {
  const east = DEMO_TEAMS[0]!;
  await signIn(page, east.leader.email, DEMO_PASSWORD);
  await page.goto(`${base}/results/analysis`);
  await expect(page.getByText(/across the reps of the teams you lead/)).toBeVisible();
  // Five reps: below the ten a figure needs, in every cycle and pooled.
  await expect(row(page, DEMO_RESULTS.attainment, DEMO_RESULTS.drivesAttainment).getByRole("cell").nth(1)).toContainText(
    "Not enough reps yet (5 of 10)",
  );
  // The framework page shows leaders no relation.
  await page.goto(`${base}/framework`);
  await expect(page.getByRole("heading", { level: 1, name: "Behaviour framework" })).toBeVisible();
  await expect(page.getByTestId("behaviour-relation")).toHaveCount(0);

  const context = await browser.newContext();
  const rep = await context.newPage();
  await signIn(rep, east.reps[0]!.email, DEMO_PASSWORD);
  const response = await rep.goto(`${base}/results/analysis`);
  expect(response?.status()).toBe(403);
  await context.close();
});
