import { NextResponse, type NextRequest } from "next/server";

/**
 * Redirects signed-out visitors of signed-in areas to /login, the same way for every slug, real or not.
 * It only looks for the session cookie: authorization happens in the action chain, never here.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession || isTokenPage(request.nextUrl.pathname)) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

/** Invite and check-in links work without a session. */
function isTokenPage(pathname: string) {
  return /^\/o\/[^/]+\/(join|check-in)\//.test(pathname);
}

export const config = { matcher: ["/o", "/o/:path*", "/account"] };
