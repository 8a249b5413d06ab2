import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";

const [east] = DEMO_TEAMS;
const lastRep = east!.reps.at(-1)!; // the demo leaves this rep unrated in the current cycle

function averageOf(page: Page, label: RegExp) {
  return page.getByRole("gridcell", { name: label });
}

test("a leader rates a rep with the keyboard only; averages follow; a reload keeps the scores", async ({ page }) => {
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  const grid = page.getByRole("grid", { name: "Leader ratings" });
  await expect(grid).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/grid.png", fullPage: true });

  // One tab stop: Tab lands on the grid's active cell; arrows move from there.
  await page.getByLabel("is scored").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator('[role="grid"] :focus')).toHaveCount(1);
  await page.keyboard.press("Control+Home");
  const rowIndex = east!.reps
    .map((r) => r.name)
    .sort()
    .indexOf(lastRep.name);
  for (let i = 0; i < rowIndex; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight"); // the self-assessment status
  await page.keyboard.press("ArrowRight"); // the first behaviour
  const first = page.locator('[role="grid"] :focus');
  await expect(first).toHaveAttribute("aria-label", new RegExp(`^${lastRep.name}, .*: not rated$`));
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: no ratings yet$`))).toBeVisible();

  await page.keyboard.press("4");
  await expect(first).toHaveAttribute("aria-label", new RegExp(`^${lastRep.name}, .*: 4$`));
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.0, from 1 rating$`))).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("2");
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 3.0, from 2 ratings$`))).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.0, from 1 rating$`))).toBeVisible();
  await page.keyboard.press("5");
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.5, from 2 ratings$`))).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toHaveText(/Saved: .*: 5\./);

  await page.reload();
  await expect(averageOf(page, new RegExp(`^${lastRep.name}, average: 4.5, from 2 ratings$`))).toBeVisible();
  await expect(page.getByRole("gridcell", { name: new RegExp(`^${lastRep.name}, .*: 4$`) })).toHaveCount(1);
  await expect(page.getByRole("gridcell", { name: new RegExp(`^${lastRep.name}, .*: 5$`) })).toHaveCount(1);
});

test("column headers sort with Enter and a click: names A to Z first, scores high to low first with unrated last, then back", async ({ page }) => {
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  const grid = page.getByRole("grid", { name: "Leader ratings" });
  const names = () => grid.locator("tbody th[role=rowheader] a").allTextContents();
  // Per rep row, the behaviour cells' text ("·": not rated).
  const scores = () =>
    grid
      .locator("tbody tr[role=row]")
      .evaluateAll((rows) =>
        rows.map((tr) => [...tr.querySelectorAll("td[role=gridcell]")].slice(1, -1).map((td) => td.textContent!.replace("✓", "").trim())),
      );
  await expect(grid.locator("tbody th[role=rowheader]")).toHaveCount(east!.reps.length);
  const loaded = await names();
  const byName = [...loaded].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));

  await page.getByLabel("is scored").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("ArrowUp"); // the "Rep" header
  const rep = grid.getByRole("columnheader", { name: "Rep" });
  await page.keyboard.press("Enter");
  await expect(rep).toHaveAttribute("aria-sort", "ascending");
  expect(await names()).toEqual(byName);
  await page.keyboard.press("Enter");
  await expect(rep).toHaveAttribute("aria-sort", "descending");
  expect(await names()).toEqual([...byName].reverse());
  await page.keyboard.press("Enter");
  await expect(rep).toHaveAttribute("aria-sort", "none");
  expect(await names()).toEqual(loaded);

  // A behaviour with rated and unrated reps: high to low first, then low to high; the unrated stay last both ways.
  const loadedScores = await scores();
  const j = loadedScores[0]!.findIndex((_, j) => loadedScores.some((r) => r[j] === "·") && loadedScores.filter((r) => r[j] !== "·").length >= 2);
  expect(j).toBeGreaterThanOrEqual(0);
  for (let k = 0; k < j + 2; k++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  const behaviour = grid.getByRole("columnheader").nth(j + 2);
  await expect(behaviour).toHaveAttribute("aria-sort", "descending");
  const column = async () => (await scores()).map((r) => r[j]!);
  const rated = (list: string[]) => list.filter((s) => s !== "·").map(Number);
  const down = await column();
  expect(rated(down)).toEqual([...rated(down)].sort((a, b) => b - a));
  expect(down.slice(rated(down).length)).toEqual(down.filter((s) => s === "·"));
  await behaviour.click();
  await expect(behaviour).toHaveAttribute("aria-sort", "ascending");
  const up = await column();
  expect(rated(up)).toEqual([...rated(up)].sort((a, b) => a - b));
  expect(up.slice(rated(up).length)).toEqual(up.filter((s) => s === "·"));
});

test("a rep cannot open the grid", async ({ page }) => {
  await signIn(page, east!.reps[0]!.email, DEMO_PASSWORD);
  const response = await page.goto(`/o/${DEMO_ORG.slug}/grid`);
  expect(response?.status()).toBe(403);
});

/** A rep's first behaviour cell on the leader grid: its locator (by the rep and behaviour), the behaviour, its score. */
async function firstCell(page: Page, rep: string) {
  const any = page.getByRole("gridcell", { name: new RegExp(`^${rep}, (?!average)[^:]+: `) }).first();
  const label = (await any.getAttribute("aria-label"))!;
  const [, behaviour, value] = /^[^,]+, ([^:]+): (\d|not rated)/.exec(label)!;
  const cell = page.getByRole("gridcell", { name: new RegExp(`^${rep}, ${behaviour}: `) });
  return { cell, behaviour: behaviour!, score: value === "not rated" ? null : Number(value) };
}

test("a save that gets no answer says it failed, not a conflict; the cell keeps the value until a retry saves it", async ({ page }) => {
  const rep = east!.reps[0]!.name;
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  const gridPath = `/o/${DEMO_ORG.slug}/grid`;
  await page.goto(gridPath);
  await expect(page.getByRole("grid", { name: "Leader ratings" })).toBeVisible();
  const { cell, behaviour, score } = await firstCell(page, rep);
  const typed = score === 5 ? 1 : 5;
  const average = averageOf(page, new RegExp(`^${rep}, average: `));
  const averageBefore = await average.getAttribute("aria-label");

  // The network drops the save (the server action's POST to the page).
  const saves = (url: URL) => url.pathname === gridPath;
  await page.route(saves, (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
  await cell.click();
  await page.keyboard.press(String(typed));
  const failure = page.getByText(`Couldn't save ${rep} · ${behaviour}: ${typed}`);
  await expect(failure).toBeVisible();
  await expect(page.getByText("Check your connection, then try again. The cell keeps your value, marked not saved.")).toBeVisible();
  await expect(cell).toHaveAttribute("aria-label", `${rep}, ${behaviour}: ${typed}, not saved: press Enter to try again`);
  await expect(page.getByText(/Someone else/)).toHaveCount(0);
  await expect(average).toHaveAttribute("aria-label", averageBefore!);
  // The toast stays until the save is tried again (a toast of its own closes after four seconds).
  await page.waitForTimeout(6_000);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  // The server fails (500): the toast's "Try again" fails the same way; the value stays.
  await page.unroute(saves);
  let failed = 0;
  await page.route(saves, (route) => {
    if (route.request().method() !== "POST") return route.continue();
    failed += 1;
    return route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" });
  });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect.poll(() => failed).toBe(1);
  await expect(failure).toHaveCount(1); // the first toast leaves as the retry's arrives
  await expect(failure).toBeVisible();
  await expect(cell).toHaveAttribute("aria-label", `${rep}, ${behaviour}: ${typed}, not saved: press Enter to try again`);
  await expect(page.getByText(/Someone else/)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/grid-save-failed.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await cell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/grid-save-failed-390.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Back online: Enter on the cell saves it; the average moves and the failure goes.
  await page.unroute(saves);
  await cell.click();
  await page.keyboard.press("Enter");
  await expect(cell).toHaveAttribute("aria-label", `${rep}, ${behaviour}: ${typed}`);
  await expect(page.getByRole("status").filter({ hasText: "Saved:" })).toHaveText(`Saved: ${rep}, ${behaviour}: ${typed}.`);
  await expect(failure).toHaveCount(0);
  await expect(average).not.toHaveAttribute("aria-label", averageBefore!);
  await page.reload();
  await expect(cell).toHaveAttribute("aria-label", `${rep}, ${behaviour}: ${typed}`);
});

test("a save over someone else's newer value says so and shows theirs", async ({ page, context }) => {
  const rep = east!.reps[1]!.name;
  await signIn(page, east!.leader.email, DEMO_PASSWORD);
  const other = await context.newPage();
  for (const p of [page, other]) {
    await p.goto(`/o/${DEMO_ORG.slug}/grid`);
    await expect(p.getByRole("grid", { name: "Leader ratings" })).toBeVisible();
  }
  const mine = await firstCell(page, rep);
  const theirs = await firstCell(other, rep);
  const [their, my] = mine.score === 1 ? [2, 3] : mine.score === 2 ? [1, 3] : [1, 2];

  await theirs.cell.click();
  await other.keyboard.press(String(their));
  await expect(other.getByRole("status").filter({ hasText: "Saved:" })).toHaveText(`Saved: ${rep}, ${theirs.behaviour}: ${their}.`);

  await mine.cell.click();
  await page.keyboard.press(String(my));
  await expect(
    page.getByText(`Someone else just set ${rep} · ${mine.behaviour} to ${their}. The grid now shows their value.`, { exact: true }),
  ).toBeVisible();
  await expect(mine.cell).toHaveAttribute("aria-label", `${rep}, ${mine.behaviour}: ${their}, not saved`);
  await expect(page.getByText(/Couldn't save/)).toHaveCount(0);
});
