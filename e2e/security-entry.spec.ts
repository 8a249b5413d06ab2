import { expect, test } from "./support/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { actionId, actionResult, gridCells } from "../scripts/bench/app";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";

/**
 * What anyone can send by hand to the app's entry points, over real HTTP against the production build: the sign-in
 * redirect, malformed calls Next.js or the chain used to answer with a 500, the benchmark's page and action (absent
 * outside `npm run bench`), and the per-request script nonce of the Content-Security-Policy.
 */
const SLUG = DEMO_ORG.slug;
const LEADER = DEMO_TEAMS[0]!.leader;
const REP = DEMO_TEAMS[0]!.reps[0]!;

/** Every security header the app sets, on any answer (a refusal included). */
function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

async function signInThroughForm(page: Page, email: string, next?: string) {
  await page.goto(next === undefined ? "/login" : `/login?next=${next}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** The session cookie of a person, signed in through next-auth's endpoint. */
async function sessionOf(request: APIRequestContext, email: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" } });
  const state = await request.storageState();
  const session = state.cookies.find((c) => c.name === "next-auth.session-token");
  if (!session) throw new Error(`sign-in as ${email} failed`);
  return `${session.name}=${session.value}`;
}

/** A server action sent the way the browser sends it; the HTTP status and the outcome it carries. */
async function postAction(request: APIRequestContext, baseURL: string, page: string, id: string, body: string, cookie: string) {
  const response = await request.post(page, {
    headers: { Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", "Next-Action": id, Origin: baseURL, Cookie: cookie },
    data: body,
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), outcome: actionResult(text), headers: response.headers() };
}

test.describe("the page after sign-in stays on this site", () => {
  // The browser's URL parser drops tab, CR and LF and reads `\` as `/`: each of these once led to evil.example.
  const bypasses = [
    "%2F%09%2Fevil.example%2F",
    "%2F%0A%2Fevil.example%2F",
    "%2F%0D%2Fevil.example%2F",
    "%2F%5Cevil.example",
    "%2F.%2F%2Fevil.example",
    "https%3A%2Fevil.example",
    "javascript%3Aalert(1)",
  ];
  for (const next of bypasses) {
    test(`next=${next} lands on the app`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      await context.route(
        (url) => url.hostname === "evil.example",
        (route) => route.fulfill({ status: 200, body: "evil" }),
      );
      const page = await context.newPage();
      await signInThroughForm(page, DEMO_ADMIN.email, next);
      await page.waitForLoadState("load");
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await context.close();
    });
  }

  test("a path on this site is kept", async ({ page }) => {
    await signInThroughForm(page, DEMO_ADMIN.email, encodeURIComponent(`/o/${SLUG}/members?x=1`));
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/o/${SLUG}/members?x=1`);
  });
});

test.describe("malformed requests get a refusal, never a 500", () => {
  test("broken percent-encoding in a path: 400 with the security headers", async ({ request }) => {
    for (const path of ["/o/x/join/%E0", `/o/${SLUG}/reps/%E0`, "/o/x/check-in/%C0%AF"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expectSecurityHeaders(response.headers(), path);
    }
  });

  test("an action whose second argument is not form data, signed out (forged cookie), signed in, and a public one", async ({ request, baseURL }) => {
    const cookie = await sessionOf(request, DEMO_ADMIN.email);
    const settings = actionId("lib/organisations/actions.ts", "updateOrganisationSettings");
    for (const who of [cookie, "next-auth.session-token=forged"]) {
      const answer = await postAction(request, baseURL!, `/o/${SLUG}/settings`, settings, JSON.stringify([SLUG, {}, "x"]), who);
      expect(answer.status).toBe(200);
      expect(answer.outcome?.status).toBe("error");
    }
    const signUp = await postAction(request, baseURL!, "/signup", actionId("lib/accounts/actions.ts", "signUp"), JSON.stringify([{}, "x"]), "");
    expect(signUp).toMatchObject({ status: 200, outcome: { status: "error", code: "invalid" } });
  });

  test("a NUL byte in the organisation slug of an action or a link: not found", async ({ request, baseURL }) => {
    const cookie = await sessionOf(request, DEMO_ADMIN.email);
    const settings = actionId("lib/organisations/actions.ts", "updateOrganisationSettings");
    const member = await postAction(request, baseURL!, `/o/${SLUG}/settings`, settings, JSON.stringify([`${SLUG}\u0000`, { name: "x" }]), cookie);
    expect(member).toMatchObject({ status: 200, outcome: { code: "not_found" } });
    const join = actionId("lib/invites/join.ts", "acceptInviteAsNewPerson");
    const token = await postAction(request, baseURL!, `/o/${SLUG}/join/t`, join, JSON.stringify(["a\u0000b", "t", {}]), "");
    expect(token).toMatchObject({ status: 200, outcome: { code: "not_found" } });
  });

  test("a save with expectedVersion 2^31: invalid, not an integer overflow", async ({ request, baseURL }) => {
    const cookie = await sessionOf(request, LEADER.email);
    const html = await (await request.get(`/o/${SLUG}/grid`, { headers: { Cookie: cookie } })).text();
    const cell = [...gridCells(html).values()][0]!;
    const cycleId = /"cycleId":"([0-9a-f-]{36})"/.exec(html.replaceAll('\\"', '"'))?.[1];
    const input = { cycleId, repUserId: cell.repUserId, behaviourId: cell.behaviourId, score: 3, expectedVersion: 2 ** 31 };
    const answer = await postAction(
      request,
      baseURL!,
      `/o/${SLUG}/grid`,
      actionId("lib/grid/actions.ts", "rateRep"),
      JSON.stringify([SLUG, input]),
      cookie,
    );
    expect(answer).toMatchObject({ status: 200, outcome: { status: "error", code: "invalid" } });
  });

  test("an action body over Next's 3 MB limit: 413 from the proxy", async ({ request, baseURL }) => {
    const cookie = await sessionOf(request, DEMO_ADMIN.email);
    const settings = actionId("lib/organisations/actions.ts", "updateOrganisationSettings");
    const answer = await postAction(
      request,
      baseURL!,
      `/o/${SLUG}/settings`,
      settings,
      JSON.stringify([SLUG, { name: "x".repeat(3_200_000) }]),
      cookie,
    );
    expect(answer.status).toBe(413);
    expectSecurityHeaders(answer.headers, "413");
  });
});

test("the benchmark's page and action are absent outside npm run bench: 404 and not found, nothing audited", async ({ request, baseURL }) => {
  const cookie = await sessionOf(request, REP.email);
  const page = await request.get(`/o/${SLUG}/bench`, { headers: { Cookie: cookie }, maxRedirects: 0 });
  expect(page.status()).toBe(404);
  const ping = await postAction(
    request,
    baseURL!,
    `/o/${SLUG}/bench`,
    actionId("lib/bench/actions.ts", "trivialPing"),
    JSON.stringify([SLUG, {}]),
    cookie,
  );
  expect(ping.outcome).toMatchObject({ status: "error", code: "not_found" });
});

test.describe("Content-Security-Policy with a nonce per request", () => {
  test("scripts carry this response's nonce; a second load gets another one", async ({ request }) => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get("/login");
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("no violation on the home, sign-up, sign-in and grid pages, which work (sign-in, the grid)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await page.goto("/");
    await page.goto("/signup");
    await signInThroughForm(page, LEADER.email, encodeURIComponent(`/o/${SLUG}/grid`));
    await expect(page.getByRole("grid")).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("markup that escaped escaping does not run: an inline script and an event handler in the page's HTML", async ({ page }) => {
    // What an escaping bug in a server-rendered page would deliver: the app's own answer, its policy kept.
    await page.route(
      (url) => url.pathname === "/login",
      async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(
          "</body>",
          '<script>window.__injected = "script"</script><img src="data:," onerror="window.__injected = \'handler\'"></body>',
        );
        await route.fulfill({ response, body });
      },
    );
    await page.goto("/login");
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    // The app's own scripts, which carry the nonce, did run: the form signs in without reloading the page.
    await page.getByLabel("Email").fill(DEMO_ADMIN.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/o(\/|$)/);
  });
});
