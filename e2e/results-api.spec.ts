import { expect, test } from "./support/test";
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSWORD, DEMO_TEAMS } from "../scripts/seed/demo-people";
import { signIn } from "./support/accounts";

const base = `/o/${DEMO_ORG.slug}/results`;
const ana = DEMO_TEAMS[0]!.reps[0]!;

test("an admin creates an API token, a CRM job writes results with it, they show; revoked, the token gets 401", async ({ page, request }) => {
  test.setTimeout(120_000);
  const tag = crypto.randomUUID().slice(0, 4);
  const winRate = `Win rate ${tag}`;
  await signIn(page, DEMO_ADMIN.email, DEMO_PASSWORD);
  await page.goto(`${base}/settings`);
  const measureForm = page.getByRole("form", { name: "Add a measure" });
  await measureForm.getByLabel("Name").fill(winRate);
  await measureForm.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByRole("list", { name: "Measures" }).getByText(winRate, { exact: true })).toBeVisible();

  const tokenForm = page.getByRole("form", { name: "Create an API token" });
  await tokenForm.getByLabel("Name").fill(`CRM export ${tag}`);
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("dialog", { name: `Token CRM export ${tag} created` });
  const token = await shown.getByLabel("API token").inputValue();
  expect(token).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: "test-results/screens/results-token-created.png" });
  await shown.getByRole("button", { name: "Done" }).click();
  const listed = page
    .getByRole("list", { name: "API tokens" })
    .getByRole("listitem")
    .filter({ hasText: `CRM export ${tag}` });
  await expect(listed).toContainText(`${token.slice(0, 9)}…`);
  await expect(listed).toContainText("never used");
  expect(await page.content()).not.toContain(token); // shown once: gone from the page once closed

  await page.goto(base);
  const cycleId = await page.getByLabel("Cycle").inputValue();
  const url = `/api/v1/organisations/${DEMO_ORG.slug}/cycles/${cycleId}/results`;
  const body = { results: [{ email: ana.email.toUpperCase(), measure: winRate, value: 42.5 }] };

  const written = await request.put(url, { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect(written.status()).toBe(200);
  expect(await written.json()).toMatchObject({ received: 1, created: 1, updated: 0, unchanged: 0 });
  const again = await request.put(url, { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

  const invalid = await request.put(url, {
    headers: { Authorization: `Bearer ${token}` },
    data: { results: [{ email: "nobody@brightwater.example", measure: winRate, value: 1 }] },
  });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ error: { code: "invalid", rows: [{ index: 0, email: "nobody@brightwater.example" }] } });
  expect((await request.put(url, { data: body })).status()).toBe(401);
  expect((await request.put(url.replace(cycleId, crypto.randomUUID()), { headers: { Authorization: `Bearer ${token}` }, data: body })).status()).toBe(
    404,
  );

  await page.reload();
  await expect(page.getByRole("textbox", { name: `${ana.name}, ${winRate}` })).toHaveValue("42.5");

  await page.goto(`${base}/settings`);
  await expect(listed).toContainText("last used");
  await listed.getByRole("button", { name: `Revoke CRM export ${tag}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(listed).toContainText("Revoked");

  const refused = await request.put(url, { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: "This API token was revoked." } });

  const description = await request.get("/api/v1/openapi.json");
  expect(description.status()).toBe(200);
  expect(Object.keys((await description.json()).paths)).toEqual(["/api/v1/organisations/{slug}/cycles/{cycleId}/results"]);
});
