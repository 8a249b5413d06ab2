import { expect } from "./test";
import type { Page } from "@playwright/test";

export type NewAccount = { name: string; email: string; password: string; organisationName: string };

/** A person no test has used: unique email and organisation name. */
export function newAccount(label = "Test"): NewAccount {
  const tag = crypto.randomUUID().slice(0, 8);
  return {
    name: `${label} Person ${tag}`,
    email: `${label.toLowerCase()}.${tag}@example.test`,
    password: "a long enough password",
    organisationName: `${label} Trading ${tag}`,
  };
}

export async function signUp(page: Page, account: NewAccount): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByLabel("Organisation name").fill(account.organisationName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: account.organisationName })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/o\//);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}
