import { expect, test } from "./support/test";
import type { Browser } from "@playwright/test";
import { newAccount } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { mailsTo, withMailbox } from "./support/mailbox";

/**
 * Mails as people receive them: the app sends through a real SMTP server (e2e/support/mailbox.ts) and the test
 * reads what arrived. A new organisation of its own, so opening a cycle leaves the demo organisation alone.
 */
const smtp = withMailbox();

test("an emailed invite lets each rep join; opening a cycle mails each rep their own self-assessment; reminding twice in a day mails once; an unsubscribed rep gets no reminder", async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000); // many pages and mails in one story; the shared test machines are slow
  const admin = newAccount("Mailer");
  // signUp's steps, with more patience for the first sign-up after the server starts on a loaded machine.
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Work email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByLabel("Organisation name").fill(admin.organisationName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: admin.organisationName })).toBeVisible({ timeout: 60_000 });
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const tag = crypto.randomUUID().slice(0, 6);
  const teamName = `Field ${tag}`;
  const cycleName = `Q1 ${tag}`;
  const reps = ["ana", "ben"].map((first) => ({
    name: `${first[0]!.toUpperCase()}${first.slice(1)} ${tag}`,
    email: `${first}.${tag}@example.test`,
    password: `${first}'s long password`,
  }));

  await page.goto(`/o/${slug}/teams`);
  await page.getByLabel("New team").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: teamName })).toBeVisible();
  await page.goto(`/o/${slug}/framework`);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByText("Framework confirmed.")).toBeVisible();
  await page.goto(`/o/${slug}/cycles`);
  await page.getByLabel("New cycle").fill(cycleName);
  await page.getByRole("button", { name: "Create cycle" }).click();
  await expect(page.getByRole("row", { name: new RegExp(cycleName) })).toContainText("Draft");

  // Invite both reps at once, with one address that is already a member: reported and skipped.
  await page.goto(`/o/${slug}/invites`);
  await page.getByRole("button", { name: "Invite several people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite several people" });
  await dialog.getByLabel("Email addresses").fill(`${reps[0]!.name} <${reps[0]!.email}>, ${reps[1]!.email}\n${admin.email}`);
  await dialog.getByLabel("Team").selectOption({ label: teamName });
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Send invitations" }).click();
  const report = dialog.getByRole("status", { name: "Invitations sent" });
  await expect(report).toContainText("Invited 2 people");
  await expect(report).toContainText(`Already in the organisation, skipped: ${admin.email}`);
  await page.screenshot({ path: "test-results/screens/bulk-invite.png", fullPage: true });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText(`Only for ${reps[0]!.email}`)).toBeVisible();

  // Each rep joins from the link in the mail they received.
  const repPages = [];
  for (const rep of reps) {
    const [invitation] = await mailsTo(smtp(), rep.email, /invites you to/);
    expect(invitation!.text).toContain(`as a rep in ${teamName}`);
    const link = invitation!.links.find((l) => l.includes(`/o/${slug}/join/`))!;
    expect(link).toMatch(new RegExp(`^http://localhost:\\d+/o/${slug}/join/[A-Za-z0-9_-]{43}$`));
    repPages.push(await join(browser, link, rep));
  }

  // Opening the cycle mails each rep a link that opens their own self-assessment.
  await page.goto(`/o/${slug}/cycles`);
  await page.getByRole("button", { name: `Open ${cycleName}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByText(`${cycleName} is now the current cycle.`)).toBeVisible();
  const unsubscribeLinks: string[] = [];
  for (const [index, rep] of reps.entries()) {
    const [opened] = await mailsTo(smtp(), rep.email, new RegExp(`${cycleName} is open`));
    expect(opened!.text).toContain(`Hello ${rep.name}`);
    unsubscribeLinks.push(opened!.unsubscribe!);
    const link = opened!.links.find((l) => l.endsWith(`/o/${slug}/self-assessment`))!;
    const repPage = repPages[index]!;
    await repPage.goto(link);
    await expect(repPage.getByRole("heading", { level: 1, name: "Self-assessment" })).toBeVisible();
    await expect(repPage.getByText(cycleName).first()).toBeVisible();
  }

  // The first rep unsubscribes from reminders with the mail's one-click header (RFC 8058), signed out, as a mail
  // program does: no reminder reaches them from now on.
  const [unsubscribing] = reps;
  expect(unsubscribeLinks[0]).toMatch(/\/api\/unsubscribe\//);
  const unsubscribed = await page.request.post(unsubscribeLinks[0]!, { form: { "List-Unsubscribe": "One-Click" }, headers: { Cookie: "" } });
  expect(unsubscribed.status()).toBeLessThan(300);

  // "Remind those who have not submitted", twice within a day (the second from a page loaded before the first): one
  // mail to the rep still subscribed, none to the one who unsubscribed.
  await page.goto(`/o/${slug}/self-assessments`);
  const stale = await page.context().newPage();
  await stale.goto(`/o/${slug}/self-assessments`);
  await expect(page.getByRole("row", { name: new RegExp(reps[1]!.name) })).toContainText("Never");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Remind those who have not submitted" }).click();
  await page
    .getByRole("alertdialog", { name: /Email a reminder to/ })
    .getByRole("button", { name: /Send reminders?/ })
    .click();
  await expect(page.getByText("Reminder emailed to 1 rep.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(reps[1]!.name) })).not.toContainText("Never");
  await expect(page.getByRole("button", { name: "Nobody to remind now" })).toBeDisabled();
  await page.screenshot({ path: "test-results/screens/self-assessments.png", fullPage: true });

  await stale.getByRole("button", { name: "Remind those who have not submitted" }).click();
  await stale
    .getByRole("alertdialog")
    .getByRole("button", { name: /Send reminders?/ })
    .click();
  await expect(stale.getByText(/Nobody was reminded/)).toBeVisible();
  const subscribed = reps[1]!;
  const [reminder] = await mailsTo(smtp(), subscribed.email, /Reminder: your self-assessment/);
  expect(reminder!.links.some((l) => l.endsWith(`/o/${slug}/self-assessment`))).toBe(true);
  await page.waitForTimeout(3_000); // anything queued by the second click would have been sent by now
  expect(await mailsTo(smtp(), subscribed.email, /Reminder: your self-assessment/, 1)).toHaveLength(1);
  expect(smtp().received.filter((m) => m.subject?.startsWith("Reminder") && JSON.stringify(m.to).includes(unsubscribing!.email))).toEqual([]);
});

async function join(browser: Browser, link: string, rep: { name: string; email: string; password: string }) {
  const context = await browser.newContext();
  const joiner = await context.newPage();
  await joiner.goto(link);
  await joiner.getByLabel("Your name").fill(rep.name);
  const email = joiner.getByLabel("Email");
  if (await email.isEditable()) await email.fill(rep.email);
  await joiner.getByLabel("Choose a password").fill(rep.password);
  await joiner.getByRole("button", { name: "Create account and join" }).click();
  await expect(joiner).toHaveURL(new RegExp(`/o/[^/]+$`));
  return joiner;
}
