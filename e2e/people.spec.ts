import { expect, test } from "./support/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

const org = `/o/${DEMO_ORG.slug}`;

test("an admin invites a new rep, who joins through the link; deactivating them ends their access at once", async ({ page, browser }) => {
  test.setTimeout(90_000); // two browsers through invite, sign-up and deactivation: about 30 s on a busy machine
  const tag = crypto.randomUUID().slice(0, 6);
  const teamName = `Team ${tag}`;
  const rep = { name: `Robin ${tag}`, email: `robin.${tag}@example.test`, password: "robin's password" };

  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await page.getByLabel("New team").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: teamName })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/teams.png", fullPage: true });

  await page.getByRole("link", { name: "Invite links" }).click();
  await page.getByLabel("Role").selectOption("rep");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: teamName });
  await page.getByRole("button", { name: "Create invite link" }).click();
  const dialog = page.getByRole("dialog", { name: "Your invite link" });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel("Invite link").inputValue();
  expect(link).toMatch(new RegExp(`${org}/join/[A-Za-z0-9_-]{43}$`));
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("cell", { name: `Rep · ${teamName}` }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/invites.png", fullPage: true });

  // Someone else signed in opens the link: "Not you? Sign out" signs them out and brings the link back.
  const other = await (await browser.newContext()).newPage();
  const stranger = newAccount("Stranger");
  await signUp(other, stranger);
  await other.goto(link);
  await expect(other.getByText(`You are signed in as ${stranger.name}`)).toBeVisible();
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(link);
  await expect(other.getByRole("button", { name: "Create account and join" })).toBeVisible();
  expect((await other.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await other.context().close();

  // A fresh browser, nobody signed in: the link offers the organisation and the role.
  const visitor = await browser.newContext();
  const joiner = await visitor.newPage();
  await joiner.goto(link);
  await expect(joiner.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
  await expect(joiner.getByText(`as a rep in ${teamName}.`)).toBeVisible();
  await expectNoAxeViolations(joiner);
  await joiner.getByLabel("Your name").fill(rep.name);
  await joiner.getByLabel("Email").fill(rep.email);
  await joiner.getByLabel("Choose a password").fill(rep.password);
  await joiner.getByRole("button", { name: "Create account and join" }).click();
  await expect(joiner).toHaveURL(org);
  await expect(joiner.getByRole("heading", { name: /Your self-assessment/ })).toBeVisible();

  // The used link says so, to anyone.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("alert", { name: "Invite problem" })).toHaveText(/already been used/);

  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Search").fill(rep.email);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row", { name: new RegExp(rep.name) });
  await expect(row).toContainText("Rep");
  await expect(row).toContainText(teamName);
  await expect(row).toContainText("Active");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByText(new RegExp(`${rep.name} joined`)).first()).toBeVisible();

  await page.goto(`${org}/members?q=${encodeURIComponent(rep.email)}`);
  await page.getByRole("button", { name: `Deactivate ${rep.name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(`${rep.name} was deactivated.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(rep.name) })).toContainText("Deactivated");

  const refused = await joiner.goto(org);
  expect(refused?.status()).toBe(404);
  await expect(joiner.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await visitor.close();
});

test("an unknown invite token and an unknown organisation get the same invalid-link page", async ({ page }) => {
  for (const path of [`${org}/join/not-a-token`, `/o/no-such-org/join/not-a-token`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "This invite link is not valid" })).toBeVisible();
    await expect(page.getByText(DEMO_ORG.name)).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});

test("a leader sees the people of their own team; a rep cannot open the people pages", async ({ page }) => {
  const [east, west] = DEMO_TEAMS;
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("cell", { name: new RegExp(east!.reps[0]!.name) })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(west!.reps[0]!.name) })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { name: east!.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: west!.name })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create team" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, east!.reps[0]!.email, DEMO_PASSWORD);
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  for (const path of ["members", "teams", "invites"]) {
    const response = await page.goto(`${org}/${path}`);
    expect(response?.status(), path).toBe(403);
  }
});
