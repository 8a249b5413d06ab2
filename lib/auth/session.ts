import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/accounts";
import { sessionOptions } from "./config";

export type SessionUser = { id: string; name: string; email: string; sessionId: string };

/**
 * The signed-in person, or null. The only caller of getServerSession.
 * The token's session must still be live in the database: its version current (a password change or "sign out
 * everywhere" ends every older session) and its id not ended (signed out). A token from before sessions had
 * ids gets no session. One keyed statement.
 * Cached per request, so layout and page share one decode and one query.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(sessionOptions);
  if (!session?.user?.id || !session.sid) return null;
  const user = await findSessionUser(await getDb(), session.user.id, session.sid);
  if (!user || user.ended || user.sessionVersion !== session.sv) return null;
  return { id: user.id, name: user.name, email: user.email, sessionId: session.sid };
});
