import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { authOptions } from "@/lib/auth/options";

// Sign-in goes through the chain's public entry inside authOptions' authorize (lib/accounts/sign-in.ts).
const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth answers `/api/auth/session` from the token alone and re-issues the cookie, so a token signed out or
 * outdated on the server would keep getting a session there. The session is checked first, the same way as
 * every page (one keyed statement): a token that is no longer live gets an empty session and its cookie cleared.
 */
async function GET(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "session" && SESSION_COOKIE_NAMES.some((name) => hasCookie(request, name)) && !(await getSessionUser())) {
    const response = NextResponse.json({}, { headers: { "Cache-Control": "private, no-cache, no-store" } });
    for (const name of SESSION_COOKIE_NAMES) {
      if (hasCookie(request, name))
        response.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
    return response;
  }
  return handler(request, context);
}

function hasCookie(request: Request, name: string) {
  return (request.headers.get("cookie") ?? "").split(";").some((part) => part.trim().startsWith(`${name}=`));
}

export { GET, handler as POST };
