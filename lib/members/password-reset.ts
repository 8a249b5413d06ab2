"use server";

import "server-only";
import { findMembership } from "@/db/queries/members";
import { hitThrottle } from "@/db/queries/throttles";
import { createResetLink, resetEmailKey, RESET_THROTTLE } from "@/lib/accounts/reset-links";
import { memberAction } from "@/lib/chain/member";
import { Refusal } from "@/lib/chain/outcome";
import { queueMail } from "@/lib/mail/queue";
import { memberIdSchema } from "@/lib/schemas/people";

/**
 * An admin sends a member a password reset link from the members page. The admin never sets or sees a password or
 * the link: it goes to the member's address, through the organisation's outbox (so it shows in Email delivery).
 * Counts against the same per-email limit as "Forgot password?".
 */
export const sendPasswordReset = memberAction(
  {
    name: "member.sendPasswordReset",
    permission: "people.manage",
    input: memberIdSchema,
    revalidate: false,
    expect: { allow: ["admin"] },
  },
  async ({ db, org, user, audit }, { userId }) => {
    const person = await findMembership(db, org.id, userId);
    if (!person) throw new Refusal("not_found", "That person is not a member of this organisation.");
    if (person.status !== "active") throw new Refusal("conflict", `${person.name} is deactivated. Reactivate them first.`);
    const throttle = await hitThrottle(db, resetEmailKey(person.email), RESET_THROTTLE.email);
    if (throttle.lockedUntil)
      throw new Refusal("conflict", `${person.name} was sent several reset links in the last hour. Ask them to check their inbox.`);
    const token = await createResetLink(db, userId);
    await queueMail(db, org.id, {
      kind: "password_reset",
      to: { email: person.email, userId },
      props: { name: person.name, token, sentBy: { name: user.name, org: org.name } },
    });
    await audit({ targetType: "membership", targetId: userId, targetLabel: person.name });
    return { name: person.name, email: person.email };
  },
);
