import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn } from "@/lib/accounts/sign-in";
import { signOutSession } from "@/lib/accounts/sign-out";
import { sessionOptions } from "./config";

/** The auth route's options: session handling plus the email + password provider. */
export const authOptions: NextAuthOptions = {
  ...sessionOptions,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const user = await signIn(credentials, request);
        // Each sign-in is a session of its own, with an id the token carries: signing out ends just this one.
        return user ? { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion, sid: crypto.randomUUID() } : null;
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (token?.uid && token.sid) await signOutSession({ userId: token.uid, sessionId: token.sid });
    },
  },
};
