import { expect, test } from "./support/test";
import type { Browser } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

/** A new person joins through an invite link in a browser of their own: their page (on the dashboard) and name. */
async function joinThrough(browser: Browser, link: string, label: string) {
  const person = newAccount(label);
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Choose a password").fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/o\/[^/]+$/);
  return { page, name: person.name };
}

test("a new organisation's pages say what is true: no leader yet, a team move, no 1:1 held yet", async ({ page, browser }) => {
  test.setTimeout(90_000); // a sign-up, a dozen pages and a second browser: 18 s alone, 47 s on a busy machine
  const admin = newAccount("Wording");
  await signUp(page, admin);
  const org = new URL(page.url()).pathname;

  // Teams with nobody to lead them: the card says there is no leader, not that every leader already leads it.
  await page.goto(`${org}/teams`);
  for (const name of ["Team North", "Team South"]) {
    await page.getByLabel("New team").fill(name);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  const north = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Team North" }) });
  await expect(north.getByText("No one is a leader yet. Make someone a leader on the Members page, or invite one.")).toBeVisible();
  await expect(page.getByText("Every leader already leads this team.")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A rep joins Team North; the admin moves them to Team South: the message says they moved.
  const invite = async (role: string, team: string) => {
    await page.goto(`${org}/invites`);
    await page.getByLabel("Role").selectOption(role);
    await page.getByLabel("Team", { exact: true }).selectOption({ label: team });
    await page.getByRole("button", { name: "Create invite link" }).click();
    const dialog = page.getByRole("dialog", { name: "Your invite link" });
    const link = await dialog.getByLabel("Invite link").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    return link;
  };
  const rep = await joinThrough(browser, await invite("rep", "Team North"), "Rep");
  await page.goto(`${org}/members`);
  await page.getByRole("button", { name: `Change role or team of ${rep.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Role and team of ${rep.name}` });
  await dialog.getByLabel("Team").selectOption({ label: "Team South" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${rep.name} moved to Team South.`)).toBeVisible();
  await expect(page.getByText(/role was changed/)).toHaveCount(0);

  // A leader of Team South whose rep has never had a 1:1: the dashboard does not congratulate them on 1:1s.
  const leader = await joinThrough(browser, await invite("leader", "Team South"), "Leader");
  const panel = leader.page.locator("section").filter({ has: leader.page.getByRole("heading", { name: /Overdue for a 1:1/ }) });
  await expect(panel).toContainText("No 1:1 recorded yet. None is due: each rep's first falls 14 days after they joined.");
  await expect(leader.page.getByText(/Everyone has had a 1:1/)).toHaveCount(0);
  await expectNoAxeViolations(leader.page);
});
