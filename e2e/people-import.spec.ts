import fs from "node:fs";
import { expect, test } from "./support/test";
import type { Download, Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { SHOTS, shootBothWidths } from "./support/screens";

/** The organisation's URL after sign-up lands on its overview. */
const orgPath = (page: Page) => new URL(page.url()).pathname.replace(/\/$/, "");

async function saved(download: Promise<Download>): Promise<string> {
  return fs.readFileSync((await (await download).path())!, "utf8");
}

async function upload(page: Page, name: string, text: string) {
  await page.getByLabel("Spreadsheet file (CSV)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

test("an admin imports a spreadsheet's file, fixes the rows with errors, and importing it again changes nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = newAccount("Importer");
  await signUp(page, admin);
  const org = orgPath(page);
  const tag = crypto.randomUUID().slice(0, 6);
  const mail = (name: string) => `${name}.${tag}@example.test`;

  await page.goto(`${org}/members`);
  await page.getByRole("link", { name: "Import people" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import people" })).toBeVisible();
  await expectNoAxeViolations(page);

  // As Excel saves "CSV UTF-8" where the decimal separator is a comma: a byte-order mark, ";" and quoted fields.
  const rows = [
    ["Name", "Email", "Role", "Team"],
    ['"Ana ""Nan"" Díaz"', mail("ana"), "leader", '"Team North | Team South"'],
    ["李雷", mail("li.lei"), "rep", "Team North"],
    ['"Okafor; Ben"', mail("ben"), "rep", "Team South"],
    ["Bad Address", "ben-at-example", "rep", "Team North"],
    ["Split Rep", mail("split"), "rep", "Team North | Team South"],
  ];
  const original = `\uFEFF${rows.map((r) => r.join(";")).join("\r\n")}\r\n`;
  await upload(page, "people.csv", original);

  const preview = page.getByRole("region", { name: "Rows of the file" });
  await expect(preview).toBeVisible();
  await expect(page.locator('dt:text-is("To invite") + dd')).toHaveText("3");
  await expect(page.locator('dt:text-is("New teams") + dd').first()).toHaveText("2");
  await expect(page.locator('dt:text-is("Errors") + dd')).toHaveText("2");
  await expect(preview.getByRole("row", { name: /李雷/ })).toContainText("Will be invited as rep of Team North.");
  await expect(preview.getByRole("row", { name: /Okafor; Ben/ })).toContainText("Will invite");
  await expect(preview.getByRole("row", { name: /Ana "Nan" Díaz/ })).toContainText("Will be invited as leader of Team North, Team South.");
  await expect(preview.getByRole("row", { name: /Bad Address/ })).toContainText("“ben-at-example” is not a valid email address.");
  await expect(preview.getByRole("row", { name: /Split Rep/ })).toContainText("A rep is in one team only");
  await expectNoAxeViolations(page);
  await shootBothWidths(page, "people-import-preview");

  // The rows to fix, with their reason, as a CSV for a spreadsheet.
  const toFix = await saved(
    Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the rows to fix" }).click()]).then(([d]) => d),
  );
  expect(toFix.startsWith("\uFEFFname,email,role,team,error\r\n")).toBe(true);
  expect(toFix).toContain("Bad Address,ben-at-example,rep,Team North,“ben-at-example” is not a valid email address.");
  expect(toFix).toContain(`Split Rep,${mail("split")},rep,Team North | Team South,"A rep is in one team only`);

  // Import the three good rows now; the other two wait for their fix.
  await expect(page.getByLabel("Email each new person their invitation")).toBeChecked();
  await page.getByRole("button", { name: "Invite 3 people, create 2 teams" }).click();
  const done = page.getByRole("status", { name: "Import done" });
  await expect(done).toContainText("3 people invited: each gets their invitation by email.");
  await expect(done).toContainText("2 teams created: Team North, Team South.");
  await expect(done).toContainText("2 rows with errors skipped.");
  await expectNoAxeViolations(page);
  await shootBothWidths(page, "people-import-done");

  // The fixed rows, uploaded as the file they came in (its "error" column is ignored); their links this time downloaded.
  await page.getByRole("button", { name: "Import another file" }).click();
  const fixed = toFix.replace("ben-at-example", mail("bad.address")).replace("Team North | Team South", "Team South");
  await upload(page, "people-to-fix.csv", fixed);
  await expect(page.getByText("Ignored columns: error.")).toBeVisible();
  await expect(page.locator('dt:text-is("To invite") + dd')).toHaveText("2");
  await expect(page.locator('dt:text-is("Errors") + dd')).toHaveText("0");
  await page.getByLabel("Email each new person their invitation").uncheck();
  await page.getByRole("button", { name: "Invite 2 people" }).click();
  await expect(page.getByRole("status", { name: "Import done" })).toContainText("2 people invited.");
  const links = await saved(
    Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the invite links" }).click()]).then(([d]) => d),
  );
  const linkRows = links.replace(/\r\n$/, "").split("\r\n");
  expect(linkRows[0]).toBe("\uFEFFname,email,role,team,invite link");
  expect(linkRows.slice(1).map((l) => l.replace(/\/join\/[\w-]+$/, "/join/…"))).toEqual([
    `Bad Address,${mail("bad.address")},rep,Team North,http://localhost:${new URL(page.url()).port}${org}/join/…`,
    `Split Rep,${mail("split")},rep,Team South,http://localhost:${new URL(page.url()).port}${org}/join/…`,
  ]);

  // The whole spreadsheet, fixed, uploaded again: everyone is already invited, nothing to do.
  await page.getByRole("button", { name: "Import another file" }).click();
  await upload(
    page,
    "people.csv",
    original
      .replace("ben-at-example", mail("bad.address"))
      .replace(`${mail("split")};rep;Team North | Team South`, `${mail("split")};rep;Team South`),
  );
  await expect(page.locator('dt:text-is("No change") + dd')).toHaveText("5");
  await expect(page.locator('dt:text-is("To invite") + dd')).toHaveText("0");
  await expect(page.getByRole("status", { name: "Nothing to import" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Invite/ })).toHaveCount(0);

  // The teams and the invites are there.
  await page.goto(`${org}/teams`);
  await expect(page.getByRole("heading", { name: "Team North" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Team South" })).toBeVisible();
  await page.goto(`${org}/invites`);
  for (const email of [mail("ana"), mail("li.lei"), mail("ben"), mail("bad.address"), mail("split")]) {
    await expect(page.getByText(`Only for ${email}`)).toBeVisible();
  }

  // The members page exports the people in the import's format: so far the admin alone (the others are invited).
  await page.goto(`${org}/members`);
  const exportDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  expect((await exportDownload).suggestedFilename()).toMatch(new RegExp(`^${org.split("/").at(-1)}-people-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const exported = (await saved(exportDownload)).replace(/\r\n$/, "").split("\r\n");
  expect(exported).toEqual([
    "\uFEFFname,email,role,team,status,last sign-in",
    expect.stringMatching(new RegExp(`^${admin.name},${admin.email},admin,,active,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`)),
  ]);
});

test("a leader imports reps into the team they lead; another team's reps are refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const admin = newAccount("Owner");
  await signUp(page, admin);
  const org = orgPath(page);
  const tag = crypto.randomUUID().slice(0, 6);
  const leaderEmail = `lena.${tag}@example.test`;

  // The admin pastes two rows from a spreadsheet (tab-separated) and downloads the leader's link.
  await page.goto(`${org}/members/import`);
  await page
    .getByLabel("Or paste rows from a spreadsheet")
    .fill(`name\temail\trole\tteam\nLena Leader\t${leaderEmail}\tleader\tTeam East\nOther\tother.${tag}@example.test\tleader\tTeam West\n`);
  await page.getByRole("button", { name: "Preview the pasted rows" }).click();
  await page.getByLabel("Email each new person their invitation").uncheck();
  await page.getByRole("button", { name: "Invite 2 people, create 2 teams" }).click();
  const links = await saved(
    Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the invite links" }).click()]).then(([d]) => d),
  );
  const link = links
    .split("\r\n")
    .find((l) => l.includes(leaderEmail))!
    .split(",")
    .at(-1)!;

  // The leader joins through it.
  const context = await browser.newContext();
  const leader = await context.newPage();
  await leader.goto(link);
  await leader.getByLabel("Your name").fill("Lena Leader");
  await leader.getByLabel("Choose a password").fill("lena's long password");
  await leader.getByRole("button", { name: "Create account and join" }).click();
  await expect(leader).toHaveURL(org);

  await leader.goto(`${org}/members/import`);
  await expect(leader.getByText("Reps, into the team you lead: Team East.")).toBeVisible();
  await upload(leader, "reps.csv", `email,role,team\nmine.${tag}@example.test,rep,Team East\ntheirs.${tag}@example.test,rep,Team West\n`);
  const preview = leader.getByRole("region", { name: "Rows of the file" });
  await expect(preview.getByRole("row", { name: /theirs/ })).toContainText(
    "You import reps into Team East only: ask an admin to import people into Team West.",
  );
  await expect(leader.getByRole("alert", { name: "Import not allowed" })).toBeVisible();
  await expect(leader.getByRole("button", { name: /^Invite/ })).toHaveCount(0);
  await expectNoAxeViolations(leader);
  await leader.screenshot({ path: `${SHOTS}/people-import-leader-refused.png`, fullPage: true });

  // Their own team's reps alone are imported.
  await upload(leader, "reps.csv", `email,role,team\nmine.${tag}@example.test,rep,Team East\n`);
  await leader.getByRole("button", { name: "Invite 1 person" }).click();
  await expect(leader.getByRole("status", { name: "Import done" })).toContainText("1 person invited");
  await context.close();
});
