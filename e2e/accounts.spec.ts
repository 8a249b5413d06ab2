import { expect, test } from "./support/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD } from "../scripts/seed/demo-people";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

test("sign up lands on the new organisation; sign out; sign in again", async ({ page }) => {
  const account = newAccount("Founder");
  await signUp(page, account);
  await expect(page).toHaveURL(/\/o\/founder-trading-/);
  await expect(page.getByRole("heading", { name: /Getting started/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No assessment cycle yet" })).toBeVisible();
  await expectNoAxeViolations(page);

  await signOut(page);
  await expect(page.getByRole("heading", { name: "Sign in to Coachgrid" })).toBeVisible();
  await page.goto("/o");
  await expect(page).toHaveURL(/\/login\?next=%2Fo$/);

  await signIn(page, account.email.toUpperCase(), account.password);
  await expect(page.getByRole("heading", { level: 1, name: account.organisationName })).toBeVisible();
});

test("sign-up explains what to fix and keeps what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dana Again");
  await page.getByLabel("Work email").fill(DEMO_ADMIN.email.toUpperCase());
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Organisation name").fill("Second Brightwater");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue(DEMO_ADMIN.email.toUpperCase());
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at least 8 characters.");

  await page.getByLabel("Password").fill("now long enough");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveValue("Second Brightwater");
  await expect(page.getByLabel("Your name")).toHaveValue("Dana Again");
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const wrongPassword = await page.getByRole("alert", { name: "Sign-in error" }).textContent();
  await page.getByLabel("Email").fill("nobody@brightwater.example");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "Sign-in error" })).toHaveText(wrongPassword!);
  expect(wrongPassword).toBe("That email and password do not match an account. After several failed attempts, sign-in pauses for 15 minutes.");
});

test("the demo admin signs in with the printed credentials and sees both teams", async ({ page }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  const participation = page.getByRole("region", { name: /Participation per team/ });
  await expect(participation.getByRole("rowheader", { name: "Team East" })).toBeVisible();
  await expect(participation.getByRole("rowheader", { name: "Team West" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("organisation settings save, with the change shown in the header", async ({ page }) => {
  const account = newAccount("Settings");
  await signUp(page, account);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Organisation settings" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Organisation name").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  await page.getByLabel("Organisation name").fill(`${account.organisationName} Renamed`);
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Organisation: .* Renamed/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
});

test("a password change ends the person's other sessions", async ({ browser }) => {
  const account = newAccount("Rotate");
  const first = await browser.newContext();
  const second = await browser.newContext();
  const one = await first.newPage();
  const two = await second.newPage();
  await signUp(one, account);
  const slug = new URL(one.url()).pathname.split("/")[2]!; // signing up lands on the new organisation
  await signIn(two, account.email, account.password);

  await one.goto("/account");
  await expectNoAxeViolations(one);
  await one.getByLabel("Current password").fill(account.password);
  await one.getByLabel("New password", { exact: true }).fill("a brand new password");
  await one.getByLabel("Repeat the new password").fill("a brand new password");
  await one.getByRole("button", { name: "Change password" }).click();
  await expect(one.getByText("Password changed. Other sessions were signed out.")).toBeVisible();

  await two.reload();
  await expect(two).toHaveURL(/\/login\?next=/);
  // A page with an id in its path sends the ended session to sign in and back to that very page.
  const report = `/o/${slug}/reps/${crypto.randomUUID()}/report`;
  await two.goto(report);
  await expect(two).toHaveURL(`/login?next=${encodeURIComponent(report)}`);
  await one.goto("/o"); // the session that changed it signed straight back in
  await expect(one.getByRole("heading", { level: 1, name: account.organisationName })).toBeVisible();
  await first.close();
  await second.close();
});
