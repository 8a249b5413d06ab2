import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { parseCsv } from "../tests/support/parse-csv";

const [east] = DEMO_TEAMS;
const VIEWS = [
  { view: "leader", grid: "Leader ratings", option: "Leader ratings" },
  { view: "self", grid: "Self ratings", option: "Self ratings" },
  { view: "gap", grid: "Gap (self − leader)", option: "Gap (self − leader)" },
  { view: "change", grid: /^Change since /, option: "Change since previous cycle" },
] as const;

/** A number as the grid prints it ("+2", "−1.0", "3.5") or as the CSV writes it ("2", "-1"); blanks are null. */
function toNumber(text: string): number | string | null {
  const t = text.trim().replace("−", "-").replace(/^\+/, "");
  if (t === "" || t === "·" || t === "—") return null;
  if (t === "hidden") return "hidden";
  return Number(t);
}

/** What the grid shows: per rep row, the name and the behaviour cells and average; then the team row. */
async function screenRows(page: Page) {
  return page.getByRole("grid").evaluate((grid) => {
    const rows = [...grid.querySelectorAll("tbody tr[role=row], tfoot tr[role=row]")];
    return rows.map((tr) => {
      const header = tr.querySelector("th")!;
      const name = (header.querySelector("a")?.textContent ?? header.textContent ?? "").trim();
      const cells = [...tr.querySelectorAll("td[role=gridcell]")].slice(1).map((td) => (td.textContent ?? "").replace("✓", "").trim());
      return { name, cells };
    });
  });
}

test("a leader switches views, downloads each as CSV with the numbers on screen, and axe passes", async ({ page }) => {
  test.setTimeout(120_000); // every view, a download and an axe scan each: about 40 s on a busy machine
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  for (const { view, grid, option } of VIEWS) {
    await page.getByLabel("View").selectOption({ label: option });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(new RegExp(`view=${view}`));
    const table = page.getByRole("grid", { name: grid });
    await expect(table).toBeVisible();
    await expect(table.getByRole("rowheader").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `test-results/screens/grid-${view}.png`, fullPage: true });

    if (view !== "leader") {
      // Read-only: typing a score says so and changes nothing.
      await table.getByRole("gridcell").nth(1).click();
      await page.keyboard.press("3");
      await expect(page.getByText(/view is read-only/)).toBeVisible();
    }

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${DEMO_ORG.slug}-.+-${view}\\.csv$`));
    const csv = parseCsv((await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, ""));
    const [header, ...body] = csv;
    expect(header![0]).toBe("Rep");
    const screen = await screenRows(page);
    // Rep rows, then the average rows the page shows (the team's, then the organisation's), in the same order (the
    // CSV keeps the loader's order: by name).
    expect(body.length).toBe(screen.length);
    for (const [i, line] of body.entries()) {
      const shown = screen[i]!;
      if (i < body.length - 2) expect(shown.name, view).toBe(line[0]);
      expect(shown.cells.map(toNumber), `${view}: ${line[0]}`).toEqual(line.slice(2).map(toNumber));
    }
  }
});

test("participation: statuses, a reminder link, and the rep's name links to their baseline", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  const grid = page.getByRole("grid", { name: "Leader ratings" });
  await expect(grid.getByRole("columnheader", { name: /Self-assessment/ })).toBeVisible();
  await expect(grid.getByRole("gridcell", { name: /^(Not started|Draft|Submitted|Shared)/ }).first()).toBeVisible();

  const remind = grid.getByRole("button", { name: /^Copy reminder link for / });
  if ((await remind.count()) > 0) {
    await remind.first().click();
    await expect(page.getByText(/Reminder link for .* copied/)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/o/${DEMO_ORG.slug}/self-assessment`, page.url()).toString());
  }

  const first = grid.getByRole("rowheader").first().getByRole("link");
  const href = await first.getAttribute("href");
  expect(href).toMatch(new RegExp(`^/o/${DEMO_ORG.slug}/reps/[0-9a-f-]{36}$`));
  // Enter on the focused row header follows the link.
  await grid.getByRole("rowheader").first().click();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === href);
});

test("printing renders every row in a plain table, landscape", async ({ page }) => {
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid?view=gap`);
  await expect(page.getByRole("grid")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const printed = page.locator("table:not([role=grid])");
  await expect(printed).toBeVisible();
  await expect(printed.locator("tbody tr")).toHaveCount(east!.reps.length);
  await expect(page.getByRole("grid")).toBeHidden();
  await expect(page.getByRole("form", { name: "Choose the grid" })).toBeHidden();
  await page.screenshot({ path: "test-results/screens/grid-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
});
