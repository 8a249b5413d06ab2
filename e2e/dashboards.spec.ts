import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";

const [east, west] = DEMO_TEAMS;
const home = `/o/${DEMO_ORG.slug}`;
/** The demo's current cycle, by position in each team: not started, draft, submitted, shared, submitted. */
const SUBMITTED_PER_TEAM = 3;
/** The demo's leader ratings this cycle: each team's first and third reps complete (scripts/seed/demo-ratings.ts). */
const LEADER_COMPLETE_PER_TEAM = 2;

/** The grid's footer averages of one team, per behaviour then overall, as the grid page shows them. */
async function gridAverages(page: Page, teamName: string) {
  await page.goto(`${home}/grid`);
  const teamPicker = page.getByLabel("Team", { exact: true });
  if (await teamPicker.count()) {
    await teamPicker.selectOption({ label: teamName });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/team=/);
  }
  const cells = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Team average" }) })
    .getByRole("gridcell");
  await expect(cells.first()).toBeAttached();
  return (await cells.allInnerTexts()).slice(1).map((t) => t.trim());
}

test("the admin lands on the organisation dashboard; its heatmap matches the grid's own averages", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  const eastOnGrid = await gridAverages(page, east!.name);

  await page.goto(home);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  const reps = east!.reps.length + west!.reps.length;
  await expect(page.getByRole("definition").filter({ hasText: `${SUBMITTED_PER_TEAM * 2} / ${reps}` })).toBeVisible();
  const participation = page.getByRole("region", { name: /Participation per team/ });
  await expect(participation.getByRole("row", { name: new RegExp(`^${east!.name}`) })).toContainText(`${SUBMITTED_PER_TEAM} of ${east!.reps.length}`);

  const heatmap = page.getByRole("region", { name: /Average leader rating by team and behaviour/ });
  const eastRow = (
    await heatmap
      .getByRole("row", { name: new RegExp(`^${east!.name}`) })
      .getByRole("cell")
      .allInnerTexts()
  ).map((t) => t.trim());
  // The dashboard: overall, change, then one cell per behaviour. The grid: one per behaviour, then overall.
  expect([...eastRow.slice(2), eastRow[0]]).toEqual(eastOnGrid.map((t) => (t === "–" || t === "" ? "–" : t)));
  await expect(page.getByRole("definition").filter({ hasText: `${LEADER_COMPLETE_PER_TEAM * 2} / ${reps}` })).toBeVisible();
  await expect(participation.getByRole("row", { name: new RegExp(`^${east!.name}`) })).toContainText(
    `${LEADER_COMPLETE_PER_TEAM} of ${east!.reps.length}`,
  );
  await expect(page.getByRole("heading", { name: "Training topics" })).toBeVisible();
  // The demo has done every step but one: not every rep has a leader score on every behaviour of the current cycle.
  const checklist = page.locator("section", { has: page.getByRole("heading", { name: /Getting started/ }) });
  await expect(checklist).toContainText("4 of 5 steps done");
  await expect(checklist.getByRole("link", { name: "Open the grid" })).toBeVisible();
  // The training topics are the coaching page's organisation roll-up: its first three rows, same figures.
  const topics = (await page.getByTestId("training-topic").allInnerTexts()).map((t) => t.replace(/\s+/g, " "));
  expect(topics).toHaveLength(3);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/dashboard-admin.png", fullPage: true });

  await page.goto(`${home}/coaching`);
  const rollup = page.getByRole("region", { name: /^Organisation: behaviours, weakest first/ });
  const rows = (await rollup.getByRole("row").all()).slice(1); // below the header
  expect(rows.length).toBeGreaterThanOrEqual(topics.length);
  for (const [i, row] of rows.slice(0, topics.length).entries()) {
    const [name, average, lowest, highest, spread, misSeen] = (await row.getByRole("cell").allInnerTexts()).map((t) => t.trim());
    expect(topics[i]).toContain(`${name} · average ${average}`);
    // The lowest and highest team's cells: the average, the team's name under it; the topic names the same teams.
    const [lowestAverage, lowestTeam] = lowest!.split("\n").map((t) => t.trim());
    const [highestAverage, highestTeam] = highest!.split("\n").map((t) => t.trim());
    expect(topics[i]).toContain(`${lowestTeam} ${lowestAverage} to ${highestTeam} ${highestAverage} (spread ${spread})`);
    expect(topics[i]).toContain(`Mis-seen: ${misSeen} reps`);
  }
});

test("a table's link opened directly lands on that table, below the sticky header", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  // What "Show all N teams" links to; opened from a bookmark or a message, the streamed page must still land there.
  await page.goto(`${home}?heatmap=all#heatmap`);
  const heatmap = page.getByRole("region", { name: /Average leader rating by team and behaviour/ });
  await expect(heatmap).toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // Its heading shows below the header, not under it.
  const heading = page.getByRole("heading", { name: "Teams by behaviour" });
  const headerBottom = await page
    .locator("header")
    .first()
    .evaluate((el) => el.getBoundingClientRect().bottom);
  expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(headerBottom);
});

test("a leader sees their team's figures, the reps who have not submitted, and their relationships", async ({ page }) => {
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  const onGrid = await gridAverages(page, east!.name);

  await page.goto(home);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${east!.leader.name.split(" ")[0]}` })).toBeVisible();
  const team = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: east!.name }) });
  await expect(team.getByRole("definition").first()).toContainText(onGrid.at(-1)!);
  const pending = page.locator("section", { has: page.getByRole("heading", { name: "Pending self-assessments" }) });
  for (const rep of east!.reps.slice(0, 2)) await expect(pending.getByRole("link", { name: rep.name, exact: true })).toBeVisible();
  for (const rep of east!.reps.slice(2)) await expect(pending.getByRole("link", { name: rep.name, exact: true })).toHaveCount(0);
  const reminder = pending.getByRole("link", { name: `Send a reminder to ${east!.reps[0]!.name}` });
  await expect(reminder).toHaveAttribute("href", new RegExp(`^mailto:${encodeURIComponent(east!.reps[0]!.email)}.*self-assessment`));
  await expect(page.getByRole("heading", { name: "Internal relationships" })).toBeVisible();
  await expect(team.getByRole("definition").filter({ hasText: `${LEADER_COMPLETE_PER_TEAM} of ${east!.reps.length}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/dashboard-leader.png", fullPage: true });
});

test("a leader's coaching panels match the coaching queue and the reps' coaching pages", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, east!.leader.email, DEMO_PASSWORD);

  // The top items: at most five, the leader's lowest scores first, each one the rep's own item on their page.
  const items = page.getByTestId("coach-next-item");
  await expect(items.first()).toBeVisible();
  const top = [];
  for (const item of await items.all()) {
    top.push({
      behaviour: (await item.getByTestId("coach-next-behaviour").innerText()).trim(),
      scores: (await item.getByTestId("coach-next-scores").innerText()).trim(),
      text: await item.innerText(),
      href: (await item.getByRole("link").getAttribute("href"))!,
    });
  }
  expect(top.length).toBeGreaterThan(0);
  expect(top.length).toBeLessThanOrEqual(5);
  const leaderScores = top.map((t) => Number(/^Leader (\d)/.exec(t.scores)![1]));
  expect(leaderScores).toEqual([...leaderScores].sort((a, b) => a - b));
  const overdueRepsOnDashboard = await page.getByRole("list", { name: "Reps overdue for a 1:1" }).getByRole("link").allInnerTexts();
  const overdueActions = [];
  for (const item of await page.getByRole("list", { name: "Overdue plan actions" }).getByRole("listitem").all()) {
    const link = item.getByRole("link");
    overdueActions.push({ text: (await link.innerText()).trim(), href: (await link.getAttribute("href"))!, detail: await item.innerText() });
  }
  await expect(page.getByRole("link", { name: "See the whole queue" })).toHaveAttribute("href", `${home}/coaching`);

  for (const item of top) {
    await page.goto(item.href);
    // No demo behaviour's name holds another's, so the name finds the one item.
    const onPage = page.getByTestId("queue-item").filter({ hasText: item.behaviour });
    await expect(onPage).toHaveCount(1);
    await expect(onPage).toContainText(item.scores);
    for (const label of ["Blind spot", "Hidden strength", "Agreed weakness", "Agreed strength", "Aligned"]) {
      expect(item.text.includes(label), `${item.behaviour}: ${label}`).toBe((await onPage.innerText()).includes(label));
    }
  }

  // Reps overdue for a 1:1: the queue's "1:1 overdue" badges (the demo: Avery, a month ago).
  await page.goto(`${home}/coaching`);
  const overdueInQueue = [];
  for (const rep of await page.getByTestId("queue-rep").filter({ hasText: "1:1 overdue" }).all())
    overdueInQueue.push((await rep.getByRole("link").first().innerText()).trim());
  expect([...overdueRepsOnDashboard].sort()).toEqual(overdueInQueue.sort());
  expect(overdueRepsOnDashboard).toEqual([east!.reps[0]!.name]);

  // Overdue plan actions: each is open on the rep's plan, which the rep's coaching page marks overdue.
  expect(overdueActions.length).toBeGreaterThan(0);
  for (const action of overdueActions) {
    await page.goto(action.href);
    const plan = page.getByRole("article").filter({ hasText: action.text });
    await expect(plan.getByText("Overdue", { exact: true })).toBeVisible();
    await expect(plan.getByRole("checkbox", { name: action.text })).not.toBeChecked();
    expect(action.detail).toContain(`plan: ${(await plan.getByRole("heading", { level: 3 }).innerText()).trim()}`);
  }
});

test("a rep sees their self-assessment status with a direct link, and shared results only once shared", async ({ page }) => {
  const notStarted = east!.reps[0]!;
  await signIn(page, notStarted.email, DEMO_PASSWORD);
  await expect(page.getByText("Not started", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Start your self-assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`${home}/self-assessment$`));
  await page.goto(home);
  await expect(page.getByText("Your leader’s ratings appear here once they share your results with you.")).toBeVisible();
  await expect(page.getByRole("region", { name: /self, leader and gap/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a rep whose results are shared sees the leader's scores the leader sees on their baseline", async ({ page, browser }) => {
  const shared = east!.reps[3]!; // shared in the demo
  const leader = await browser.newPage();
  await signIn(leader, east!.leader.email, DEMO_PASSWORD);
  await leader.goto(`${home}/grid`);
  await leader.getByRole("link", { name: shared.name }).first().click();
  await leader.waitForURL(/\/reps\//);
  const leaderSide = await leader.getByTestId("leader-score").allInnerTexts();
  await leader.close();

  await signIn(page, shared.email, DEMO_PASSWORD);
  await expect(page.getByText("Shared", { exact: true })).toBeVisible();
  const table = page.getByRole("region", { name: /self, leader and gap per behaviour/ });
  await expect(table).toBeVisible();
  expect(await table.getByTestId("leader-score").allInnerTexts()).toEqual(leaderSide);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/dashboard-rep.png", fullPage: true });
});

/** The rep's active plans as a page shows them: behaviour, score then, score now, and each action with its state. */
async function plansOn(page: Page, selector: string) {
  const plans = [];
  for (const plan of await page.locator(selector).all()) {
    const figure = async (label: string) =>
      (await plan.getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
    plans.push({
      behaviour: (await plan.getByRole("heading", { level: 3 }).innerText()).trim(),
      then: await figure("Score then"),
      now: await figure("Score now"),
    });
  }
  return plans;
}

test("a rep sees their active plan and shared notes as on their coaching page, and never a private note", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const sam = east!.reps[2]!; // an active plan past due; a shared and a private note (scripts/seed/demo-coaching.ts)
  const privateNote = "Sam undersells on price when the buyer pushes back.";
  const sharedNote = "Walked through the Hartley proposal.";

  // The probe finds the private note in the leader's copy of Sam's coaching page.
  const leader = await browser.newPage();
  await signIn(leader, east!.leader.email, DEMO_PASSWORD);
  await leader.goto(`${home}/coaching`);
  await leader.goto((await leader.getByTestId("queue-rep").getByRole("link", { name: sam.name }).getAttribute("href"))!);
  await expect(leader.getByRole("heading", { level: 1, name: sam.name })).toBeVisible();
  expect(await leader.content()).toContain(privateNote);
  await leader.close();

  await signIn(page, sam.email, DEMO_PASSWORD);
  const plans = await plansOn(page, '[data-testid="dashboard-plan"]');
  expect(plans.length).toBeGreaterThan(0);
  await expect(page.getByRole("list", { name: "Shared 1:1 notes" })).toContainText(sharedNote);
  const html = await (await page.request.get(home)).text();
  const rsc = await (await page.request.get(home, { headers: { RSC: "1" } })).text();
  for (const [source, text] of [
    ["DOM", await page.content()],
    ["HTML", html],
    ["RSC", rsc],
  ] as const) {
    expect(text.includes(sharedNote), `${source} holds the shared note`).toBe(true);
    expect(text.includes(privateNote), `${source} holds the private note`).toBe(false);
  }
  await expectNoAxeViolations(page);

  // Sam's results are not shared yet: the panel says why the plan's scores are missing.
  await expect(page.getByText("Scores appear once your leader shares your results.")).toBeVisible();
  // The same plans and scores (blind mode: "—" until the results are shared) as on "My coaching".
  const actions = await page
    .getByRole("list", { name: /^Actions of the plan / })
    .first()
    .getByRole("listitem")
    .allInnerTexts();
  await page.getByRole("link", { name: "Tick off actions on My coaching" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My coaching" })).toBeVisible();
  const active = page.locator("section", { has: page.getByRole("heading", { name: "Active plans" }) });
  const onCoachingPage = [];
  for (const plan of await active.getByRole("article").all()) {
    const figure = async (label: string) =>
      (await plan.getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]/span[1]").innerText()).trim();
    onCoachingPage.push({
      behaviour: (await plan.getByRole("heading", { level: 3 }).innerText()).trim(),
      then: await figure("Score then"),
      now: await figure("Score now"),
    });
  }
  expect(plans).toEqual(onCoachingPage);
  const labels = await active.getByRole("article").first().locator("label").allInnerTexts();
  expect(actions.map((a) => a.replace(/[✓○]|\((done|to do)\)/g, "").trim())).toEqual(labels.map((l) => l.trim()));
});

test("a rep whose results are shared sees their plan's scores then and now", async ({ page }) => {
  const riley = east!.reps[3]!; // shared this cycle and last; a plan from last cycle
  await signIn(page, riley.email, DEMO_PASSWORD);
  const [plan] = await plansOn(page, '[data-testid="dashboard-plan"]');
  expect(plan!.then).toMatch(/^\d/);
  expect(plan!.now).toMatch(/^\d/);
  // With every score showing, the panel does not say that scores are still to come.
  await expect(page.getByText("Scores appear once your leader shares your results.")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/dashboard-rep-plan.png", fullPage: true });
});

test("a new organisation's admin gets the getting-started checklist", async ({ page }) => {
  await signUp(page, newAccount("Checklist"));
  const checklist = page.locator("section", { has: page.getByRole("heading", { name: /Getting started/ }) });
  await expect(checklist).toContainText("0 of 5 steps done");
  await expect(checklist.getByRole("listitem")).toHaveCount(5);
  await checklist.getByRole("link", { name: "Review the behaviours" }).click();
  await expect(page).toHaveURL(/\/framework$/);
  await page.goBack();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/dashboard-new-organisation.png", fullPage: true });
});

/**
 * Per HTTP request: the session, the membership (the shell and the page share one read) and the organisation
 * switcher, then the dashboard's own reads (vitest pins the same counts for a 40-team organisation): admin +6
 * (cycles, getting started, behaviours, participation, averages, the roll-up), leader +14 (among them the coaching
 * queue's 7 and overdue plan actions), rep +8 (among them assessment states, active plans, shared notes).
 */
const QUERIES = { admin: 11, leader: 19, rep: 13 } as const;
/**
 * The admin's overview is cached per data revision (docs/architecture.md, "Pages that are cached"): a repeat reads only
 * the session, the membership and the organisation scope of the layout's and the page's transactions (docs/rls.md).
 */
const ADMIN_REPEAT = 5;

test("each dashboard loads in a fixed number of queries", async ({ page }) => {
  for (const [role, email] of [
    ["admin", DEMO_ADMIN.email],
    ["leader", east!.leader.email],
    ["rep", east!.reps[0]!.email],
  ] as const) {
    await signIn(page, email, DEMO_PASSWORD);
    if (role === "admin") {
      // Any change moves the organisation's revision, so the next request computes the overview afresh.
      await page.goto(`${home}/settings`);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByText("Settings saved.")).toBeVisible();
    }
    expect([role, await countPageQueries(page, home)]).toEqual([role, { status: 200, queries: QUERIES[role] }]);
    const repeat = role === "admin" ? ADMIN_REPEAT : QUERIES[role];
    expect([role, "repeat", await countPageQueries(page, home)]).toEqual([role, "repeat", { status: 200, queries: repeat }]);
    await page.context().clearCookies();
  }
});
