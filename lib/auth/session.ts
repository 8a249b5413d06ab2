import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/accounts";
import { sessionOptions } from "./config";

export type SessionUser = { id: string; name: string; email: string };

/**
 * The signed-in person, or null. The only caller of getServerSession.
 * The token's session version must match the database: a password change ends every older session.
 * Cached per request, so layout and page share one decode and one query.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(sessionOptions);
  if (!session?.user?.id) return null;
  const user = await findSessionUser(await getDb(), session.user.id);
  if (!user || user.sessionVersion !== session.sv) return null;
  return { id: user.id, name: user.name, email: user.email };
});
