import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/**
 * The app's pages and route handlers, read from app/ the way the registry test reads them (every organisation
 * page there must be a registered loader), as URL patterns like /o/[slug]/reps/[repId].
 */
function routes(file: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (file.test(entry.name)) {
        const segments = path
          .relative("app", dir)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s));
        found.push(`/${segments.join("/")}`);
      }
    }
  };
  walk("app");
  return [...new Set(found)].sort();
}

export const pageRoutes = () => routes(/^page\.tsx$/);
const handlerRoutes = () => routes(/^route\.ts$/);

const patternOf = (route: string) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`);

/** The route pattern a path belongs to (static segments win over dynamic ones). */
export function routeOf(pathname: string, all = pageRoutes()): string | undefined {
  const matching = all.filter((r) => patternOf(r).test(pathname));
  return matching.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))[0];
}

/** Pages of an organisation that no link leads to: the benchmark's baseline page. */
const UNLINKED_PAGES = ["bench"] as const;

/**
 * Visits `start` (and the organisation's unlinked pages under it) and every page reachable from there by links
 * inside `prefix`, breadth first, at most `perRoute` URLs per route pattern (ten rep pages look alike), calling
 * `check` on each. Downloads and other route handlers are not followed. Returns the URLs visited.
 */
export async function crawl(page: Page, start: string, prefix: string, check: (url: string) => Promise<void>, perRoute = 3): Promise<string[]> {
  const handlers = handlerRoutes();
  const pages = pageRoutes();
  const starts = [start, ...UNLINKED_PAGES.map((p) => `${start}/${p}`)];
  const seen = new Set<string>(starts);
  const perPattern = new Map<string, number>();
  const queue = [...starts];
  const visited: string[] = [];
  while (queue.length) {
    const url = queue.shift()!;
    const response = await page.goto(url);
    if (response && response.status() >= 500) throw new Error(`${url} answered ${response.status()}`);
    await page.waitForLoadState("networkidle");
    visited.push(url);
    await check(url);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) {
      const target = new URL(href, page.url());
      if (target.origin !== new URL(page.url()).origin) continue;
      const key = target.pathname + target.search;
      if (!target.pathname.startsWith(prefix) || seen.has(key) || routeOf(target.pathname, handlers)) continue;
      const route = routeOf(target.pathname, pages);
      if (!route) continue;
      seen.add(key);
      if ((perPattern.get(route) ?? 0) >= perRoute) continue;
      perPattern.set(route, (perPattern.get(route) ?? 0) + 1);
      queue.push(key);
    }
  }
  return visited;
}
