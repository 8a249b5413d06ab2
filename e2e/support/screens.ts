import { expect, type Page } from "@playwright/test";

export const SHOTS = "test-results/screens";

/** Full-page screenshots at the page's width and at a phone's (390 px), where nothing may scroll sideways. */
export async function shootBothWidths(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page draws the sticky header mid-page
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways at 390 px`).toBeLessThanOrEqual(390);
  await page.setViewportSize(size);
}
