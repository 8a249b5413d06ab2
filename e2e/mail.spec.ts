import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { withMailbox } from "./support/mailbox";

const mailbox = withMailbox();
// Each test signs up or in and waits for the worker to deliver: more than a page visit's time on a busy machine.
test.describe.configure({ timeout: 135_000 });

/** The first mail that reaches this address with this subject (the worker sends it moments after the commit). */
async function mailTo(email: string, subject: string): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(() => (found = mailbox().received.find((m) => (m.to as { text: string }).text === email && m.subject === subject)), { timeout: 30_000 })
    .toBeDefined();
  return found!;
}

const linkIn = (mail: ParsedMail, path: string) => new RegExp(`https?://[^\\s"]+${path}/[\\w.-]+`).exec(mail.text ?? "")![0];

async function chooseNewPassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Save my new password" }).click();
}

test("forgot password: the link from the received mail sets a new password, and the old session is refused", async ({ page, browser }) => {
  const account = newAccount("Forgetful");
  await signUp(page, account); // this browser keeps the session from before the reset

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("Email").fill(account.email.toUpperCase());
  await visitor.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(visitor.getByRole("status")).toContainText("a link to choose a new password is on its way");

  const mail = await mailTo(account.email, "Reset your Coachgrid password");
  expect(mail.html).toBeTruthy();
  const link = linkIn(mail, "/reset-password");
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await chooseNewPassword(visitor, "my fresh password 42");
  await expect(visitor.getByRole("status")).toContainText("Your password is changed");

  // Used once: the same link now says so.
  await visitor.goto(link);
  await chooseNewPassword(visitor, "yet another password");
  await expect(visitor.getByRole("alert", { name: "Form error" })).toContainText("expired or was already used");
  await expect(visitor.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

  await signIn(visitor, account.email, "my fresh password 42");
  await other.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown address gets the same answer as a known one", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(`nobody.${crypto.randomUUID().slice(0, 8)}@example.test`);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("a link to choose a new password is on its way");
});

test("a new account's verification mail confirms the address, shown on the account page", async ({ page }) => {
  const account = newAccount("Verifier");
  await signUp(page, account);
  await page.goto("/account");
  const emailPanel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Email address" }) });
  await expect(emailPanel.getByText("Not verified")).toBeVisible();
  await expectNoAxeViolations(page);

  const mail = await mailTo(account.email, "Confirm your email address for Coachgrid");
  await page.goto(linkIn(mail, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("status")).toContainText(`${account.email} is confirmed`);
  await page.goto("/account");
  await expect(emailPanel.getByText("Verified", { exact: true })).toBeVisible();
});

test("a mail the server refuses (550) shows as failed in Settings → Email delivery, with the server's answer", async ({ page }) => {
  mailbox().behave({ accept: false, code: 550, text: "Mailbox unavailable" });
  try {
    await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
    await page.goto(`/o/${DEMO_ORG.slug}/members`);
    await page.getByRole("button", { name: "Send Casey Brooks a password reset link" }).click();
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByText("A reset link is on its way to Casey Brooks.")).toBeVisible();

    await page.goto(`/o/${DEMO_ORG.slug}/settings`);
    const panel = page.getByRole("region", { name: "Latest mails of this organisation" });
    await expect(async () => {
      await page.reload();
      await expect(panel.getByRole("row", { name: /casey@brightwater\.example/ }).first()).toContainText("Failed", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const row = panel.getByRole("row", { name: /casey@brightwater\.example/ }).first();
    await expect(row).toContainText("550");
    await expect(row).not.toContainText("reset-password");
    await expectNoAxeViolations(page);
  } finally {
    mailbox().behave({ accept: true });
  }
});
