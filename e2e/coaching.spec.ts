import fs from "node:fs";
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";
import { sources } from "./support/sources";

const base = `/o/${DEMO_ORG.slug}`;
const west = DEMO_TEAMS[1]!;
const SHOTS = process.env.COACHING_SHOTS ?? "test-results/screens";

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays at the top of a full-page picture
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("a leader turns the queue's top item into a plan and writes notes; the rep sees the plan and the shared note only", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = crypto.randomUUID();
  const privateSentinel = `PRIVATE-${tag}`;
  const sharedSentinel = `SHARED-${tag}`;

  // The leader opens the coaching queue.
  const leaderContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const coach = await leaderContext.newPage();
  await signIn(coach, west.leader.email, DEMO_PASSWORD);
  await coach.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Coaching", exact: true }).click();
  await expect(coach.getByRole("heading", { level: 1, name: "Coaching queue" })).toBeVisible();
  await expectNoAxeViolations(coach);
  await shot(coach, "queue-leader");
  // Every label is in the leader's queue (each rep's first items show; the rest unfold).
  const queue = coach.getByRole("list", { name: "Reps in coaching order" });
  for (const more of await queue.locator("summary").all()) await more.click();
  for (const label of ["Blind spot", "Hidden strength", "Agreed weakness", "Agreed strength", "Aligned"]) {
    await expect(queue.getByText(label, { exact: true }).first()).toBeVisible();
  }

  // Its top item becomes a plan.
  const topRep = coach.getByTestId("queue-rep").first();
  const repLink = topRep.getByRole("link").first();
  const repName = (await repLink.textContent())!.trim();
  const rep = west.reps.find((r) => r.name === repName)!;
  expect(rep, `top rep ${repName} is a West rep`).toBeTruthy();
  // The rep's page before the plan and the notes below: its queries must not grow with them.
  const before = await countPageQueries(coach, (await repLink.getAttribute("href"))!);
  expect(before.status).toBe(200);
  expect(before.queries).toBeGreaterThan(0);
  const topItem = topRep.getByTestId("queue-item").first();
  await topItem.getByRole("button", { name: /^Make a plan: / }).click();
  const dialog = coach.getByRole("dialog");
  const behaviour = (await dialog.getByRole("heading").textContent())!.replace(`Plan: ${repName} · `, "").trim();
  const firstAction = `Role-play the first two minutes of a call (${tag.slice(0, 8)})`;
  await dialog.getByLabel("Actions, one per line").fill(`${firstAction}\nShadow a colleague on a discovery call`);
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(dialog).toBeHidden();
  await expect(coach.getByText(`Coaching plan created for ${repName}.`)).toBeVisible();

  // On the rep's coaching page: the plan, then a shared and a private note.
  await repLink.click();
  await expect(coach.getByRole("heading", { level: 1, name: repName })).toBeVisible();
  const plan = coach.getByRole("article", { name: `Plan: ${behaviour}` }).filter({ hasText: firstAction });
  await expect(plan).toContainText("Shadow a colleague on a discovery call");
  const repUrl = new URL(coach.url()).pathname;

  const form = coach.getByRole("form", { name: "New 1:1 note" });
  await form.getByLabel("Note").fill(`We agreed on the plan. ${sharedSentinel}`);
  await form.getByRole("checkbox", { name: new RegExp(`Share with ${repName}`) }).check();
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(coach.getByText(`Note saved and shared with ${repName}.`)).toBeVisible();
  await form.getByLabel("Note").fill(`Only for me: ${privateSentinel}`);
  await expect(form.getByRole("checkbox", { name: new RegExp(`Share with ${repName}`) })).not.toBeChecked();
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(coach.getByText("Private note saved.")).toBeVisible();
  await expect(coach.getByText(privateSentinel)).toBeVisible();
  await expectNoAxeViolations(coach);
  await shot(coach, "rep-coaching-leader");

  // The probe finds the private note on its author's page (so it would find it anywhere).
  const authorSources = await sources(coach, repUrl);
  for (const [source, text] of Object.entries(authorSources)) {
    expect(text.includes(privateSentinel), `author's ${source}`).toBe(true);
    expect(text.includes(sharedSentinel), `author's ${source}`).toBe(true);
  }
  // A constant number of queries: one more plan and two more notes, the same count (tests/integration/coaching.test.ts
  // checks the same at two sizes).
  expect(await countPageQueries(coach, repUrl)).toEqual(before);

  // The rep, on a phone: "My coaching" shows the plan and the shared note, and nothing of the private one.
  const repContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await repContext.newPage();
  await signIn(phone, rep.email, DEMO_PASSWORD);
  await phone.goto(base);
  const nav = phone.getByRole("navigation", { name: "Organisation" });
  await nav.getByRole("button", { name: "Menu" }).click(); // on a phone the sections are behind a menu
  await nav.getByRole("link", { name: "My coaching" }).click();
  await expect(phone.getByRole("heading", { level: 1, name: "My coaching" })).toBeVisible();
  expect(new URL(phone.url()).pathname).toBe(repUrl);
  const myPlan = phone.getByRole("article", { name: `Plan: ${behaviour}` }).filter({ hasText: firstAction });
  await expect(myPlan).toContainText("Shadow a colleague on a discovery call");
  await expect(phone.getByText(sharedSentinel)).toBeVisible();
  await myPlan.getByRole("checkbox", { name: firstAction }).check();
  await expect(phone.getByText("Action done.")).toBeVisible();
  await expect(myPlan.getByRole("checkbox", { name: firstAction })).toBeChecked();
  expect(await phone.evaluate(() => document.querySelector("main")!.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(phone);
  await shot(phone, "my-coaching-phone");

  for (const [source, text] of Object.entries(await sources(phone, repUrl))) {
    expect(text.includes(sharedSentinel), `rep's ${source}`).toBe(true);
    expect(text.includes(privateSentinel), `rep's ${source}`).toBe(false);
  }
  // The queue is the coaches': a rep gets 403.
  expect((await countPageQueries(phone, `${base}/coaching`)).status).toBe(403);

  await leaderContext.close();
  await repContext.close();
});

test("an admin sees every team, the organisation roll-up and the coaching settings; not the leaders' private notes", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`${base}/coaching`);
  await expect(page.getByRole("heading", { level: 2, name: "Across the organisation" })).toBeVisible();
  await expect(page.getByText("Training topic").first()).toBeVisible();
  // The spread's ends are named: the lowest and highest team of each behaviour.
  const organisation = page.getByRole("table", { name: /^Organisation: behaviours/ });
  await expect(organisation.getByText(new RegExp(`^(${DEMO_TEAMS.map((t) => t.name).join("|")})$`)).first()).toBeVisible();
  await expect(page.getByText("1:1 overdue").first()).toBeVisible();
  // Every team's reps (10) or one team's (5): the same queries.
  const { status, queries } = await countPageQueries(page, `${base}/coaching`);
  expect(status).toBe(200);
  expect(queries).toBeGreaterThan(0);
  const east = await page.getByRole("combobox", { name: "Team" }).locator("option", { hasText: DEMO_TEAMS[0]!.name }).getAttribute("value");
  expect(await countPageQueries(page, `${base}/coaching?team=${east}`)).toEqual({ status: 200, queries });
  // The plan buttons get the rep's id and name, not the loader's whole rep (every item, sent again per button).
  const rsc = await (await page.request.get(`${base}/coaching`, { headers: { RSC: "1" } })).text();
  expect(rsc).toContain("Make a plan");
  expect(rsc).not.toContain('"more":[');
  await expectNoAxeViolations(page);
  await shot(page, "queue-admin");

  // A rep's page as the admin: shared notes, no private ones (the demo's Sam has one of each from Marcus).
  const sam = DEMO_TEAMS[0]!.reps[2]!;
  await page.getByRole("link", { name: sam.name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: sam.name })).toBeVisible();
  await expect(page.getByText("state the price, then stop talking")).toBeVisible();
  await expect(page.getByText("undersells on price")).toHaveCount(0);
  expect(await page.content()).not.toContain("undersells on price");

  await page.goto(`${base}/settings`);
  const settings = page.getByRole("form", { name: "Coaching settings" });
  await settings.getByLabel("1:1 cadence (days)").fill("0");
  await settings.getByRole("button", { name: "Save coaching settings" }).click();
  await expect(settings.getByText("Choose a cadence from 1 to 365 days.")).toBeVisible();
  await expect(settings.getByLabel("1:1 cadence (days)")).toHaveValue("0");
  await settings.getByLabel("1:1 cadence (days)").fill("14");
  await settings.getByRole("button", { name: "Save coaching settings" }).click();
  await expect(page.getByText("Coaching settings saved.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator("#coaching").screenshot({ path: `${SHOTS}/settings-coaching.png` });
});

test("a leader labels the queue by the gap relative to each rep's tendency: the lenient rep's blind spots go, his tendency is said once", async ({
  page,
}) => {
  const east = DEMO_TEAMS[0]!;
  const sam = east.reps[2]!;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, east.leader.email, DEMO_PASSWORD);
  await page.goto(`${base}/coaching`);
  const switcher = page.getByRole("navigation", { name: "Label gaps by" });
  await expect(switcher.getByRole("link", { name: "Raw gap" })).toHaveAttribute("aria-current", "page");
  const card = page.getByTestId("queue-rep").filter({ has: page.getByRole("link", { name: sam.name }) });
  await expect(card.getByTestId("rep-tendency")).toContainText(
    /Rates themself \d\.\d higher than you overall \(over \d+ behaviours rated by both\)\./,
  );
  await expect(card.getByTestId("rep-tendency")).toContainText(
    /agree on what is strong and weak \(rank correlation -?\d\.\d\d over \d+ behaviours\)\./,
  );
  await expect(card.getByText("Blind spot").first()).toBeVisible();
  await expect(card.getByText(/· relative /)).toHaveCount(0);

  await switcher.getByRole("link", { name: "Relative to the rep's tendency" }).click();
  await expect(page).toHaveURL(/[?&]gaps=relative/);
  await expect(switcher.getByRole("link", { name: "Relative to the rep's tendency" })).toHaveAttribute("aria-current", "page");
  await expect(card.getByText("Blind spot")).toHaveCount(0);
  await expect(card.getByText(/· relative [+\u2212]?\d\.\d/).first()).toBeVisible();
  await expect(card.getByTestId("rep-tendency")).toContainText("higher than you overall");
  await expect(page.getByText(/^Beyond how they rate themself overall, the rep rates this at least \d points higher/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "queue-relative");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "queue-relative-phone");

  // His baseline says the same beside the raw gaps.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/coaching`);
  await card.getByRole("link", { name: sam.name }).click();
  await page.getByRole("link", { name: "Baseline", exact: true }).click();
  await expect(page.getByTestId("overall-gaps")).toContainText(/Rates themself \d\.\d higher than you overall/);
  await shot(page, "baseline-overall");
});

test("an admin sees how each leader rates and downloads the same figures; a leader sees only their own", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`${base}/coaching`);
  await page.getByRole("link", { name: "How leaders rate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How leaders rate" })).toBeVisible();
  const leaders = DEMO_TEAMS.map((t) => t.leader.name).sort();
  const rows = page.getByTestId("rater-row");
  await expect(rows).toHaveCount(2);
  expect((await rows.locator("td:first-child").allInnerTexts()).map((t) => t.trim().split("\n")[0])).toEqual(leaders);
  await expect(page.getByRole("img", { name: /^Scores: \d+ × 1, \d+ × 2, \d+ × 3, \d+ × 4, \d+ × 5$/ }).first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = fs.readFileSync(await (await download).path(), "utf8");
  expect(file.startsWith("\uFEFFRater,Behaviour,Ratings,Mean")).toBe(true);
  // The page's count for the first rater is the file's.
  const firstCount = (await rows.first().locator("td").nth(1).innerText()).trim();
  expect(file).toContain(`${leaders[0]},All behaviours,${firstCount},`);
  await expectNoAxeViolations(page);
  await shot(page, "calibration-admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "calibration-admin-phone");

  // A leader: their own row only; the other leader's name appears nowhere in what is sent.
  const east = DEMO_TEAMS[0]!;
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, east.leader.email, DEMO_PASSWORD);
  await page.goto(`${base}/calibration`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(east.leader.name);
  expect(await page.content()).not.toContain(DEMO_TEAMS[1]!.leader.name);
});
