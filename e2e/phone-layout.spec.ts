import { expect, test } from "./support/test";
import type { Locator, Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { crawl, routeOf } from "./support/crawl";

/**
 * A rep on a 390 px phone reaches every page, all of its content and the navigation without sideways scrolling:
 * no page wider than the screen, and no box that scrolls sideways with content hidden in it (a frame that scrolls
 * is easy to miss: nothing says there is more). The navigation is a menu; the results are one card per behaviour.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const base = `/o/${DEMO_ORG.slug}`;
const east = DEMO_TEAMS[0]!;
const riley = east.reps[3]!; // results shared in the current cycle and the closed one (scripts/seed/demo-self-assessments.ts)
const comment = "Ask about budget before the demo, not after: your proposals will land on the first try.";

/**
 * What on the page hides content sideways: the page itself wider than the window, or a box that scrolls sideways.
 * No box is exempt on a rep's pages (a leader's wide grid and tables may scroll, with a cue; a rep never sees them).
 */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > window.innerWidth) found.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`);
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const { overflowX } = getComputedStyle(element);
      if ((overflowX === "auto" || overflowX === "scroll") && element.scrollWidth > element.clientWidth + 1) {
        const name = element.getAttribute("aria-label") ?? element.textContent!.trim().slice(0, 40);
        found.push(`<${element.localName}> "${name}" scrolls sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`);
      }
    }
    return found;
  });
}

/** Fully on screen, seen as a person sees it: scrolled to vertically only, then not cut off by the window or any box. */
async function expectOnScreen(locator: Locator) {
  await locator.evaluate((element) => window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - 120));
  await expect(locator).toBeVisible();
  await expect(locator).toBeInViewport({ ratio: 1 });
}

test("every page a rep can reach fits a phone: nothing is only reachable by scrolling sideways", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, riley.email, DEMO_PASSWORD);
  const problems: string[] = [];
  const routes = new Set<string>();
  const check = async (url: string) => {
    routes.add(routeOf(new URL(url, "http://x").pathname) ?? url);
    for (const problem of await sidewaysOverflow(page)) problems.push(`${url}: ${problem}`);
    await expectNoAxeViolations(page);
  };
  for (const url of ["/o", "/account"]) {
    await page.goto(url);
    await check(url);
  }
  await crawl(page, base, base, check, 2);
  // The crawl reached every page of a rep's (a page it missed would go unchecked).
  expect([...routes]).toEqual(
    expect.arrayContaining([
      "/account",
      "/o/[slug]",
      "/o/[slug]/self-assessment",
      "/o/[slug]/framework",
      "/o/[slug]/reps/[repId]",
      "/o/[slug]/reps/[repId]/coaching",
      "/o/[slug]/reps/[repId]/report",
    ]),
  );
  expect(problems).toEqual([]);
});

test("on a phone the navigation is a menu: it opens, reaches the Framework page and closes", async ({ page }) => {
  await signIn(page, riley.email, DEMO_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Organisation" });
  const menu = nav.getByRole("button", { name: "Menu" });
  const framework = nav.getByRole("link", { name: "Framework" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(framework).toBeHidden();

  // By keyboard: Enter opens, Tab reaches the sections, Escape closes and puts focus back on the button.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Overview" })).toBeFocused();
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(framework).toBeHidden();

  // By touch: every section is on screen once the menu is open; choosing one goes there and closes the menu.
  await menu.tap();
  for (const link of await nav.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/phone-menu-open.png" });
  await framework.tap();
  await page.waitForURL(new RegExp(`${base}/framework$`));
  await expect(page.getByRole("heading", { level: 1, name: "Framework" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toContainText("Framework");
  await menu.tap();
  await expect(framework).toHaveAttribute("aria-current", "page");

  // A tap outside the open menu closes it.
  await page.getByRole("heading", { level: 1 }).tap();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("on a phone a rep's results show each gap and the leader's comment on screen", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Marcus comments on Riley's first behaviour (a desktop, where the baseline page has the comment button).
  const leaderContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const leader = await leaderContext.newPage();
  await signIn(leader, east.leader.email, DEMO_PASSWORD);
  await leader.goto(`${base}/grid`);
  await leader.getByRole("link", { name: riley.name }).first().click();
  await leader.waitForURL(/\/reps\/[0-9a-f-]{36}$/);
  const baseline = new URL(leader.url()).pathname;
  await leader
    .getByRole("button", { name: /^(Add|Edit) comment on / })
    .first()
    .click();
  const dialog = leader.getByRole("dialog");
  await dialog.getByLabel("Comment").fill(comment);
  await dialog.getByRole("button", { name: "Save comment" }).click();
  await expect(dialog).toBeHidden();
  await leaderContext.close();

  await signIn(page, riley.email, DEMO_PASSWORD);
  for (const url of [base, baseline]) {
    await page.goto(url);
    const results = page.getByRole("region", { name: /self, leader and gap per behaviour/ });
    const rows = results.getByRole("row").filter({ has: page.getByRole("rowheader") });
    // The dashboard streams in behind its loading skeleton: wait for the table before counting its rows.
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(1);
    for (const row of await rows.all()) {
      // Self, leader, gap: the gap shown is self minus leader, and it is on screen.
      const [self, leaderScore, gap] = await Promise.all([0, 1, 2].map((i) => row.getByRole("cell").nth(i).innerText()));
      const number = (text: string) => Number(text.match(/\d/)?.[0]);
      const expected = /\d/.test(self!) && /\d/.test(leaderScore!) ? number(self!) - number(leaderScore!) : null;
      await expectOnScreen(row.getByRole("cell").nth(2));
      if (expected !== null) expect(gap!.replace(/^Gap\s*/i, "")).toBe(expected > 0 ? `+${expected}` : expected < 0 ? `\u2212${-expected}` : "0");
    }
    await expectOnScreen(results.getByText(comment));
    await expect(results.getByText(comment)).toHaveCount(1);
    await page.screenshot({ path: `test-results/screens/phone-results-${url === base ? "dashboard" : "baseline"}.png` });
  }
});
