"use server";

import "server-only";
import { findUserById, insertAuthEvent, markEmailVerified } from "@/db/queries/accounts";
import { hitThrottle } from "@/db/queries/throttles";
import { z } from "zod";
import { accountAction, publicAction } from "@/lib/chain/open";
import { Refusal } from "@/lib/chain/outcome";
import { linkTokenSchema } from "@/lib/schemas/mail";
import { queueVerificationMail, readVerificationToken, verifyEmailKey } from "./verification-links";

const HOUR = 60 * 60_000;

/**
 * The link of a verification mail. A button on the page posts it (a mail scanner that opens links verifies
 * nothing); it works signed in or out, and a second click says the address is verified.
 */
export const verifyEmail = publicAction(
  {
    name: "account.verifyEmail",
    input: linkTokenSchema,
  },
  async ({ tx }, { token }) => {
    const link = readVerificationToken(token);
    const user = link ? await findUserById(tx, link.userId) : undefined;
    if (!link || !user || user.email.toLowerCase() !== link.email) {
      throw new Refusal("not_found", "This link is not valid any more. Sign in and send a new one from your account page.");
    }
    if (await markEmailVerified(tx, user.id, user.email)) await insertAuthEvent(tx, { userId: user.id, email: user.email, kind: "email_verified" });
    return { email: user.email };
  },
);

/** "Send the link again", from the account page: three an hour. */
export const resendVerificationMail = accountAction(
  { name: "account.resendVerification", input: z.object({}), revalidate: false },
  async ({ tx, user }) => {
    const account = await findUserById(tx, user.id);
    if (!account) throw new Refusal("unauthenticated");
    if (account.emailVerifiedAt) return { sent: false, verified: true };
    const throttle = await hitThrottle(tx, verifyEmailKey(user.id), { limit: 4, windowMs: HOUR, lockMs: HOUR });
    if (throttle.lockedUntil) return { sent: false, verified: false };
    await queueVerificationMail(tx, account);
    return { sent: true, verified: false };
  },
);
