import "server-only";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { findUserById } from "@/db/queries/accounts";
import { findEmailChangeToken, pendingEmailChange } from "@/db/queries/email-changes";
import { mailPreferencesOfUser } from "@/db/queries/mail";
import { listOrganisationsOfUser } from "@/db/queries/organisations";
import type { SessionUser } from "@/lib/auth/session";
import { accountLoader } from "@/lib/chain/open";
import { hashToken } from "@/lib/tokens";

async function myOrganisations({ db, user }: { db: Tx; user: SessionUser }) {
  return { user, organisations: await listOrganisationsOfUser(db, user.id) };
}

const noInput = { input: z.object({}) };

/** /o: where a signed-in person lands; sends them to their organisation. */
export const loadOrganisationPicker = accountLoader({ route: "/o", ...noInput }, myOrganisations);

/**
 * /account: the person's own name and password, their address (verified or not, and a change waiting for its
 * link), their mail settings per organisation, and the organisations they may leave.
 */
export const loadAccount = accountLoader({ route: "/account", ...noInput }, async ({ db, user }) => {
  const [organisations, account, mailSettings, emailChange] = await Promise.all([
    listOrganisationsOfUser(db, user.id),
    findUserById(db, user.id),
    mailPreferencesOfUser(db, user.id),
    pendingEmailChange(db, user.id),
  ]);
  return { user, organisations, emailVerified: Boolean(account?.emailVerifiedAt), mailSettings, emailChange: emailChange ?? null };
});

/** /account/confirm-email/{token}: the address the link would make the account's, if it is a waiting link of this person. */
export const loadEmailChangeLink = accountLoader(
  {
    route: "/account/confirm-email/[token]",
    input: z.object({ token: z.string().max(400) }),
  },
  async ({ db, user }, { token }) => {
    const [organisations, link] = await Promise.all([listOrganisationsOfUser(db, user.id), findEmailChangeToken(db, hashToken(token), user.id)]);
    return { user, organisations, newEmail: link?.newEmail ?? null };
  },
);
