import type { Page } from "@playwright/test";

/**
 * Requests `url` with the page's cookies and returns the status and the number of SQL statements the server
 * ran for that one request (the server counts; /api/test/queries reads and resets the count).
 */
export async function countPageQueries(page: Page, url: string): Promise<{ status: number; queries: number }> {
  await page.request.get("/api/test/queries");
  const response = await page.request.get(url, { maxRedirects: 0 });
  const { queries } = (await (await page.request.get("/api/test/queries")).json()) as { queries: number };
  return { status: response.status(), queries };
}
