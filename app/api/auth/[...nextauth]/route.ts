import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Sign-in goes through the chain's public entry inside authOptions' authorize (lib/accounts/sign-in.ts).
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
