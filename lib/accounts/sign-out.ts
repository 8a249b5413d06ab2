import "server-only";
import { z } from "zod";
import { endSession } from "@/db/queries/accounts";
import { publicRoute } from "@/lib/chain/open";

/**
 * Signing out ends the session on the server, not only in the browser: its id is listed as ended, so a copy of
 * the cookie saved before signing out opens nothing afterwards (lib/auth/session.ts). Called from next-auth's
 * sign-out event with the ids of the token being signed out (decoded and verified by next-auth).
 */
export const signOutSession = publicRoute(
  {
    name: "auth.signOut",
    input: z.object({ userId: z.uuid(), sessionId: z.uuid() }),
  },
  async ({ tx }, { userId, sessionId }) => {
    await endSession(tx, userId, sessionId);
  },
);
