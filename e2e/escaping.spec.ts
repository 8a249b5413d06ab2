import { expect, test } from "./support/test";
import { DEMO_PASSWORD } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";
import { crawl, pageRoutes, routeOf } from "./support/crawl";

/**
 * Stored `<script>` and `"><img onerror>` payloads in every free-text column (a copy of the demo organisation
 * made by a test hook, so other specs keep the real one) render as text on every page each role can reach:
 * no dialog fires and no element of the payload exists in the page.
 */
test("HTML stored in every free-text field renders as text on every page, for every role", async ({ page, request }) => {
  test.setTimeout(300_000);
  const org = (await (await request.post("/api/test/escaping-organisation")).json()) as {
    slug: string;
    columns: string[];
    members: { email: string; role: string }[];
  };
  // The hook reaches the free-text columns of every feature (generic over the schema); these are a sample.
  expect(org.columns).toEqual(
    expect.arrayContaining(["users.name", "teams.name", "behaviours.description", "ratings.comment", "organisations.name"]),
  );

  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  const visited = new Set<string>();
  let payloadShownAsText = 0;
  for (const role of ["admin", "leader", "rep"]) {
    const member = org.members.find((m) => m.role === role)!;
    await page.context().clearCookies();
    await signIn(page, member.email, DEMO_PASSWORD);
    const urls = await crawl(page, `/o/${org.slug}`, `/o/${org.slug}`, async (url) => {
      expect(await page.locator("[data-xss]").count(), `injected element on ${url} (${role})`).toBe(0);
      if ((await page.locator("body").innerText()).includes("<script data-xss>")) payloadShownAsText += 1;
      if (url === `/o/${org.slug}/grid` && role === "leader")
        await page.screenshot({ path: "test-results/screens/escaping-grid-leader.png", fullPage: true });
    });
    for (const url of urls) visited.add(routeOf(new URL(url, "http://x").pathname)!);
  }
  expect(dialogs).toEqual([]);
  expect(payloadShownAsText, "the payload should be visible as text").toBeGreaterThan(0);
  const memberPages = pageRoutes().filter((r) => r.startsWith("/o/[slug]") && !/\/(join|check-in)\//.test(r));
  expect([...visited].sort()).toEqual(expect.arrayContaining(memberPages));
});
