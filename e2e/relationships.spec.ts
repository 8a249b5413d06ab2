import { expect, test } from "./support/test";
import { formatDay } from "../lib/format";
import { addDays, todayIn } from "../lib/dates";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";

const org = `/o/${DEMO_ORG.slug}`;
const [east, west] = DEMO_TEAMS;

test("a leader starts a relationship, logs a lunch, turns friction into an action, and sees the cadence restart and the trust line", async ({
  page,
}) => {
  test.setTimeout(90_000); // a dozen saves across three pages: over 20 s on a busy machine
  const tag = crypto.randomUUID().slice(0, 6);
  const counterpart = `Olive ${tag}`;
  const today = todayIn(DEMO_ORG.timeZone);

  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.getByRole("link", { name: "Relationships" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Relationships" })).toBeVisible();
  // The demo: Marcus's relationship with purchasing is overdue for contact, and flagged.
  const hector = page.getByRole("row", { name: /Hector Ruiz/ });
  await expect(hector).toContainText(/Overdue by \d+ days/);
  await expect(page.getByRole("status").filter({ hasText: "Needs attention" })).toContainText("1 overdue contact");
  await expect(page.getByRole("row", { name: /Keisha Brown/ })).toHaveCount(0); // Priya's, not Marcus's
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/relationships-list.png", fullPage: true });

  // A new relationship: the dialog lands on its page.
  await page.getByRole("button", { name: "New relationship" }).click();
  const dialog = page.getByRole("dialog", { name: "New relationship" });
  await dialog.getByLabel("Department").selectOption({ label: "Operations" });
  await dialog.getByLabel("Counterpart's name").fill(counterpart);
  await dialog.getByLabel("Their title").fill("Warehouse lead");
  await dialog.getByLabel("Status").selectOption("strained");
  await dialog.getByLabel("Trust (1-5)").selectOption("2");
  await dialog.getByLabel("Next step").fill("Ask for lunch");
  await dialog.getByRole("button", { name: "Add relationship" }).click();
  await expect(page.getByRole("heading", { level: 1, name: counterpart })).toBeVisible();
  const newUrl = page.url();
  const nextContact = page.getByRole("region", { name: "Summary" });
  await expect(nextContact).toContainText("last one-on-one time: none yet");

  // A group meeting yesterday does not restart the cadence: groups make people defend their department.
  await page.getByRole("button", { name: "Log an interaction" }).click();
  const log = page.getByRole("dialog", { name: `Log an interaction with ${counterpart}` });
  await log.getByLabel("Kind").selectOption("meeting");
  await log.getByLabel("Date").fill(addDays(today, -1));
  await log.getByLabel("Trust after (1-5)").selectOption("2");
  await log.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByText("Interaction logged. A group meeting does not restart the countdown.")).toBeVisible();
  await expect(nextContact).toContainText("last one-on-one time: none yet");

  // Then a lunch with both "makes you crazy" answers. A date in the future is refused; nothing typed is lost.
  await page.getByRole("button", { name: "Log an interaction" }).click();
  await log.getByLabel("Kind").selectOption("lunch");
  await log.getByLabel("Date").fill(addDays(today, 3));
  await log.getByLabel("Trust after (1-5)").selectOption("4");
  const theirs = "Sales changes orders after they are picked.";
  const ours = "Picking errors reach the customer before we hear of them.";
  await log.getByLabel(`What we do that makes ${counterpart} crazy`).fill(theirs);
  await log.getByLabel(`What ${counterpart} does that makes us crazy`).fill(ours);
  await log.getByLabel("Notes").fill("Fell on my sword; she told her story.");
  await log.getByRole("button", { name: "Log interaction" }).click();
  await expect(log.getByText("That date is in the future")).toBeVisible();
  await expect(log.getByLabel(`What we do that makes ${counterpart} crazy`)).toHaveValue(theirs);
  await expect(log.getByLabel(`What ${counterpart} does that makes us crazy`)).toHaveValue(ours);
  await expect(log.getByLabel("Notes")).toHaveValue("Fell on my sword; she told her story.");
  await expect(log.getByLabel("Trust after (1-5)")).toHaveValue("4");
  await log.getByLabel("Date").fill(today);
  await log.getByRole("button", { name: "Log interaction" }).click();
  await expect(page.getByText("Interaction logged. The contact countdown starts again.")).toBeVisible();

  // The cadence restarted: next contact 30 days from today, and trust is now 4, drawn as a line with its table.
  await expect(nextContact).toContainText(`last one-on-one time: ${formatDay(today)}`);
  await expect(nextContact).toContainText(formatDay(addDays(today, 30)));
  const trustTable = page.getByRole("table", { name: "Trust after each interaction" });
  await expect(trustTable.getByRole("row")).toHaveCount(3);
  await expect(trustTable.getByRole("row").nth(1)).toContainText(/Group meeting\s*2/);
  await expect(trustTable.getByRole("row").nth(2)).toContainText(/Lunch\s*4/);
  await expect(page.locator(".recharts-line-curve")).toHaveCount(1);

  // Turn their friction point into a small action, owned by us.
  const lunch = page.getByRole("article", { name: `Lunch on ${formatDay(today)}` });
  await lunch.getByRole("button", { name: "Turn into an action" }).first().click();
  const turn = page.getByRole("dialog", { name: "Turn this into a small action" });
  await expect(turn.getByLabel("Action")).toHaveValue(theirs);
  await expect(turn.getByLabel("Owner")).toHaveValue("us");
  await turn.getByLabel("Action").fill("Freeze orders once picking starts");
  await turn.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Small action added.")).toBeVisible();
  await expect(page.getByLabel("Freeze orders once picking starts")).not.toBeChecked();
  await expect(lunch).toContainText("1 small action came from this.");
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page draws the sticky header mid-page
  await page.screenshot({ path: "test-results/screens/relationships-timeline.png", fullPage: true });

  // A seeded relationship with a longer history, for the record.
  await page.goto(`${org}/relationships`);
  await page.getByRole("link", { name: "Gail Porter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gail Porter" })).toBeVisible();
  await expect(page.getByText("Did not restart the countdown")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/relationships-detail-demo.png", fullPage: true });
  const detailUrl = page.url();

  // The pages run a constant, small number of queries.
  const listed = await countPageQueries(page, `${org}/relationships`);
  const detailed = await countPageQueries(page, detailUrl);
  const shorter = await countPageQueries(page, newUrl); // 2 interactions, against Gail's 4
  expect(listed.status).toBe(200);
  expect(detailed.status).toBe(200);
  expect(listed.queries).toBeGreaterThan(0);
  expect(detailed.queries).toBeGreaterThan(0);
  expect(shorter.queries).toBe(detailed.queries);

  // Another leader may not open it; a rep sees no tracker at all.
  await page.context().clearCookies();
  await signIn(page, west!.leader.email, DEMO_PASSWORD);
  expect((await page.goto(detailUrl))?.status()).toBe(403);
  await page.context().clearCookies();
  await signIn(page, east!.reps[0]!.email, DEMO_PASSWORD);
  await expect(page.getByRole("link", { name: "Relationships" })).toHaveCount(0);
  expect((await page.goto(`${org}/relationships`))?.status()).toBe(403);
});

test("an admin adds, renames and archives a department in the organisation settings", async ({ page }) => {
  const tag = crypto.randomUUID().slice(0, 6);
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`${org}/settings`);
  const panel = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Departments" }) });
  await expect(panel.getByText("Distribution")).toBeVisible();
  await panel.getByLabel("New department").fill("distribution");
  await panel.getByRole("button", { name: "Add department" }).click();
  await expect(panel.getByText("A department with this name already exists.")).toBeVisible();
  await expect(panel.getByLabel("New department")).toHaveValue("distribution");
  await panel.getByLabel("New department").fill(`Credit ${tag}`);
  await panel.getByRole("button", { name: "Add department" }).click();
  await expect(panel.getByText(`Credit ${tag}`)).toBeVisible();
  await panel.getByRole("button", { name: `Rename Credit ${tag}` }).click();
  await page.getByRole("dialog").getByLabel("Department name").fill(`Credit control ${tag}`);
  await page.getByRole("dialog").getByRole("button", { name: "Save name" }).click();
  await expect(panel.getByText(`Credit control ${tag}`)).toBeVisible();
  await panel.getByRole("button", { name: `Archive Credit control ${tag}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive department" }).click();
  await expect(panel.getByRole("button", { name: `Restore Credit control ${tag}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/relationships-departments.png", fullPage: true });
});
