import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { expectNoAxeViolations } from "./support/axe";
import { crawl, pageRoutes, routeOf } from "./support/crawl";

/**
 * axe on every page of the app (no rule disabled, nothing excluded), as every role that may see it: the admin,
 * a leader and a rep crawl the demo organisation from its home page; signed-out pages and link pages (an
 * unknown token) are visited directly. The browser must report no Content-Security-Policy violation meanwhile.
 * Every page route under app/ must have been checked.
 */
const checked = new Set<string>();
const cspViolations: string[] = [];

function watchCsp(page: Page) {
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
}

async function check(page: Page, url: string) {
  await expectNoAxeViolations(page);
  checked.add(routeOf(new URL(url, "http://x").pathname)!);
}

test.describe.configure({ mode: "serial" });

test("signed-out pages and link pages", async ({ page }) => {
  test.setTimeout(90_000); // an axe scan per page: over 20 s on a busy machine
  watchCsp(page);
  const tokenRoutes = pageRoutes().filter((r) => r.includes("[token]"));
  const urls = [
    "/",
    "/login",
    "/signup",
    "/forgot-password",
    "/account-deleted",
    ...tokenRoutes.map((r) => r.replace("[slug]", DEMO_ORG.slug).replace("[token]", "not-a-real-token")),
  ];
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await check(page, url);
  }
  expect(cspViolations).toEqual([]);
});

const people = [
  ["admin", DEMO_ADMIN.email],
  ["leader", DEMO_TEAMS[0]!.leader.email],
  ["rep", DEMO_TEAMS[0]!.reps[0]!.email],
] as const;

for (const [role, email] of people) {
  test(`every page the ${role} can reach`, async ({ page }) => {
    test.setTimeout(300_000);
    watchCsp(page);
    await signIn(page, email, DEMO_PASSWORD);
    // An address-change link opens signed in (signed out, the sign-in page comes first).
    for (const url of ["/o", "/account", "/account/confirm-email/not-a-real-token"]) {
      await page.goto(url);
      await check(page, url);
    }
    const visited = await crawl(page, `/o/${DEMO_ORG.slug}`, `/o/${DEMO_ORG.slug}`, (url) => check(page, url), 1);
    expect(visited.length).toBeGreaterThan(1);
    expect(cspViolations).toEqual([]);
  });
}

test("covered every page route", () => {
  expect([...checked].sort()).toEqual(pageRoutes());
});
