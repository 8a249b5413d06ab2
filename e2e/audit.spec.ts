import fs from "node:fs";
import { expect, test } from "./support/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

test("an admin reads the audit log, filters it and downloads the organisation's data", async ({ page }) => {
  const account = newAccount("Auditor");
  await signUp(page, account);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const renamed = `${account.organisationName} Renamed`;
  await page.goto(`/o/${slug}/settings`);
  await page.getByLabel("Organisation name").fill(renamed);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  await page.goto(`/o/${slug}/audit`);
  const log = page.getByRole("table", { name: /Audit log/ });
  await expect(log.getByRole("row")).toHaveCount(3); // header, rename, sign-up
  await expect(log.getByRole("row").nth(1)).toContainText(`${account.name} renamed the organisation to ${renamed}`);
  await expect(log.getByRole("row").nth(2)).toContainText(`${account.name} created the organisation ${account.organisationName}`);

  // The recorded change opens from the keyboard.
  await log.getByText("Details").first().focus();
  await page.keyboard.press("Enter");
  await expect(log.getByText(`"name": "${renamed}"`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Action").selectOption({ label: "Organisation created" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=account\.signUp/);
  await expect(log.getByRole("row")).toHaveCount(2);
  await expect(log).toContainText(`${account.name} created the organisation`);

  await page.getByLabel("From", { exact: true }).fill("2001-01-02");
  await page.getByLabel("To", { exact: true }).fill("2001-01-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "date is after" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(log.getByRole("row")).toHaveCount(3);
  await expect(page.getByLabel("Action")).toHaveValue("");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export all data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-export-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const text = fs.readFileSync((await download.path())!, "utf8");
  const data = JSON.parse(text) as { format: string; organisation: { slug: string; name: string }; tables: Record<string, unknown[]> };
  expect(data).toMatchObject({ format: "coachgrid-export", organisation: { slug, name: renamed } });
  // Sign-up, the settings change, and the export itself (recorded before the data is read).
  expect(data.tables.audit_events!.map((e) => (e as { action: string }).action).sort()).toEqual([
    "account.signUp",
    "organisation.export",
    "organisation.updateSettings",
  ]);
  expect(text).not.toContain("$argon2");
});

test("leaders get forbidden for the audit log and the export", async ({ page }) => {
  await signIn(page, DEMO_TEAMS[0]!.leader.email, DEMO_PASSWORD);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const response = await page.goto(`/o/${DEMO_ORG.slug}/audit`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available for your role" })).toBeVisible();
  expect((await page.request.get(`/o/${DEMO_ORG.slug}/export`)).status()).toBe(403);
});
