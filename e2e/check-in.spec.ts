import { expect, test } from "./support/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { formatDay } from "../lib/format";
import { addDays, todayIn } from "../lib/dates";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";

const org = `/o/${DEMO_ORG.slug}`;
const [east] = DEMO_TEAMS;
const SHOTS = "test-results/screens";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The raw HTML a browser receives for a page (markup and the server-component payload inlined in it). */
async function sourceOf(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status()).toBe(200);
  return response.text();
}

/** The sentinels found in a page's source. */
const probe = (source: string, sentinels: string[]) => sentinels.filter((s) => source.includes(s));

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page draws the sticky header mid-page
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("a leader sends a check-in link; the counterpart answers on a phone without an account; the leader sees both views", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // two browsers, a dozen pages and full-page shots: about 30 s alone, twice that on a busy machine
  const tag = crypto.randomUUID().slice(0, 6);
  const counterpart = `Quill Sentinel ${tag}`;
  const sentinelTitle = `Sentinel title ${tag}`;
  const sentinelStep = `Sentinel next step ${tag}`;
  const today = todayIn(DEMO_ORG.timeZone);

  // Marcus starts a relationship whose names are sentinels, and logs a call and a lunch: his own line.
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`${org}/relationships`);
  await page.getByRole("button", { name: "New relationship" }).click();
  const dialog = page.getByRole("dialog", { name: "New relationship" });
  await dialog.getByLabel("Department").selectOption({ label: "Operations" });
  await dialog.getByLabel("Counterpart's name").fill(counterpart);
  await dialog.getByLabel("Their title").fill(sentinelTitle);
  await dialog.getByLabel("Trust (1-5)").selectOption("4");
  await dialog.getByLabel("Next step").fill(sentinelStep);
  await dialog.getByRole("button", { name: "Add relationship" }).click();
  await expect(page.getByRole("heading", { level: 1, name: counterpart })).toBeVisible();
  const detailUrl = page.url();
  const log = page.getByRole("dialog", { name: `Log an interaction with ${counterpart}` });
  for (const [kind, on, trust] of [
    ["call", addDays(today, -10), "3"],
    ["lunch", today, "4"],
  ] as const) {
    await page.getByRole("button", { name: "Log an interaction" }).click();
    await log.getByLabel("Kind").selectOption(kind);
    await log.getByLabel("Date").fill(on);
    await log.getByLabel("Trust after (1-5)").selectOption(trust);
    await log.getByRole("button", { name: "Log interaction" }).click();
    await expect(log).toBeHidden();
  }

  // The link is shown once, with a copy button; the list says it is waiting.
  const links = page.getByRole("list", { name: "Check-in links" });
  await expect(page.getByText(`No links yet. Send ${counterpart} one`)).toBeVisible();
  await page.getByRole("button", { name: "Create a check-in link" }).click();
  const shown = page.getByRole("dialog", { name: "Your check-in link" });
  const link = await shown.getByLabel("Check-in link").inputValue();
  expect(link).toMatch(new RegExp(`/o/${DEMO_ORG.slug}/check-in/[A-Za-z0-9_-]{43}$`));
  await expect(shown.getByRole("button", { name: "Copy link" })).toBeVisible();
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(links.getByRole("listitem")).toHaveCount(1);
  await expect(links).toContainText("Waiting");

  // The probe finds the organisation's other names on a leader's pages...
  const sentinels = [
    counterpart,
    sentinelTitle,
    sentinelStep,
    "Gail Porter",
    "Hector Ruiz",
    east!.name,
    east!.reps[0]!.name,
    east!.reps[4]!.name,
    "Operations",
  ];
  const leaderSources = await Promise.all(
    [detailUrl, `${org}/relationships`, `${org}/grid`, `${org}/teams`].map((url) => sourceOf(page.request, url)),
  );
  expect(sentinels.filter((s) => !leaderSources.some((source) => source.includes(s)))).toEqual([]);

  // ...and none of them on the check-in page, opened on a phone with no session at all.
  const phone = await browser.newContext(PHONE);
  const them = await phone.newPage();
  expect(await phone.cookies()).toEqual([]);
  const checkInSource = await sourceOf(phone.request, link);
  expect(probe(checkInSource, sentinels)).toEqual([]);
  expect(checkInSource).toContain(east!.leader.name);
  expect(checkInSource).toContain(DEMO_ORG.name);

  await them.goto(link);
  await expect(them.getByRole("heading", { level: 1, name: `A quick check-in from ${east!.leader.name}` })).toBeVisible();
  await expect(them.getByText(DEMO_ORG.name).first()).toBeVisible();
  await expect(them.getByRole("region", { name: "Who reads your answers" })).toContainText(
    `${east!.leader.name} and the admins of ${DEMO_ORG.name} read your answers; nobody else there sees them.`,
  );
  await expect(them.getByRole("navigation")).toHaveCount(0);
  await expect(them.getByRole("link")).toHaveCount(0);
  expect(await them.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(them);
  await shoot(them, "check-in-phone");

  // A missing trust level is refused next to the field; what was typed stays.
  const crazy = "Reps promise ship dates before asking us.";
  await them.getByLabel("What does sales do that makes you crazy?").fill(crazy);
  await them.getByLabel("What would help most?").fill("Ask before promising.");
  await them.getByRole("button", { name: "Send my answers" }).click();
  await expect(them.getByText("Choose a trust level from 1 to 5.")).toBeVisible();
  // Screen readers hear the refusal with the choice itself, not only as a stray paragraph.
  await expect(them.getByRole("group", { name: "How much do you trust our sales team today?" })).toHaveAccessibleDescription(
    /1 · not at all\s*5 · completely\s*Choose a trust level from 1 to 5\./,
  );
  await expect(them.getByLabel("What does sales do that makes you crazy?")).toHaveValue(crazy);
  await them.getByText("2", { exact: true }).tap();
  await them.getByLabel("Your name (optional)").fill("Quinn");
  await them.getByRole("button", { name: "Send my answers" }).click();
  await expect(them.getByRole("status", { name: "Answer sent" })).toContainText(`${east!.leader.name} has your answers.`);
  // The thank-you takes the form's place, invitation included: no "three questions" left above it.
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  await expect(them.getByText("Three questions, two minutes.")).toHaveCount(0);
  await expectNoAxeViolations(them);
  await shoot(them, "check-in-phone-thanks");

  // The link is used: it says so and takes nothing more. An unknown link says it is not valid.
  await them.reload();
  await expect(them.getByRole("heading", { level: 1, name: "This check-in has been answered" })).toBeVisible();
  await them.goto(`${org}/check-in/not-a-real-token`);
  await expect(them.getByRole("heading", { level: 1, name: "This check-in link is not valid" })).toBeVisible();
  await expectNoAxeViolations(them);

  // Marcus sees both views: his line and her point, the numbers as tables too, and her answer in the timeline.
  await page.reload();
  await expect(links).toContainText("Answered");
  const answer = page.getByRole("article", { name: `Check-in answer on ${formatDay(today)}` });
  await expect(answer).toContainText("Their trust: 2 / 5");
  await expect(answer).toContainText("Answered by Quinn");
  await expect(answer).toContainText(crazy);
  await expect(page.getByRole("article", { name: `Lunch on ${formatDay(today)}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Trust after each interaction" }).getByRole("row").nth(2)).toContainText(/Lunch\s*4/);
  await expect(
    page
      .getByRole("table", { name: `${counterpart}'s trust in each check-in` })
      .getByRole("row")
      .nth(1),
  ).toContainText(/Check-in answer\s*2/);
  await expect(page.locator(".recharts-line-curve")).toHaveCount(1);
  await expect(page.locator(".recharts-scatter-symbol")).toHaveCount(1);
  // Pointing at her answer names both views of that day, each by what it is.
  await page.locator(".recharts-scatter-symbol").hover();
  await expect(page.locator(".recharts-tooltip-wrapper")).toContainText(`Check-in answer · ${counterpart}'s view: 2 of 5`);
  await expect(page.locator(".recharts-tooltip-wrapper")).toContainText("Lunch · Your view: 4 of 5");

  // Her friction point becomes a small action.
  await answer.getByRole("button", { name: "Turn into an action" }).first().click();
  const turn = page.getByRole("dialog", { name: "Turn this into a small action" });
  await expect(turn.getByLabel("Action")).toHaveValue(crazy);
  await turn.getByLabel("Action").fill("Check ship dates with operations before promising");
  await turn.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Small action added.")).toBeVisible();
  await expect(answer).toContainText("1 small action came from this.");
  await expectNoAxeViolations(page);
  await shoot(page, "relationship-both-views");

  // A second link, revoked after confirmation: its page says so and stores nothing.
  await page.getByRole("button", { name: "Create a check-in link" }).click();
  const second = await page.getByRole("dialog", { name: "Your check-in link" }).getByLabel("Check-in link").inputValue();
  await page.getByRole("dialog", { name: "Your check-in link" }).getByRole("button", { name: "Done" }).click();
  await links.getByRole("button", { name: /^Revoke the check-in link/ }).click();
  await page.getByRole("alertdialog", { name: "Revoke this check-in link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("Check-in link revoked.")).toBeVisible();
  await expect(links.getByText("Revoked", { exact: true })).toBeVisible();
  await them.goto(second);
  await expect(them.getByRole("heading", { level: 1, name: "This check-in link was withdrawn" })).toBeVisible();
  await expect(them.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  await phone.close();

  // The demo: Gail Porter answered one check-in and has one waiting; the page's query count does not grow with it.
  await page.goto(`${org}/relationships`);
  await page.getByRole("link", { name: "Gail Porter" }).click();
  await expect(links.getByText("Answered", { exact: true })).toBeVisible();
  await expect(links.getByText("Waiting", { exact: true })).toBeVisible();
  await expect(page.getByRole("article", { name: /^Check-in answer on / })).toContainText("Their trust: 2 / 5");
  await expectNoAxeViolations(page);
  await shoot(page, "relationship-both-views-demo");
  const gail = await countPageQueries(page, page.url());
  const mine = await countPageQueries(page, detailUrl);
  expect(gail.status).toBe(200);
  expect(gail.queries).toBeGreaterThan(0);
  expect(mine.queries).toBe(gail.queries);
});
