import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/next-path";
import { liveEnv } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { malformedRequest } from "@/lib/security/malformed-request";
import { expectedOrigin, isActionPost, originAllowed, transportHeaders, wrongAddress } from "@/lib/security/origin";

/**
 * Runs before every request except Next's static files:
 * - gives the request an id (X-Request-Id) that the logs carry;
 * - refuses, with a 4xx, a malformed request Next.js would answer with a 500 (lib/security/malformed-request.ts);
 * - refuses a server action (a page POST) whose Origin is missing or not the app's own (CSRF); one sent from
 *   another address of this server while NEXTAUTH_URL names one is logged with what to set;
 * - redirects signed-out visitors of signed-in areas to /login, the same way for every slug, real or not
 *   (it only looks for the session cookie: authorization happens in the action chain, never here);
 * - sets the Content-Security-Policy with a fresh nonce, on the response and on the request (Next.js reads the
 *   nonce from there for its scripts), and HSTS when the public URL is https; the static security headers are
 *   in next.config.js.
 */
export function proxy(request: NextRequest) {
  const publicUrl = liveEnv.publicUrl();
  const csp = contentSecurityPolicy(newNonce(), liveEnv.development());
  const { pathname } = request.nextUrl;
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER), liveEnv.behindProxy());
  const security = { "Content-Security-Policy": csp, ...transportHeaders(publicUrl), [REQUEST_ID_HEADER]: requestId };

  const malformed = malformedRequest(request.method, pathname, request.headers);
  if (malformed) return new NextResponse(malformed.message, { status: malformed.status, headers: security });
  if (isActionPost(request.method, pathname)) {
    const host = request.headers.get("host");
    const origin = request.headers.get("origin");
    if (!originAllowed(origin, expectedOrigin(publicUrl, request.nextUrl, host))) {
      const misdirected = wrongAddress(origin, publicUrl, host);
      if (misdirected) log.warn({ requestId, route: pathname, outcome: "wrong_address" }, misdirected.log);
      const message = misdirected?.page ?? "This request did not come from this site, so it was refused.";
      return new NextResponse(message, { status: 403, headers: security });
    }
  }
  const response = needsSignIn(request)
    ? redirectToLogin(request)
    : NextResponse.next({ request: { headers: forwardedHeaders(request, csp, requestId) } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

/** The paths, with everything below them, that need a session (except the token pages). */
const SIGNED_IN_AREAS = ["/o", "/account"];

function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const signedInArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  if (!signedInArea || isTokenPage(pathname)) return false;
  return !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
}

function redirectToLogin(request: NextRequest) {
  const login = new URL("/login", request.url);
  login.searchParams.set("next", requestedPath(request));
  return NextResponse.redirect(login);
}

/**
 * The request's headers for Next.js: its id (for the logs), the path it asked for (for a page whose session turns out
 * to be stale, lib/chain), and the policy whose nonce Next.js puts on the page's scripts.
 */
function forwardedHeaders(request: NextRequest, csp: string, requestId: string): Headers {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, requestedPath(request));
  headers.set(REQUEST_ID_HEADER, requestId);
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
