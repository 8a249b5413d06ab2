"use server";

import "server-only";
import { setMailPreferences } from "@/db/queries/mail";
import { enterOrganisation } from "@/db/tenant";
import { accountAction, publicAction } from "@/lib/chain/open";
import { Refusal } from "@/lib/chain/outcome";
import { unsubscribeWith } from "@/lib/mail/unsubscribe";
import { linkTokenSchema, mailPreferencesSchema } from "@/lib/schemas/mail";

/** The account page: which optional mails the person gets from one of their organisations. */
export const updateMailPreferences = accountAction(
  {
    name: "account.updateMailPreferences",
    input: mailPreferencesSchema,
  },
  async ({ tx, user, audit }, { orgId, ...values }) => {
    await enterOrganisation(tx, orgId); // its rows, behind the wall; setMailPreferences checks the membership
    const before = await setMailPreferences(tx, orgId, user.id, values);
    if (!before) throw new Refusal("not_found", "You are not a member of that organisation.");
    await audit(orgId, user.id, { targetType: "membership", targetId: user.id, targetLabel: user.name, before, after: values });
    return values;
  },
);

/** The "Unsubscribe" button of the page a mail's footer links to; works signed out. */
export const unsubscribe = publicAction({ name: "mail.unsubscribe", input: linkTokenSchema }, (ctx, { token }) => unsubscribeWith(ctx, token));
