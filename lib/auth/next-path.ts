/**
 * Any fixed origin: `next` is resolved against it the way a browser resolves it against the app's, and only the
 * result's origin matters. The browser's parser drops tabs and newlines, reads `\` as `/` and resolves dot
 * segments, so `/\t/evil.example` or `/.//evil.example` would leave the site: testing the string is not enough.
 */
const APP_ORIGIN = "https://app.invalid";

/** Where to go after signing in: only a path on this site, never another origin. Otherwise `fallback`. */
export function safeNextPath(next: string | undefined | null, fallback = "/o"): string {
  // A path, not a URL: `https:/evil.example` is a path only against an https origin.
  if (!next || !next.startsWith("/")) return fallback;
  const path = sameOriginPath(next);
  // The normalised path must itself stay on the site when parsed again (`/.//x` normalises to `//x`).
  return path !== undefined && sameOriginPath(path) === path ? path : fallback;
}

function sameOriginPath(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, APP_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== APP_ORIGIN || url.username || url.password) return undefined;
  return url.pathname + url.search + url.hash;
}

/**
 * The request header that carries the path and query a page was asked for. The proxy sets it on every request,
 * overwriting whatever a client sent; pages read it to send a stale session to sign in and back (lib/chain).
 */
export const REQUESTED_PATH_HEADER = "x-coachgrid-requested-path";
