"use server";

import "server-only";
import { findUserByEmail, findUserById, insertAuthEvent, setUserEmail } from "@/db/queries/accounts";
import { consumeEmailChangeToken, retireEmailChangeTokens } from "@/db/queries/email-changes";
import { listAllMembershipsOfUser } from "@/db/queries/organisations";
import { retirePasswordResetTokens } from "@/db/queries/password-resets";
import { accountAction } from "@/lib/chain/open";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { brokenUniqueConstraint } from "@/lib/framework/unique-violation";
import { queueMail } from "@/lib/mail/queue";
import { requestEmailChangeSchema } from "@/lib/schemas/accounts";
import { linkTokenSchema } from "@/lib/schemas/mail";
import { hashToken } from "@/lib/tokens";
import { createEmailChangeLink } from "./email-change-links";
import { checkCurrentPassword, countEmailChangeRequest } from "./throttles";

const TAKEN = "Another account already uses this email address.";
const LINK_INVALID =
  "This link has expired, was already used or replaced by a newer one, or belongs to another account. Ask for a new one on your account page.";

/**
 * "Change email" on the account page: mails a single-use link to the new address (24 hours; only its SHA-256 is
 * stored; a newer request retires it). Nothing changes until the link is followed. The current password is checked
 * first, under the sign-in limits, and requests are limited to three an hour (./throttles), both counted before and
 * outside the transaction: the answer says whether an address has an account, so each probe costs a password check.
 */
export const requestEmailChange = accountAction(
  {
    name: "account.requestEmailChange",
    input: requestEmailChangeSchema,
    before: async (db, input, user) => {
      await checkCurrentPassword(db, user!.id, input.currentPassword);
      await countEmailChangeRequest(db, user!.id);
    },
    expect: { throttled: true },
  },
  async ({ tx, user }, { newEmail }) => {
    const account = await findUserById(tx, user.id);
    if (!account || account.deletedAt) throw new Refusal("unauthenticated");
    if (account.email.toLowerCase() === newEmail) invalidField("newEmail", "This is already your email address.");
    if (await findUserByEmail(tx, newEmail)) invalidField("newEmail", TAKEN);
    const token = await createEmailChangeLink(tx, user.id, newEmail);
    await queueMail(tx, null, { kind: "email_change", to: { email: newEmail, userId: user.id }, props: { name: account.name, token } });
    await insertAuthEvent(tx, { userId: user.id, email: account.email, kind: "email_change_requested" });
    return { newEmail };
  },
);

/**
 * The link from the new address, followed while signed in to the account that asked for it (so whoever gets a
 * mistyped address's mail cannot take the account). In one transaction: the link is used up; the address is checked
 * again (another account may have taken it since) and becomes the account's, verified; every session of the account
 * ends (session version), this one too; its other address and password-reset links stop working; the old address
 * is told; each organisation where the person is active records the change in its audit log (without addresses).
 */
export const confirmEmailChange = accountAction(
  {
    name: "account.confirmEmailChange",
    input: linkTokenSchema,
    revalidate: false, // every session has ended: the page says so and sends the person to sign in again
  },
  async ({ tx, user, audit }, { token }) => {
    const link = await consumeEmailChangeToken(tx, hashToken(token));
    if (!link || link.userId !== user.id) throw new Refusal("not_found", LINK_INVALID);
    const account = await findUserById(tx, user.id);
    if (!account || account.deletedAt) throw new Refusal("not_found", LINK_INVALID);
    const holder = await findUserByEmail(tx, link.newEmail);
    if (holder && holder.id !== account.id)
      throw new Refusal("conflict", `${TAKEN} Nothing was changed: choose another address on your account page.`);
    const changed = await setUserEmail(tx, account.id, link.newEmail).catch((error: unknown) => {
      if (brokenUniqueConstraint(error) === "users_email_uq")
        throw new Refusal("conflict", `${TAKEN} Nothing was changed: choose another address on your account page.`);
      throw error;
    });
    if (!changed) throw new Refusal("not_found", LINK_INVALID);
    await retireEmailChangeTokens(tx, account.id);
    await retirePasswordResetTokens(tx, account.id); // a reset link sent to the old address must not reach the account
    await insertAuthEvent(tx, { userId: account.id, email: changed.email, kind: "email_changed" });
    await queueMail(tx, null, {
      kind: "email_changed",
      to: { email: account.email, userId: account.id },
      props: { name: account.name, newEmail: changed.email },
    });
    for (const membership of await listAllMembershipsOfUser(tx, account.id)) {
      if (membership.status !== "active") continue;
      await audit(membership.orgId, account.id, { targetType: "membership", targetId: account.id, targetLabel: account.name });
    }
    return { email: changed.email };
  },
);
