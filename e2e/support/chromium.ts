import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one
 * `npx playwright install` downloads. Undefined when none exists.
 */
export function findChromium(): { executablePath?: string } | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) return { executablePath: candidate };
  }
  return fs.existsSync(chromium.executablePath()) ? {} : undefined;
}

/** Flags for running headless as root on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
