import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import { isSecureUrl, sessionCookie } from "./cookies";

const secure = isSecureUrl(env().NEXTAUTH_URL);

/**
 * What reading a session needs: the secret, JWT sessions, and the callbacks that carry the user id and
 * session version. The sign-in provider is added in ./options (for the auth route only), which keeps
 * session reading free of the sign-in code and its imports.
 */
export const sessionOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  useSecureCookies: secure,
  cookies: { sessionToken: sessionCookie(secure) },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sv;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, name: token.name ?? "", email: token.email ?? "" };
      session.sv = token.sv;
      session.sid = token.sid;
      return session;
    },
  },
};
