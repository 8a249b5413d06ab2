import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { crawl } from "./support/crawl";
import { expect, test } from "./support/test";

const base = `/o/${DEMO_ORG.slug}`;
const [east, west] = DEMO_TEAMS as [(typeof DEMO_TEAMS)[0], (typeof DEMO_TEAMS)[1]];
const avery = east.reps[0]!;
const SHOTS = process.env.CALIBRATION_SHOTS ?? "test-results/screens";

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signedIn(browser: Browser, email: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test("an admin starts a round, a second rater rates blind, the rep sees none of it, and the agreement page flags the ambiguous behaviour", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const note = `SECOND-NOTE-${crypto.randomUUID()}`;

  // The admin starts a round from "How leaders rate": the proposal, edited so that Avery is sampled.
  const admin = await signedIn(browser, DEMO_ADMIN.email);
  await admin.goto(`${base}/calibration`);
  await admin.getByRole("link", { name: "Start a calibration round" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "New calibration round" })).toBeVisible();
  await admin.getByLabel("Reps per team").fill("3");
  await admin.getByRole("button", { name: "Draw the sample" }).click();
  await expect(admin.getByText("3 of 5 reps drawn at random")).toHaveCount(2);
  // The proposed second raters are the other team's leaders, never the team's own.
  await expect(admin.getByLabel(`Second rater for ${east.name}`)).toHaveValue(/.+/);
  const eastRaters = await admin.getByLabel(`Second rater for ${east.name}`).locator("option").allTextContents();
  expect(eastRaters.some((o) => o.startsWith(east.leader.name))).toBe(false);
  expect(eastRaters.some((o) => o.startsWith(west.leader.name))).toBe(true);
  await admin.getByLabel(`Second rater for ${east.name}`).selectOption({ label: `${west.leader.name} (leader)` });
  await admin.getByRole("checkbox", { name: avery.name }).check();
  await expectNoAxeViolations(admin);
  await shot(admin, "calibration-round-new-1280");
  await admin.setViewportSize({ width: 390, height: 844 });
  await shot(admin, "calibration-round-new-390");
  await admin.setViewportSize({ width: 1280, height: 900 });
  await admin.getByRole("button", { name: "Start the round" }).click();
  await admin.waitForURL(/\/calibration\/rounds\/[0-9a-f-]{36}$/);
  const roundUrl = new URL(admin.url()).pathname;
  const roundId = roundUrl.split("/").pop()!;
  await expect(admin.getByRole("heading", { level: 1, name: /Calibration round: Q4 2026/ })).toBeVisible();
  const progress = admin.getByRole("table", { name: "Each sampled rep's ratings so far" });
  await expect(progress.getByRole("row", { name: new RegExp(avery.name) })).toContainText(west.leader.name);
  await expect(admin.getByTestId("overall-agreement")).toContainText("0 reps rated twice so far");

  // The second rater finds the round on "How leaders rate" and rates Avery; no first rating shows before saving.
  const rater = await signedIn(browser, west.leader.email);
  await rater.goto(`${base}/calibration`);
  await rater.getByRole("link", { name: /^Q4 2026: round started/ }).click();
  await rater.waitForURL(new RegExp(`${roundUrl}$`));
  const form = rater.getByRole("form", { name: `Second ratings of ${avery.name}` });
  await expect(form).toBeVisible();
  await expect(rater.getByTestId("first-rating")).toHaveCount(0);
  // Keyboard: each group takes its score from the arrow keys.
  const groups = form.getByRole("radiogroup");
  const count = await groups.count();
  expect(count).toBe(10);
  for (let i = 0; i < count; i += 1)
    await groups
      .nth(i)
      .getByRole("radio", { name: String((i % 5) + 1) })
      .check();
  await form.getByRole("textbox").first().fill(note);
  await expectNoAxeViolations(rater);
  await shot(rater, "calibration-round-rater-1280");
  await form.getByRole("button", { name: `Save ratings of ${avery.name}` }).click();
  // Both ratings in: each behaviour the leader rated shows the two side by side.
  await expect(form.getByTestId("first-rating")).toHaveCount(10);
  await expect(form.getByTestId("first-rating").first()).toContainText("The rep's leader gave");
  await rater.setViewportSize({ width: 390, height: 844 });
  await shot(rater, "calibration-round-rater-390");
  // Avery's own leader rates the other team in this round: they see those reps only, nothing of Avery's second rating.
  const firstRater = await signedIn(browser, east.leader.email);
  expect((await firstRater.goto(roundUrl))!.status()).toBe(200);
  await expect(
    firstRater.getByRole("form", { name: `Second ratings of ${west.reps[0]!.name}` }).or(firstRater.getByRole("form").first()),
  ).toBeVisible();
  await expect(firstRater.getByRole("form", { name: `Second ratings of ${avery.name}` })).toHaveCount(0);
  expect(await firstRater.content()).not.toContain(note);

  // The rep: refused the calibration pages, and nothing of the round in any page they can reach.
  const rep = await signedIn(browser, avery.email);
  for (const url of [`${base}/calibration`, roundUrl, `${base}/calibration/rounds/new`]) expect((await rep.goto(url))!.status(), url).toBe(403);
  const visited = await crawl(rep, base, base, async (url) => {
    const html = await rep.content();
    expect(html, url).not.toContain(note);
    expect(html, url).not.toContain(roundId);
    expect(html, url).not.toContain("Calibration round");
  });
  expect(visited.length).toBeGreaterThan(2);

  // The admin sees progress, then the demo's finished round in the closed cycle: one behaviour read differently.
  await admin.reload();
  await expect(progress.getByRole("row", { name: new RegExp(avery.name) })).toContainText("10 of 10");
  await admin.goto(`${base}/calibration`);
  await expect(admin.getByRole("heading", { name: "Calibration rounds" })).toBeVisible();
  await shot(admin, "calibration-rounds-list-1280");
  await admin.getByRole("link", { name: /^Q3 2026: round started/ }).click();
  await expect(admin.getByTestId("overall-agreement")).toContainText("over 10 reps rated twice");
  const flag = admin.getByRole("region", { name: "Building relationships: the 1/3/5 anchors may be read differently" });
  await expect(flag).toBeVisible();
  await expect(flag.getByRole("link", { name: "Edit Building relationships" })).toHaveAttribute("href", /\/framework#behaviour-/);
  await expect(flag.getByRole("table")).toContainText("Keeps in touch with every account");
  await expect(admin.getByText("The 1/3/5 anchors may be read differently", { exact: true })).toHaveCount(1);
  // And the lenient leader: her scores sit above the second rater's on the same reps; no one else is marked.
  const raters = admin.getByRole("table", { name: /Each rater's scores against the other rating/ });
  await expect(raters.getByRole("row", { name: new RegExp(west.leader.name) })).toContainText("Rates higher");
  await expect(raters.getByText(/^Rates (higher|lower)$/)).toHaveCount(1);
  await expectNoAxeViolations(admin);
  await shot(admin, "calibration-round-agreement-1280");
  await admin.setViewportSize({ width: 390, height: 844 });
  await shot(admin, "calibration-round-agreement-390");
});

test("How leaders rate marks the demo's lenient leader in the closed cycle, and no one in the open one", async ({ browser }) => {
  const admin = await signedIn(browser, DEMO_ADMIN.email);
  await admin.goto(`${base}/calibration`);
  const overall = admin.getByRole("table").first();
  await expect(overall.getByText(/^Rates (higher|lower) than other leaders$/)).toHaveCount(0);
  await admin.getByLabel("Cycle").selectOption({ label: "Q3 2026" });
  await admin.getByRole("button", { name: "Show" }).click();
  await expect(admin.getByRole("heading", { name: "Q3 2026: leader ratings" })).toBeVisible();
  await expect(overall.getByRole("row", { name: new RegExp(west.leader.name) })).toContainText("Rates higher than other leaders");
  // With two leaders, the other is the mirror image: the round above settles which scale differs.
  await expect(overall.getByRole("row", { name: new RegExp(east.leader.name) })).toContainText("Rates lower than other leaders");
});
