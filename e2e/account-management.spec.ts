import fs from "node:fs";
import { expect, test } from "./support/test";
import type { Browser, Page } from "@playwright/test";
import { newAccount, signIn, signUp, type NewAccount } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { mailsTo, withMailbox } from "./support/mailbox";

/**
 * The account page's own management, each test with its own fresh sign-ups (so it passes alone and in any order):
 * changing the email address through the link mailed to the new one, downloading one's data, leaving an
 * organisation, deleting the account.
 */
const mailbox = withMailbox();
// Sign-ups, mails and several browsers per test: more than a page visit's time on a busy machine.
test.describe.configure({ timeout: 150_000 });

const slugOf = (page: Page) => /\/o\/([^/?#]+)/.exec(page.url())![1]!;

/** A second person with an organisation of their own, in a browser of their own. */
async function secondPerson(browser: Browser, label: string): Promise<{ page: Page; account: NewAccount; slug: string }> {
  const page = await (await browser.newContext()).newPage();
  const account = newAccount(label);
  await signUp(page, account);
  return { page, account, slug: slugOf(page) };
}

/** The organisation's admin makes an invite link for this role (leader or admin: no team needed). */
async function inviteLink(page: Page, slug: string, role: "leader" | "admin"): Promise<string> {
  await page.goto(`/o/${slug}/invites`);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const dialog = page.getByRole("dialog", { name: "Your invite link" });
  const link = await dialog.getByLabel("Invite link").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  return link;
}

async function joinSignedIn(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByRole("button", { name: `Join as ${name}` }).click();
  await page.waitForURL(/\/o\/[^/]+$/);
}

const panel = (page: Page, heading: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });

test("the email address changes through the link mailed to the new one; the old one is told; the data downloads", async ({ page }) => {
  const person = newAccount("Mover");
  await signUp(page, person);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/account.png", fullPage: true });

  // One's own data, as a file.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel(page, "Your data").getByRole("link", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^coachgrid-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
    format: string;
    account: { email: string };
    organisations: { name: string }[];
  };
  expect(data).toMatchObject({
    format: "coachgrid-personal-data",
    account: { email: person.email },
    organisations: [{ name: person.organisationName }],
  });

  const email = panel(page, "Email address");
  const newEmail = `moved.${crypto.randomUUID().slice(0, 8)}@example.test`;
  await email.getByRole("button", { name: "Change email address" }).click();
  await email.getByLabel("New email address").fill(newEmail);
  await email.getByLabel("Current password").fill("not my password");
  await email.getByRole("button", { name: "Send a link to the new address" }).click();
  await expect(email.getByText("That is not your current password.")).toBeVisible();
  await expect(email.getByLabel("New email address")).toHaveValue(newEmail); // what was typed is kept
  await expectNoAxeViolations(page);
  await email.screenshot({ path: "test-results/screens/account-change-email.png" });
  await email.getByLabel("Current password").fill(person.password);
  await email.getByRole("button", { name: "Send a link to the new address" }).click();
  await expect(email.getByRole("status")).toContainText(`A confirmation link is on its way to ${newEmail}`);

  const [mail] = await mailsTo(mailbox(), newEmail, /Confirm your new email address/);
  const link = mail!.links.find((l) => l.includes("/account/confirm-email/"))!;
  expect(link).toMatch(/\/account\/confirm-email\/[A-Za-z0-9_-]{43}$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your new email address" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/account-confirm-email.png" });
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByRole("status")).toContainText(`Your account now uses ${newEmail}`);
  await page.getByRole("button", { name: "Sign in with the new address" }).click();
  await page.waitForURL(/\/login/);

  const [notice] = await mailsTo(mailbox(), person.email, /Your Coachgrid email address was changed/);
  expect(notice!.text).toContain(newEmail);
  await signIn(page, newEmail, person.password);
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${newEmail}.`)).toBeVisible();
  await expect(panel(page, "Email address").getByText("Verified")).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("alert", { name: "Link not valid" })).toContainText("expired, was already used");
});

test("leaving: the last admin is refused with a clear message; a member leaves another organisation", async ({ page, browser }) => {
  const person = newAccount("Leaver");
  await signUp(page, person);
  const own = slugOf(page);
  const host = await secondPerson(browser, "Host");
  await joinSignedIn(page, await inviteLink(host.page, host.slug, "leader"), person.name);

  await page.goto("/account");
  const orgs = panel(page, "Organisations");
  await expect(orgs.getByText(host.account.organisationName)).toBeVisible();

  // Keyboard: the confirmation opens with Enter, Escape cancels and gives focus back.
  const leaveOwn = orgs.getByRole("button", { name: `Leave ${person.organisationName}` });
  await leaveOwn.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog", { name: `Leave ${person.organisationName}?` })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect(leaveOwn).toBeFocused();

  await leaveOwn.click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Leave" }).click();
  await expect(orgs.getByRole("alert", { name: "Could not leave" })).toHaveText(
    `You are the last active admin of ${person.organisationName}, so you cannot leave it. Make someone else an admin first.`,
  );

  await orgs.getByRole("button", { name: `Leave ${host.account.organisationName}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Leave ${host.account.organisationName}?` });
  await expect(confirm).toContainText("stays with the organisation");
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Leave" }).click();
  await expect(page.getByText(`You left ${host.account.organisationName}.`)).toBeVisible();
  await expect(orgs.getByText(host.account.organisationName)).toBeHidden();
  await expect(orgs.getByText(person.organisationName)).toBeVisible();

  const response = await page.goto(`/o/${host.slug}`);
  expect(response?.status()).toBe(404);
  await host.page.goto(`/o/${host.slug}/audit`);
  await expect(host.page.getByText(`${person.name} left the organisation`)).toBeVisible();
  await page.goto(`/o/${own}`);
  await expect(page.getByRole("heading", { level: 1, name: person.organisationName })).toBeVisible();
});

test("deleting the account: refused while the last admin; then erased, and shown to the organisation as a former member", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const person = newAccount("Leaving");
  await signUp(page, person);
  const own = slugOf(page);

  await page.goto("/account");
  await page.screenshot({ path: "test-results/screens/account-390.png", fullPage: true });
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(scrolls, "the account page scrolls sideways at 390 px").toBe(false);

  const openDialog = async () => {
    await panel(page, "Delete account").getByRole("button", { name: "Delete my account…" }).click();
    return page.getByRole("dialog", { name: "Delete your account?" });
  };
  let dialog = await openDialog();
  await expect(dialog.getByLabel("Current password")).toBeFocused();
  await dialog.getByLabel("Current password").fill(person.password);
  await dialog.getByLabel("Type “delete my account” to confirm").fill("delete it");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByText("Type “delete my account” to confirm.", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel("Current password").fill(person.password);
  await dialog.getByLabel("Type “delete my account” to confirm").fill("delete my account");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.getByRole("alert", { name: "Form error" })).toHaveText(
    `You are the last active admin of ${person.organisationName}. Make someone else an admin there first, then delete your account. Nothing was deleted.`,
  );
  await page.screenshot({ path: "test-results/screens/account-delete-refused-390.png" });
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Someone else becomes an admin of the organisation; then the account can go.
  const heir = await secondPerson(browser, "Heir");
  await joinSignedIn(heir.page, await inviteLink(page, own, "admin"), heir.account.name);
  await page.goto("/account");
  dialog = await openDialog();
  await dialog.getByLabel("Current password").fill(person.password);
  await dialog.getByLabel("Type “delete my account” to confirm").fill("Delete my account");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL(/\/account-deleted$/);
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing opens the account any more.
  await page.goto("/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "Sign-in error" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // The organisation keeps what they did, as a former member's.
  await heir.page.goto(`/o/${own}/audit`);
  await expect(heir.page.getByText(`A former member created the organisation ${person.organisationName}`)).toBeVisible();
  await expect(heir.page.getByText("A former member deleted their account")).toBeVisible();
  await expect(heir.page.getByText(person.name)).toHaveCount(0);
  await heir.page.goto(`/o/${own}/members`);
  const row = heir.page.getByRole("row").filter({ hasText: "A former member" });
  await expect(row).toContainText("Account deleted");
  await expect(row).toContainText("Deactivated");
  await expect(heir.page.getByText(person.email)).toHaveCount(0);
});
