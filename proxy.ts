import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/next-path";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { malformedRequest } from "@/lib/security/malformed-request";
import { expectedOrigin, isActionPost, originAllowed, transportHeaders } from "@/lib/security/origin";

/**
 * Runs before every request except Next's static files:
 * - refuses, with a 4xx, a malformed request Next.js would answer with a 500 (lib/security/malformed-request.ts);
 * - refuses a server action (a page POST) whose Origin is missing or not the app's own (CSRF);
 * - redirects signed-out visitors of signed-in areas to /login, the same way for every slug, real or not
 *   (it only looks for the session cookie: authorization happens in the action chain, never here);
 * - sets the Content-Security-Policy with a fresh nonce, on the response and on the request (Next.js reads the
 *   nonce from there for its scripts), and HSTS when the public URL is https; the static security headers are
 *   in next.config.js.
 */
export function proxy(request: NextRequest) {
  const publicUrl = process.env.NEXTAUTH_URL || undefined;
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const security = { "Content-Security-Policy": csp, ...transportHeaders(publicUrl) };
  const { pathname } = request.nextUrl;

  const malformed = malformedRequest(request.method, pathname, request.headers);
  if (malformed) return new NextResponse(malformed.message, { status: malformed.status, headers: security });
  if (isActionPost(request.method, pathname)) {
    const expected = expectedOrigin(publicUrl, request.nextUrl, request.headers.get("host"));
    if (!originAllowed(request.headers.get("origin"), expected)) {
      return new NextResponse("This request did not come from this site, so it was refused.", { status: 403, headers: security });
    }
  }
  const response = needsSignIn(request) ? redirectToLogin(request) : NextResponse.next({ request: { headers: forwardedHeaders(request, csp) } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const signedInArea = pathname === "/o" || pathname.startsWith("/o/") || pathname === "/account";
  if (!signedInArea || isTokenPage(pathname)) return false;
  return !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
}

function redirectToLogin(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("next", requestedPath(request));
  return NextResponse.redirect(login);
}

/**
 * The request's headers for Next.js: with the path it asked for, for a page whose session turns out to be stale
 * (lib/chain), and with the policy whose nonce Next.js puts on the page's scripts.
 */
function forwardedHeaders(request: NextRequest, csp: string): Headers {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, requestedPath(request));
  headers.set("Content-Security-Policy", csp);
  return headers;
}

/** Path and query, without the cache-busting `_rsc` parameter of a client-side navigation. */
function requestedPath(request: NextRequest): string {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc");
  return url.pathname + url.search;
}

/** Invite and check-in links work without a session. */
function isTokenPage(pathname: string) {
  return /^\/o\/[^/]+\/(join|check-in)\//.test(pathname);
}

// Everything but Next's build files: pages, server actions, route handlers and the icon (which gets the policy too).
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
