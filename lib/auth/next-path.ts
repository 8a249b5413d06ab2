/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNextPath(next: string | undefined | null, fallback = "/o"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

/**
 * The request header that carries the path and query a page was asked for. The proxy sets it on every request,
 * overwriting whatever a client sent; pages read it to send a stale session to sign in and back (lib/chain).
 */
export const REQUESTED_PATH_HEADER = "x-coachgrid-requested-path";
