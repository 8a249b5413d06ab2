"use server";

import "server-only";
import { findUserById } from "@/db/queries/accounts";
import {
  deleteSelfRatingsNoCoachSees,
  endMembership,
  eraseAccountTraces,
  eraseNameFromAuditLog,
  eraseOrganisationMailsTo,
  erasePrivateNoteTexts,
  eraseUser,
  FORMER_MEMBER_NAME,
} from "@/db/queries/account-deletion";
import { lockActiveAdmins } from "@/db/queries/members";
import { listAllMembershipsOfUser } from "@/db/queries/organisations";
import { enterOrganisation } from "@/db/tenant";
import { accountAction } from "@/lib/chain/open";
import { Refusal } from "@/lib/chain/outcome";
import { deleteAccountSchema } from "@/lib/schemas/accounts";
import { resetEmailKey } from "./reset-links";
import { accountKey } from "./sign-in";
import { checkCurrentPassword, emailChangeKey, passwordCheckKey } from "./throttles";
import { verifyEmailKey } from "./verification-links";

/** "A and B", "A, B and C". */
function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Deletes the signed-in person's account, after their current password (under the sign-in limits) and the typed
 * confirmation. Refused, naming them, while they are the last active admin of any organisation: each organisation
 * keeps an admin. Otherwise, in one transaction, in each of their organisations: the membership ends for good (no
 * team led, no mail settings); the self ratings nobody else has seen (drafts that blind mode hides from coaches)
 * are deleted, while submitted self-assessments, the ratings they gave, the notes they wrote about others and the
 * audit log stay with the organisation, shown as "A former member"; the text of their private notes, which only
 * they could read, is emptied; the audit log and the mail log keep no trace of their name or address; the deletion
 * is recorded. Then the account itself: name and address erased, the password unusable, every session ended, every
 * link, sign-in record, throttle count and account mail gone (db/queries/account-deletion.ts).
 */
export const deleteAccount = accountAction(
  {
    name: "account.delete",
    input: deleteAccountSchema,
    revalidate: false, // the account is gone: the page signs out
    before: (db, input, user) => checkCurrentPassword(db, user!.id, input.currentPassword),
    expect: { throttled: true },
  },
  async ({ tx, user, audit }) => {
    const account = await findUserById(tx, user.id);
    if (!account || account.deletedAt) throw new Refusal("unauthenticated");
    const memberships = await listAllMembershipsOfUser(tx, user.id);

    const lastAdminOf: string[] = [];
    for (const m of memberships) {
      if (m.role !== "admin" || m.status !== "active") continue;
      await enterOrganisation(tx, m.orgId);
      if ((await lockActiveAdmins(tx, m.orgId)) <= 1) lastAdminOf.push(m.orgName);
    }
    if (lastAdminOf.length > 0) {
      throw new Refusal(
        "conflict",
        `You are the last active admin of ${listOf(lastAdminOf)}. Make someone else an admin there first, then delete your account. Nothing was deleted.`,
      );
    }

    const person = { id: account.id, name: account.name, email: account.email };
    for (const m of memberships) {
      await enterOrganisation(tx, m.orgId);
      await deleteSelfRatingsNoCoachSees(tx, m.orgId, person.id, m.blindMode);
      await erasePrivateNoteTexts(tx, m.orgId, person.id);
      await endMembership(tx, m.orgId, person.id);
      await eraseNameFromAuditLog(tx, m.orgId, person);
      await eraseOrganisationMailsTo(tx, m.orgId, person);
      await audit(m.orgId, person.id, {
        targetType: "membership",
        targetId: person.id,
        targetLabel: FORMER_MEMBER_NAME,
        before: { status: m.status, role: m.role },
        after: { status: "deleted" },
      });
    }

    await eraseAccountTraces(tx, person.id, person.email, [
      accountKey(person.email),
      resetEmailKey(person.email),
      passwordCheckKey(person.id),
      verifyEmailKey(person.id),
      emailChangeKey(person.id),
    ]);
    if (!(await eraseUser(tx, person.id))) throw new Refusal("unauthenticated");
    return { organisations: memberships.length };
  },
);
