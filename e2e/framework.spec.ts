import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

const org = `/o/${DEMO_ORG.slug}`;

/** The card heading reads "<position>. <name>" to assistive technology. */
const card = (page: Page, position: number, name: string) => page.getByRole("heading", { level: 2, name: `${position}. ${name}`, exact: true });

test("an admin adds a behaviour, moves it with the keyboard and archives it", async ({ page }) => {
  test.setTimeout(90_000); // over 20 s on a busy machine
  const name = `Referrals ${crypto.randomUUID().slice(0, 6)}`;
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`${org}/framework`);
  await expect(page.getByRole("heading", { level: 1, name: "Behaviour framework" })).toBeVisible();
  await expect(card(page, 1, "Prospecting")).toBeVisible();
  await expect(card(page, 10, "Managing the pipeline")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm" })).toHaveCount(0); // the demo framework is confirmed
  await expectNoAxeViolations(page);

  // A refused submit keeps everything typed and says what is missing, next to the field.
  await page.getByRole("button", { name: "Add behaviour" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a behaviour" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("Turns happy customers into introductions to new ones.");
  await dialog.getByLabel("What a 1 looks like").fill("Never asks for a referral.");
  await dialog.getByRole("button", { name: "Add behaviour" }).click();
  await expect(dialog.getByText("Describe what someone rated 3 does.")).toBeVisible();
  await expect(dialog.getByText("Describe what someone rated 5 does.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue(name);
  await expect(dialog.getByLabel("What a 1 looks like")).toHaveValue("Never asks for a referral.");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/framework-add.png" });
  await dialog.getByLabel("What a 3 looks like").fill("Asks for a referral after a successful delivery, when reminded.");
  await dialog.getByLabel("What a 5 looks like").fill("Asks every satisfied customer for a named introduction and follows it up within a week.");
  await dialog.getByRole("button", { name: "Add behaviour" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`${name} added to the framework.`)).toBeVisible();
  await expect(card(page, 11, name)).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "You have 11 active behaviours" })).toHaveCount(0); // 11 is within 5 to 12

  // Drag with the keyboard: Space picks the card up, an arrow moves it, Space drops it.
  const handle = page.getByRole("button", { name: `Reorder ${name}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true"); // picked up
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("status").filter({ hasText: `${name} is over position 10 of 11.` })).toBeAttached(); // the live announcement
  await page.keyboard.press("Space");
  await expect(card(page, 10, name)).toBeVisible();
  await expect(card(page, 11, "Managing the pipeline")).toBeVisible();

  // The buttons are the other keyboard path; focus stays on the button that was pressed.
  await page.getByRole("button", { name: `Move ${name} up` }).focus();
  await page.keyboard.press("Enter");
  await expect(card(page, 9, name)).toBeVisible();
  await expect(page.getByRole("button", { name: `Move ${name} up` })).toBeFocused();
  // The order is saved in the background: reload until the saved order shows (a reload can beat the last save).
  await expect(async () => {
    await page.reload();
    await expect(card(page, 9, name)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(card(page, 10, "Negotiating and closing")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/framework.png", fullPage: true });

  await page.getByRole("button", { name: `Archive ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Archive ${name}?` });
  await expect(confirm).toContainText("Past ratings are kept");
  await confirm.getByRole("button", { name: "Archive behaviour" }).click();
  await expect(page.getByText(`${name} archived.`)).toBeVisible();
  const archived = page.getByRole("region", { name: "Archived" });
  await expect(archived.getByRole("heading", { name })).toBeVisible();
  await expect(card(page, 9, "Negotiating and closing")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`${org}/cycles`);
  await expect(page.getByRole("heading", { level: 1, name: "Assessment cycles" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Q4 2026/ })).toContainText("Open");
  await expect(page.getByRole("row", { name: /Q3 2026/ })).toContainText("Closed");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/cycles.png", fullPage: true });
});

test("a new organisation's admin confirms the starter list before the first cycle opens", async ({ page }) => {
  const account = newAccount("Framer");
  await signUp(page, account);
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  await page.goto(`/o/${slug}/cycles`);
  await page.getByLabel("New cycle").fill("Q1 2027");
  await page.getByRole("button", { name: "Create cycle" }).click();
  await expect(page.getByRole("row", { name: /Q1 2027/ })).toContainText("Draft");
  await expect(page.getByRole("note")).toContainText("Before the first cycle opens");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Open Q1 2027" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByText(/confirms the behaviour framework/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the framework" })).toBeVisible(); // in the message
  await page.screenshot({ path: "test-results/screens/cycles-refused.png" });

  await page.getByRole("note").getByRole("link", { name: "Review and confirm the framework" }).click();
  await expect(page.getByRole("heading", { name: "Review and confirm your framework" })).toBeVisible();
  await expect(page.getByText("These are the behaviours that predict success in our business.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/framework-confirm.png", fullPage: true });
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByText("Framework confirmed.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Review and confirm your framework" })).toHaveCount(0);

  await page.goto(`/o/${slug}/cycles`);
  await page.getByRole("button", { name: "Open Q1 2027" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByText("Q1 2027 is now the current cycle.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Q1 2027/ })).toContainText("Open");
});

test("leaders and reps read the framework; only admins manage it and the cycles", async ({ page }) => {
  const [east] = DEMO_TEAMS;
  for (const person of [east!.leader, east!.reps[0]!]) {
    await page.context().clearCookies();
    await signIn(page, person.email, DEMO_PASSWORD);
    await page.goto(`${org}/framework`);
    await expect(card(page, 1, "Prospecting")).toBeVisible();
    await expect(page.getByText("What a 5 looks like").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Add behaviour" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Reorder|Archive|Edit) / })).toHaveCount(0);
    await expect(page.getByText("Archived")).toHaveCount(0);
    await expectNoAxeViolations(page);
    const response = await page.goto(`${org}/cycles`);
    expect(response?.status()).toBe(403);
  }
});
