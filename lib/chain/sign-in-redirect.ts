import { headers } from "next/headers";
import { REQUESTED_PATH_HEADER, safeNextPath } from "@/lib/auth/next-path";

/**
 * Where a page sends a person whose session has ended: to sign in, then back to the page they asked for, which
 * the proxy passes along (a layout or page cannot see its own URL). Without it (a test calling the loader
 * directly), back to `fallback`.
 */
export async function signInRedirect(fallback: string): Promise<string> {
  let requested: string | null = null;
  try {
    requested = (await headers()).get(REQUESTED_PATH_HEADER);
  } catch {
    // outside a request
  }
  return `/login?next=${encodeURIComponent(safeNextPath(requested, fallback))}`;
}

/**
 * The path of a page from its route and the values of its parameters: `/o/[slug]/reps/[repId]` with
 * `{ slug: "acme", repId: "…" }` is `/o/acme/reps/…`. A sign-in redirect sends the person back there. When a
 * parameter has no string value, the organisation's home (or the site's) instead: never a path with `[repId]` in it.
 */
export function routePath(route: string, values: Record<string, unknown>): string {
  let missing = false;
  const path = route.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = values[name];
    if (typeof value === "string" && value !== "") return encodeURIComponent(value);
    missing = true;
    return "";
  });
  if (!missing) return path;
  return typeof values.slug === "string" && values.slug !== "" ? `/o/${encodeURIComponent(values.slug)}` : "/";
}
