"use server";

import {
  findUserByEmail,
  findUserById,
  insertAuthEvent,
  insertUser,
  updateUserName,
  updateUserPassword,
} from "@/db/queries/accounts";
import { insertBehaviours } from "@/db/queries/behaviours";
import { insertDepartments } from "@/db/queries/relationships";
import { findOrganisationBySlug, insertMembership, insertOrganisation } from "@/db/queries/organisations";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { accountAction, publicAction } from "@/lib/chain/open";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { STARTER_BEHAVIOURS } from "@/lib/framework/starter-template";
import { slugify, suffixedSlug } from "@/lib/organisations/slug";
import { STARTER_DEPARTMENTS } from "@/lib/relationships/rules";
import { changePasswordSchema, signUpSchema, updateProfileSchema } from "@/lib/schemas/accounts";
import { queueVerificationMail } from "./verification-links";

/** Sign-up: the person, their organisation and their admin membership, in one transaction. */
export const signUp = publicAction(
  {
    name: "account.signUp",
    input: signUpSchema,
    expect: {
      input: () => ({
        name: "Matrix Newcomer",
        email: `newcomer-${crypto.randomUUID()}@example.test`,
        password: "a long enough password",
        organisationName: "Matrix Newcomer Co",
        timeZone: "Europe/London",
      }),
    },
  },
  async ({ tx, audit }, input) => {
    if (await findUserByEmail(tx, input.email)) {
      invalidField("email", "An account with this email already exists. Sign in instead.");
    }
    const user = await insertUser(tx, {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    const base = slugify(input.organisationName);
    const slug = (await findOrganisationBySlug(tx, base)) ? suffixedSlug(base) : base;
    const org = await insertOrganisation(tx, { slug, name: input.organisationName, timeZone: input.timeZone });
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
    expect: { input: () => ({ name: "Renamed Person" }) },
  },
  async ({ tx, user }, { name }) => {
    await updateUserName(tx, user.id, name);
    await insertAuthEvent(tx, { userId: user.id, email: user.email, kind: "profile_updated" });
    return { name };
  },
);

/** Changing the password bumps the session version: every session of this person ends, here and elsewhere. */
export const changePassword = accountAction(
  {
    name: "account.changePassword",
    input: changePasswordSchema,
    revalidate: false,
    expect: {
      input: () => ({
        currentPassword: "matrix-password",
        newPassword: "matrix-password",
        confirmPassword: "matrix-password",
      }),
    },
  },
  async ({ tx, user }, input) => {
    const account = await findUserById(tx, user.id);
    if (!account) throw new Refusal("unauthenticated");
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
      invalidField("currentPassword", "That is not your current password.");
    }
    const version = await updateUserPassword(tx, user.id, await hashPassword(input.newPassword), account.sessionVersion);
    if (version === undefined) throw new Refusal("conflict", "Your password was changed elsewhere. Sign in again.");
    await insertAuthEvent(tx, { userId: user.id, email: account.email, kind: "password_changed" });
    return { email: account.email };
  },
);
