import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";

const [east, west] = DEMO_TEAMS;
const home = `/o/${DEMO_ORG.slug}`;
/** The demo's current cycle, by position in each team: not started, draft, submitted, shared, submitted. */
const SUBMITTED_PER_TEAM = 3;

/** The grid's footer averages of one team, per behaviour then overall, as the grid page shows them. */
async function gridAverages(page: Page, teamName: string) {
  await page.goto(`${home}/grid`);
  const teamPicker = page.getByLabel("Team", { exact: true });
  if (await teamPicker.count()) {
    await teamPicker.selectOption({ label: teamName });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/team=/);
  }
  const cells = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Team average" }) }).getByRole("gridcell");
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
  const eastRow = (await heatmap.getByRole("row", { name: new RegExp(`^${east!.name}`) }).getByRole("cell").allInnerTexts()).map((t) => t.trim());
  // The dashboard: overall, change, then one cell per behaviour. The grid: one per behaviour, then overall.
  expect([...eastRow.slice(2), eastRow[0]]).toEqual(eastOnGrid.map((t) => (t === "–" || t === "" ? "–" : t)));
  await expect(page.getByRole("heading", { name: "Training topics" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Getting started/ })).toHaveCount(0); // the demo has done every step
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/dashboard-admin.png", fullPage: true });
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
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/dashboard-leader.png", fullPage: true });
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
 * Per HTTP request: the shell's session, membership and organisation switcher, the page's membership, then the
 * dashboard's own reads (vitest pins the same counts for a 40-team organisation).
 */
const QUERIES = { admin: 9, leader: 10, rep: 8 } as const;

test("each dashboard loads in a fixed number of queries", async ({ page }) => {
  for (const [role, email] of [["admin", DEMO_ADMIN.email], ["leader", east!.leader.email], ["rep", east!.reps[0]!.email]] as const) {
    await signIn(page, email, DEMO_PASSWORD);
    expect([role, await countPageQueries(page, home)]).toEqual([role, { status: 200, queries: QUERIES[role] }]);
    await page.context().clearCookies();
  }
});
