"use server";

import "server-only";
import {
  bumpSessionVersion,
  findUserByEmail,
  findUserById,
  insertAuthEvent,
  insertUserIfNew,
  updateUserName,
  updateUserPassword,
} from "@/db/queries/accounts";
import { insertBehaviours } from "@/db/queries/behaviours";
import { insertDepartments } from "@/db/queries/relationships";
import { insertMembership } from "@/db/queries/organisations";
import { enterOrganisation } from "@/db/tenant";
import { hashPassword } from "@/lib/auth/password";
import { accountAction, publicAction } from "@/lib/chain/open";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { STARTER_BEHAVIOURS } from "@/lib/framework/starter-template";
import { insertOrganisationWithFreeSlug } from "@/lib/organisations/slug";
import { STARTER_DEPARTMENTS } from "@/lib/relationships/rules";
import { changePasswordSchema, signOutEverywhereSchema, signUpSchema, updateProfileSchema } from "@/lib/schemas/accounts";
import { checkCurrentPassword, countAccountCreation } from "./throttles";
import { queueVerificationMail } from "./verification-links";

/**
 * Sign-up: the person, their organisation and their admin membership, in one transaction. Throttled first
 * (./throttles), so neither the password hash nor the "already exists" answer comes before the limit.
 */
export const signUp = publicAction(
  {
    name: "account.signUp",
    input: signUpSchema,
    before: (db) => countAccountCreation(db),
    expect: { throttled: true },
  },
  async ({ tx, audit }, input) => {
    const exists = () => invalidField("email", "An account with this email already exists. Sign in instead.");
    if (await findUserByEmail(tx, input.email)) exists();
    // Another sign-up with this email may be committing at this moment: then this one gets the same answer.
    const user = (await insertUserIfNew(tx, { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) })) ?? exists();
    const org = await insertOrganisationWithFreeSlug(tx, { name: input.organisationName, timeZone: input.timeZone });
    await enterOrganisation(tx, org.id); // the new organisation's rows: behind the wall, this transaction writes them
    await insertMembership(tx, org.id, { userId: user.id, role: "admin" });
    await insertBehaviours(tx, org.id, STARTER_BEHAVIOURS); // the starter framework, for the admin to review and confirm
    await insertDepartments(tx, org.id, STARTER_DEPARTMENTS); // the peer departments a sales leader usually works with
    await insertAuthEvent(tx, { userId: user.id, email: user.email, kind: "sign_up" });
    await queueVerificationMail(tx, user);
    await audit(org.id, user.id, {
      targetType: "organisation",
      targetId: org.id,
      targetLabel: org.name,
      after: { name: org.name, slug: org.slug, timeZone: org.timeZone },
    });
    return { slug: org.slug };
  },
);

export const updateProfile = accountAction(
  {
    name: "account.updateProfile",
    input: updateProfileSchema,
  },
  async ({ tx, user }, { name }) => {
    await updateUserName(tx, user.id, name);
    await insertAuthEvent(tx, { userId: user.id, email: user.email, kind: "profile_updated" });
    return { name };
  },
);

/**
 * Changing the password bumps the session version: every session of this person ends, here and elsewhere. The
 * current password is checked first, under the sign-in limits (./throttles).
 */
export const changePassword = accountAction(
  {
    name: "account.changePassword",
    input: changePasswordSchema,
    revalidate: false,
    before: (db, input, user) => checkCurrentPassword(db, user!.id, input.currentPassword),
    expect: { throttled: true },
  },
  async ({ tx, user }, input) => {
    const account = await findUserById(tx, user.id);
    if (!account) throw new Refusal("unauthenticated");
    const version = await updateUserPassword(tx, user.id, await hashPassword(input.newPassword), account.sessionVersion);
    if (version === undefined) throw new Refusal("conflict", "Your password was changed elsewhere. Sign in again.");
    await insertAuthEvent(tx, { userId: user.id, email: account.email, kind: "password_changed" });
    return { email: account.email };
  },
);

/** Ends every session of this person, on every device, this one included (the client then signs out here). */
export const signOutEverywhere = accountAction(
  {
    name: "account.signOutEverywhere",
    input: signOutEverywhereSchema,
    revalidate: false,
  },
  async ({ tx, user }) => {
    await bumpSessionVersion(tx, user.id);
  },
);
