import type { DbOrTx } from "@/db/client";
import { insertPasswordResetToken } from "@/db/queries/password-resets";
import type { ThrottleRule } from "@/db/queries/throttles";
import { hashToken, newToken } from "@/lib/tokens";

const HOUR = 60 * 60_000;

/** A reset link works for this long, once. */
const RESET_VALID_MINUTES = 60;
/**
 * Reset mails per email (asked for on the sign-in page or sent by an admin): three an hour, the fourth request
 * locks the email for an hour. Requests per client address (behind TRUST_PROXY): 20 an hour.
 */
export const RESET_THROTTLE = {
  email: { limit: 4, windowMs: HOUR, lockMs: HOUR } satisfies ThrottleRule,
  address: { limit: 20, windowMs: HOUR, lockMs: HOUR } satisfies ThrottleRule,
};
/** The throttle key of reset mails to one address (known or not). */
export const resetEmailKey = (email: string) => `password-reset:email:${email.toLowerCase()}`;
/** The forgot-password answer never comes sooner, known address or not. */
export const RESET_ANSWER_MS = 400;

/** A new reset link for the person: 256 random bits, of which only the SHA-256 is stored. Returns the token. */
export async function createResetLink(db: DbOrTx, userId: string): Promise<string> {
  const token = newToken();
  await insertPasswordResetToken(db, userId, hashToken(token), RESET_VALID_MINUTES);
  return token;
}
