import fs from "node:fs";
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";
import { sources } from "./support/sources";

const base = `/o/${DEMO_ORG.slug}`;
const east = DEMO_TEAMS[0]!;
// The demo leaves this rep's current self-assessment submitted, rated by the leader and not shared
// (scripts/seed/demo-self-assessments.ts).
const rep = east.reps[2]!;
const SHOTS = process.env.REPORT_SHOTS ?? "test-results/screens";

/** A full-page picture of the page as it prints (print media emulated). */
async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** What the printed page says, with print media emulated: the text a PDF of it holds. */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: "print" });
  return page.locator("body").innerText();
}

/** A PDF of the page as Chromium prints it (A4), and its number of pages. */
async function pdfPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** The copy as it prints: clean, accessible, pictured, and a PDF of one to three A4 pages. Returns its pages. */
async function checkPrint(page: Page, repName: string, name: string): Promise<number> {
  await expectCleanPrint(page, repName);
  await expectNoAxeViolations(page);
  await shot(page, name);
  const pages = await pdfPages(page);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  return pages;
}

/** In print: no app header or navigation, no button, no back link; the document itself is there. */
async function expectCleanPrint(page: Page, repName: string) {
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: repName })).toBeVisible();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Organisation" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  // Nothing to press or pick on paper: every button, select and text field is hidden (the plans' ticks stay).
  const controls = page.locator("button, select, input:not([type=checkbox]):not([type=hidden]), textarea");
  expect(
    await controls.evaluateAll((all) => all.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.outerHTML.slice(0, 80))),
  ).toEqual([]);
}

test("a rep prints their report with nothing unshared; the same probe finds the leader's side in the leader's copy", async ({ browser }) => {
  test.setTimeout(180_000);
  const tag = crypto.randomUUID();
  const unsharedComment = `UNSHARED-COMMENT-${tag}`;
  const privateNote = `PRIVATE-NOTE-${tag}`;
  const sharedNote = `SHARED-NOTE-${tag}`;

  // The leader comments on the rep's (unshared) current-cycle rating and writes a shared and a private note.
  const leaderContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const coach = await leaderContext.newPage();
  await signIn(coach, east.leader.email, DEMO_PASSWORD);
  await coach.goto(`${base}/coaching`);
  await coach.getByRole("link", { name: rep.name }).first().click();
  await coach.waitForURL(/\/reps\/[0-9a-f-]{36}\/coaching$/);
  await expect(coach.getByRole("heading", { level: 1, name: rep.name })).toBeVisible();
  const coachingUrl = new URL(coach.url()).pathname;
  const form = coach.getByRole("form", { name: "New 1:1 note" });
  await form.getByLabel("Note").fill(`Agreed next steps. ${sharedNote}`);
  await form.getByRole("checkbox", { name: new RegExp(`Share with ${rep.name}`) }).check();
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(coach.getByText(`Note saved and shared with ${rep.name}.`)).toBeVisible();
  await form.getByLabel("Note").fill(`Only for me: ${privateNote}`);
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(coach.getByText("Private note saved.")).toBeVisible();

  await coach.getByRole("link", { name: "Baseline", exact: true }).click();
  await coach.waitForURL(/\/reps\/[0-9a-f-]{36}$/);
  await expect(coach.getByText(`Self-assessment: Submitted`)).toBeVisible(); // not shared yet
  await coach
    .getByRole("button", { name: /^(Add|Edit) comment on / })
    .first()
    .click();
  const dialog = coach.getByRole("dialog");
  await dialog.getByLabel("Comment").fill(`Strong openings. ${unsharedComment}`);
  await dialog.getByRole("button", { name: "Save comment" }).click();
  await expect(dialog).toBeHidden();

  // The leader's copy, reached from the baseline: their side, marked as not yet shared; no private note.
  await coach.getByRole("link", { name: "Printable report" }).click();
  await coach.waitForURL(/\/report\?cycle=/);
  await expect(coach.getByRole("heading", { level: 1, name: rep.name })).toBeVisible();
  await expect(coach.getByTestId("leader-score").first()).toBeVisible();
  const reportUrl = new URL(coach.url()).pathname + new URL(coach.url()).search;
  expect(reportUrl).toMatch(new RegExp(`^${base}/reps/[0-9a-f-]{36}/report\\?cycle=[0-9a-f-]{36}$`));
  // The title names rep and cycle ("Save as PDF" suggests it as the file name), from the route's metadata, after a
  // client-side navigation too. One load per request, shared by the metadata and the page: the loader's 14 queries
  // (tests/integration/rep-report.test.ts), the organisation switcher, and the layout's organisation scope.
  await expect(coach).toHaveTitle(new RegExp(`^Coaching report · ${rep.name} · \\S.* · Coachgrid$`));
  expect(await countPageQueries(coach, reportUrl)).toEqual({ status: 200, queries: 16 });
  await expect(coach.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
  await expectNoAxeViolations(coach);
  const leaderText = await printedText(coach);
  expect(leaderText).toContain(unsharedComment);
  expect(leaderText).toContain(sharedNote);
  expect(leaderText).not.toContain(privateNote);
  expect(leaderText).toContain(`Not yet shared with ${rep.name}.`);
  expect(leaderText).toContain("Private 1:1 notes are never printed on a report");
  for (const label of ["Blind spot", "Hidden strength", "Agreed weakness", "Agreed strength", "Aligned"]) expect(leaderText).toContain(label);
  const leaderPages = await checkPrint(coach, rep.name, "report-leader-print");
  for (const [source, text] of Object.entries(await sources(coach, reportUrl))) {
    expect(text.includes(unsharedComment), `leader's ${source}`).toBe(true);
    expect(text.includes('data-testid="leader-score"') || text.includes('"data-testid":"leader-score"'), `leader's ${source}`).toBe(true);
    expect(text.includes(privateNote), `leader's ${source}`).toBe(false);
  }
  // The private note exists: the same probe finds it on its author's coaching page.
  expect((await sources(coach, coachingUrl)).html).toContain(privateNote);
  // Loaded afresh, the report has its title in the page's head; leaving it by a link, the next page has its own.
  await coach.emulateMedia({ media: "screen" }); // checkPrint left it printing
  await coach.goto(reportUrl);
  await expect(coach).toHaveTitle(new RegExp(`^Coaching report · ${rep.name} · `));
  await coach.getByRole("link", { name: `← ${rep.name}'s baseline` }).click();
  await coach.waitForURL(/\/reps\/[0-9a-f-]{36}$/);
  await expect(coach).toHaveTitle("Baseline · Coachgrid");

  // The rep, from their dashboard: "Print my report".
  const repContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const mine = await repContext.newPage();
  await signIn(mine, rep.email, DEMO_PASSWORD);
  await mine.goto(base);
  await mine.getByRole("link", { name: "Print my report" }).click();
  await mine.waitForURL(/\/report$/);
  await expect(mine.getByRole("heading", { level: 1, name: rep.name })).toBeVisible();
  const myUrl = new URL(mine.url()).pathname;
  expect(myUrl).toBe(reportUrl.split("?")[0]);
  await expectNoAxeViolations(mine);
  const repText = await printedText(mine);
  expect(repText).toContain(sharedNote);
  expect(repText).not.toContain(unsharedComment);
  expect(repText).not.toContain(privateNote);
  expect(repText).not.toContain("Not yet shared with");
  expect(repText).toContain("Your leader's scores, comments, gaps and labels appear on this report once they share your results.");
  await expect(mine.getByTestId("leader-score")).toHaveCount(0);
  const repPages = await checkPrint(mine, rep.name, "report-rep-print");
  console.log(`PDF pages (A4): leader's copy ${leaderPages}, rep's copy ${repPages}`);
  // Page source, HTML and RSC payload, the default cycle and the one the leader printed: nothing unshared.
  for (const url of [myUrl, reportUrl]) {
    for (const [source, text] of Object.entries(await sources(mine, url))) {
      expect(text.includes(sharedNote), `rep's ${source} of ${url}`).toBe(true);
      expect(text.includes(unsharedComment), `rep's ${source} of ${url}`).toBe(false);
      expect(text.includes(privateNote), `rep's ${source} of ${url}`).toBe(false);
      expect(text.includes('data-testid="leader-score"') || text.includes('"data-testid":"leader-score"'), `rep's ${source} of ${url}`).toBe(false);
    }
  }

  // Another rep of the team may not open it (tests/integration/rep-report.test.ts pins the queries).
  const otherRep = await browser.newContext();
  const other = await otherRep.newPage();
  await signIn(other, east.reps[0]!.email, DEMO_PASSWORD);
  expect((await countPageQueries(other, myUrl)).status).toBe(403);

  await leaderContext.close();
  await repContext.close();
  await otherRep.close();
});

test("the baseline page still prints cleanly, and links to the report", async ({ page }) => {
  await signIn(page, east.leader.email, DEMO_PASSWORD);
  await page.goto(`${base}/coaching`);
  await page.getByRole("link", { name: east.reps[3]!.name }).first().click();
  await page.waitForURL(/\/reps\/[0-9a-f-]{36}\/coaching$/);
  await page.getByRole("link", { name: "Baseline", exact: true }).click();
  await page.waitForURL(/\/reps\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Printable report" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("link", { name: "Printable report" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: east.reps[3]!.name })).toBeVisible();
  expect(await pdfPages(page)).toBeGreaterThanOrEqual(1);
  await shot(page, "baseline-leader-print");
});
