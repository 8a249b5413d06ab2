import type { DbOrTx } from "@/db/client";
import { insertEmailChangeToken } from "@/db/queries/email-changes";
import { hashToken, newToken } from "@/lib/tokens";

/** A link to confirm a new address works for this long, once. */
const EMAIL_CHANGE_VALID_MINUTES = 24 * 60;

/**
 * A new link that makes `newEmail` the person's address (retiring their earlier ones): 256 random bits, of which only
 * the SHA-256 is stored. Returns the token, as createResetLink (./reset-links.ts) does.
 */
export async function createEmailChangeLink(db: DbOrTx, userId: string, newEmail: string): Promise<string> {
  const token = newToken();
  await insertEmailChangeToken(db, userId, hashToken(token), newEmail, EMAIL_CHANGE_VALID_MINUTES);
  return token;
}
