"use server";

import "server-only";
import { findUserByEmail, insertAuthEvent, resetUserPassword } from "@/db/queries/accounts";
import { consumePasswordResetToken, retirePasswordResetTokens } from "@/db/queries/password-resets";
import { hitThrottle } from "@/db/queries/throttles";
import { hashPassword } from "@/lib/auth/password";
import { publicAction } from "@/lib/chain/open";
import { Refusal } from "@/lib/chain/outcome";
import { queueMail } from "@/lib/mail/queue";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/schemas/mail";
import { requestClientAddress } from "@/lib/security/client-address";
import { hashToken } from "@/lib/tokens";
import { unlockAccount } from "./sign-in";
import { createResetLink, resetEmailKey, RESET_THROTTLE, RESET_ANSWER_MS } from "./reset-links";

/**
 * "Forgot password?": mails a reset link when the address has an account. The answer is the same either way, and
 * so is its timing (at least RESET_ANSWER_MS: the mail itself is sent later by the worker). Throttled per address
 * (the email, known or not) and, behind a trusted proxy, per client address: past the limit nothing is sent, and
 * the answer is still the same.
 */
export const requestPasswordReset = publicAction(
  {
    name: "account.requestPasswordReset",
    input: forgotPasswordSchema,
    minDurationMs: RESET_ANSWER_MS,
  },
  async ({ tx }, { email }) => {
    const address = await requestClientAddress();
    const byEmail = await hitThrottle(tx, resetEmailKey(email), RESET_THROTTLE.email);
    const byAddress = address ? await hitThrottle(tx, `password-reset:address:${address}`, RESET_THROTTLE.address) : null;
    const user = await findUserByEmail(tx, email);
    if (user && !byEmail.lockedUntil && !byAddress?.lockedUntil) {
      const token = await createResetLink(tx, user.id);
      await queueMail(tx, null, { kind: "password_reset", to: { email: user.email, userId: user.id }, props: { name: user.name, token } });
    }
    return { email };
  },
);

/**
 * A new password from a reset link: the link is used up (single use, 60 minutes), every session of the person ends
 * (session version), a sign-in lock on the address is lifted, the address counts as verified, and the reset is
 * recorded among the auth events.
 */
export const resetPassword = publicAction(
  {
    name: "account.resetPassword",
    input: resetPasswordSchema,
  },
  async ({ tx }, { token, password }) => {
    const userId = await consumePasswordResetToken(tx, hashToken(token));
    if (!userId) throw new Refusal("not_found", "This link has expired or was already used. Ask for a new one below.");
    const user = await resetUserPassword(tx, userId, await hashPassword(password));
    if (!user) throw new Refusal("not_found", "This link has expired or was already used. Ask for a new one below.");
    await retirePasswordResetTokens(tx, userId);
    await unlockAccount(tx, user.email);
    await insertAuthEvent(tx, { userId, email: user.email, kind: "password_reset" });
    return { email: user.email };
  },
);
