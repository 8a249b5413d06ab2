"use server";

import "server-only";
import { z } from "zod";
import { findUserByEmail, insertAuthEvent, insertUserIfNew, markEmailVerified } from "@/db/queries/accounts";
import { claimInviteUse, findInviteByTokenHash, insertLeadershipsOfInvite } from "@/db/queries/invites";
import { findMembership } from "@/db/queries/members";
import { insertMembership } from "@/db/queries/organisations";
import { insertTeamLeader } from "@/db/queries/teams";
import { hashPassword } from "@/lib/auth/password";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { tokenAction, type TokenActionContext } from "@/lib/chain/token";
import { acceptInviteNewSchema } from "@/lib/schemas/invites";
import { countAccountCreation } from "@/lib/accounts/throttles";
import { queueVerificationMail } from "@/lib/accounts/verification-links";
import { inviteRefusal } from "./refusals";

type Invite = NonNullable<Awaited<ReturnType<typeof findInviteByTokenHash>>>;
type Joiner = { id: string; name: string; email: string };

/** The checks and writes both ways of accepting share. Nothing is written unless every check passes. */
async function join({ tx, org, record: invite, audit }: TokenActionContext<Invite>, person: Joiner) {
  const existing = await findMembership(tx, org.id, person.id);
  const refusal = inviteRefusal(invite, { email: person.email, membership: existing?.status ?? null }, org.name);
  if (refusal) throw new Refusal("conflict", refusal);
  if (!(await claimInviteUse(tx, org.id, invite.id, new Date()))) {
    throw new Refusal("conflict", "This link has just been used up. Ask for a new one.");
  }
  const teamId = invite.role === "rep" ? invite.teamId : null;
  await insertMembership(tx, org.id, { userId: person.id, role: invite.role, teamId });
  if (invite.role === "leader" && invite.teamId) {
    await insertTeamLeader(tx, org.id, invite.teamId, person.id);
    await insertLeadershipsOfInvite(tx, org.id, invite.id, person.id); // the further teams of an imported leader
  }
  // The link was mailed to this address and followed from it: the address is theirs, as a verification link proves.
  const verified =
    Boolean(invite.emailedAt) && invite.email?.toLowerCase() === person.email.toLowerCase() && (await markEmailVerified(tx, person.id, person.email));
  if (verified) await insertAuthEvent(tx, { userId: person.id, email: person.email, kind: "email_verified" });
  await audit(person.id, {
    targetType: "membership",
    targetId: person.id,
    targetLabel: person.name,
    after: { role: invite.role, team: invite.teamName, inviteId: invite.id },
  });
  return { slug: org.slug, verified };
}

const lookup = findInviteByTokenHash;

/** A new person creates their account through the link and joins in the same transaction. */
export const acceptInviteAsNewPerson = tokenAction(
  {
    name: "invite.acceptAsNew",
    input: acceptInviteNewSchema,
    lookup,
    // Limited like a sign-up (it creates an account), before the "already exists" answer and the password hash.
    before: (db) => countAccountCreation(db),
    expect: { token: "invite", session: "none", throttled: true },
  },
  async (ctx, input) => {
    const refusal = inviteRefusal(ctx.record, { email: input.email, membership: null }, ctx.org.name);
    if (refusal) throw new Refusal("conflict", refusal);
    const exists = () => invalidField("email", "An account with this email already exists. Sign in to join instead.");
    if (await findUserByEmail(ctx.tx, input.email)) exists();
    // The same email signing up at this very moment gets the same answer, not an error.
    const user =
      (await insertUserIfNew(ctx.tx, { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) })) ?? exists();
    await insertAuthEvent(ctx.tx, { userId: user.id, email: user.email, kind: "sign_up" });
    const joined = await join(ctx, user);
    // Like a sign-up: an address not proven by the invite's own mail gets a verification mail.
    if (!joined.verified) await queueVerificationMail(ctx.tx, user);
    return { slug: joined.slug };
  },
);

/** A signed-in person joins with the account they have. */
export const acceptInviteAsMember = tokenAction(
  {
    name: "invite.acceptSignedIn",
    input: z.object({}),
    lookup,
    expect: { token: "invite", session: "outsider" },
  },
  async (ctx) => {
    if (!ctx.user) throw new Refusal("unauthenticated", "Sign in to join with your account.");
    return { slug: (await join(ctx, ctx.user)).slug };
  },
);
