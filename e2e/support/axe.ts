import AxeBuilder from "@axe-core/playwright";
import { expect } from "./test";
import type { Page } from "@playwright/test";

/**
 * Fails on any accessibility violation axe finds on the page: no rule disabled, nothing excluded.
 * It first lets finite animations and transitions end (a toast fading in would otherwise be measured
 * half-transparent), so what is checked is what a person reads.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
