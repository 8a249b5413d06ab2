import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn, signOut } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { shootBothWidths } from "./support/screens";

const base = `/o/${DEMO_ORG.slug}/results`;
const [east] = DEMO_TEAMS;
const [ana, ben] = [east!.reps[0]!, east!.reps[1]!];

async function addMeasure(page: Page, name: string, unit: string, currencyCode?: string) {
  const form = page.getByRole("form", { name: "Add a measure" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Unit").selectOption(unit);
  if (currencyCode) await form.getByLabel("Currency code").fill(currencyCode);
  await form.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByRole("list", { name: "Measures" }).getByText(name, { exact: true })).toBeVisible();
}

async function upload(page: Page, text: string) {
  await page.getByLabel("Spreadsheet file (CSV)").setInputFiles({ name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

test("an admin uploads a spreadsheet's results, fixes the error row, confirms, sees them in the table and types one more", async ({ page }) => {
  test.setTimeout(150_000);
  const tag = crypto.randomUUID().slice(0, 4);
  const attainment = `Attainment ${tag}`;
  const revenue = `Revenue ${tag}`;
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);

  await page.goto(base);
  await page.getByRole("link", { name: "Measures and API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Measures and API tokens" })).toBeVisible();
  // A currency measure without its code is refused next to the field.
  const form = page.getByRole("form", { name: "Add a measure" });
  await form.getByLabel("Name").fill(revenue);
  await form.getByLabel("Unit").selectOption("currency");
  await form.getByRole("button", { name: "Add measure" }).click();
  await expect(form.getByText("A currency measure needs its currency code, like EUR or USD.")).toBeVisible();
  await form.getByLabel("Currency code").fill("eur");
  await form.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByRole("list", { name: "Measures" }).getByText(revenue, { exact: true })).toBeVisible();
  await addMeasure(page, attainment, "percent");
  await expectNoAxeViolations(page);
  await shootBothWidths(page, "results-settings");

  await page.goto(base);
  await page.getByRole("link", { name: "Upload a CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Upload results" })).toBeVisible();

  // As Excel saves "CSV UTF-8" where the decimal separator is a comma: a byte-order mark, ";", quoted fields, "87,5%".
  const good = [`${ana.email};${attainment};"87,5%"`, `${ana.email};${revenue};"1.234,50"`, `"${ben.email}";${attainment.toLowerCase()};101`];
  const withError = ["Rep email;Measure;Value", good[0], `nobody@brightwater.example;${attainment};90`, ...good.slice(1)];
  await upload(page, `\uFEFF${withError.join("\r\n")}\r\n`);
  await expect(page.getByTestId("preview-summary")).toContainText("4 rows: 3 new, 0 changed, 0 unchanged, 1 with errors.");
  await expect(page.getByRole("alert", { name: "Rows with errors" })).toBeVisible();
  const rows = page.getByRole("region", { name: "Rows of the file" });
  await expect(rows.getByRole("row", { name: /nobody@brightwater.example/ })).toContainText(
    "Nobody with the email nobody@brightwater.example is in this organisation.",
  );
  await expect(rows.getByRole("row", { name: /87,5%/ })).toContainText("read as 87.5");
  await expect(page.getByRole("button", { name: /^Save/ })).toBeDisabled();
  await expectNoAxeViolations(page);
  await shootBothWidths(page, "results-upload-preview");

  // Fixed: the bad row taken out, the same file chosen again.
  const fixed = `\uFEFF${["Rep email;Measure;Value", ...good].join("\r\n")}\r\n`;
  await upload(page, fixed);
  await expect(page.getByTestId("preview-summary")).toContainText("3 rows: 3 new, 0 changed, 0 unchanged.");
  await page.getByRole("button", { name: "Save 3 values" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved for" })).toContainText("3 new, 0 changed, 0 unchanged");

  // The same file again changes nothing, and says so.
  await page.getByRole("button", { name: "Upload another file" }).click();
  await upload(page, fixed);
  await expect(page.getByText("No changes: every value in this file is already saved.")).toBeVisible();
  await page.getByRole("button", { name: "Confirm (no changes)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No changes" })).toBeVisible();
  await page.getByRole("link", { name: "See the results" }).click();

  // The table: values in, typed with the grid's keys.
  const cell = (rep: string, measure: string) => page.getByRole("textbox", { name: `${rep}, ${measure}` });
  await expect(cell(ana.name, attainment)).toHaveValue("87.5");
  await expect(cell(ana.name, revenue)).toHaveValue("1234.5");
  await expect(cell(ben.name, attainment)).toHaveValue("101");
  await cell(ben.name, revenue).click();
  await page.keyboard.type("2500,75");
  await page.keyboard.press("Enter"); // saves and moves down
  await expect(page.getByRole("status").filter({ hasText: `Saved ${ben.name}’s ${revenue}` })).toHaveCount(1);
  await page.keyboard.press("ArrowUp");
  await expect(cell(ben.name, revenue)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(cell(ana.name, revenue)).toBeFocused();
  await page.keyboard.type("999");
  await page.keyboard.press("Escape"); // puts the saved value back
  await expect(cell(ana.name, revenue)).toHaveValue("1234.5");
  await expectNoAxeViolations(page);
  await shootBothWidths(page, "results-table");
  await page.reload();
  await expect(cell(ben.name, revenue)).toHaveValue("2500.75");
  await expect(cell(ana.name, revenue)).toHaveValue("1234.5");

  // Ana sees her own values only.
  await signOut(page);
  await signIn(page, ana.email, DEMO_PASSWORD);
  await page.goto(base);
  await expect(page.getByRole("heading", { level: 1, name: "My results" })).toBeVisible();
  await expect(page.getByText("87.5%")).toBeVisible();
  await expect(page.getByText("€1,234.50")).toBeVisible();
  expect(await page.content()).not.toContain(ben.name);
  expect(await page.content()).not.toContain("2,500.75");
  await shootBothWidths(page, "results-own");
});
