import type { Page } from "@playwright/test";

/** Everything the server sent the signed-in person for `url`: the rendered DOM, the raw HTML and the RSC payload. */
export async function sources(page: Page, url: string): Promise<Record<string, string>> {
  await page.goto(url);
  const dom = await page.content();
  const html = await (await page.request.get(url)).text();
  const rsc = await (await page.request.get(url, { headers: { RSC: "1" } })).text();
  return { dom, html, rsc };
}
