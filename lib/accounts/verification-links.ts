import type { DbOrTx } from "@/db/client";
import { signFields, verifyFields } from "@/lib/mail/links";
import { queueMail } from "@/lib/mail/queue";

/** The throttle key of "send the link again" for one account. */
export const verifyEmailKey = (userId: string) => `verify-email:user:${userId}`;

/** A verification link works for a week. */
const VALID_MS = 7 * 24 * 60 * 60_000;

/**
 * The token of a verification link: person, address and expiry, signed (lib/mail/links.ts), so no table holds it.
 * It proves only the address it names: once the person's address changes, it verifies nothing.
 */
export function verificationToken(userId: string, email: string, now = Date.now()): string {
  return signFields("verify-email", [userId, email.toLowerCase(), String(now + VALID_MS)]);
}

export function readVerificationToken(token: string, now = Date.now()): { userId: string; email: string } | null {
  const fields = verifyFields("verify-email", token, 3);
  if (!fields) return null;
  const [userId, email, expires] = fields as [string, string, string];
  return Number(expires) > now ? { userId, email } : null;
}

/** Queues the verification mail for this account (in the caller's transaction). */
export async function queueVerificationMail(tx: DbOrTx, user: { id: string; name: string; email: string }) {
  await queueMail(tx, null, {
    kind: "email_verification",
    to: { email: user.email, userId: user.id },
    props: { name: user.name, token: verificationToken(user.id, user.email) },
  });
}
