import { expect, test } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";
import { countPageQueries } from "./support/queries";

test("the landing page says what Coachgrid is and leads to sign-up and sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Start coaching what predicts the number");
  await expect(page.getByRole("heading", { name: "The method, step by step" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start free" })).toHaveAttribute("href", "/signup");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toHaveAttribute("href", "/login");
  await expectNoAxeViolations(page);
});

test("the sign-in and sign-up pages are accessible forms", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Coachgrid" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();
  await expectNoAxeViolations(page);

  await page.goto("/signup");
  await expect(page.getByLabel("Time zone")).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
});

test("public pages run no database queries", async ({ page }) => {
  expect(await countPageQueries(page, "/")).toEqual({ status: 200, queries: 0 });
  expect(await countPageQueries(page, "/login")).toEqual({ status: 200, queries: 0 });
});

test("unknown pages get the not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
