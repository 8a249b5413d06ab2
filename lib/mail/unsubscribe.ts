import "server-only";
import { setMailPreferences } from "@/db/queries/mail";
import { enterOrganisation } from "@/db/tenant";
import { publicRoute, type OpenContext } from "@/lib/chain/open";
import { Refusal } from "@/lib/chain/outcome";
import { linkTokenSchema } from "@/lib/schemas/mail";
import { CATEGORY_NAMES } from "./kind";
import { readUnsubscribeToken } from "./unsubscribe-token";

/**
 * Turns off one category of optional mail for the person and organisation an unsubscribe link names. Works signed
 * out; a person who has left the organisation gets the same answer (they receive none of its mail anyway).
 */
export async function unsubscribeWith({ tx, audit }: OpenContext, token: string) {
  const link = readUnsubscribeToken(token);
  if (!link) throw new Refusal("not_found", "This unsubscribe link is not valid. Change your mail settings on your account page.");
  await enterOrganisation(tx, link.orgId); // the link's organisation: its rows, behind the wall
  const before = await setMailPreferences(tx, link.orgId, link.userId, { [link.category]: false });
  if (before) {
    await audit(link.orgId, link.userId, {
      action: "mail.unsubscribe",
      targetType: "membership",
      targetId: link.userId,
      before: { [link.category]: before[link.category] },
      after: { [link.category]: false },
    });
  }
  return { category: CATEGORY_NAMES[link.category] };
}

/** RFC 8058 one-click: the mail program POSTs `List-Unsubscribe=One-Click` to the header's URL (app/api/unsubscribe). */
export const unsubscribeOneClick = publicRoute({ name: "/api/unsubscribe/[token]", input: linkTokenSchema }, (ctx, { token }) =>
  unsubscribeWith(ctx, token),
);

/** What an unsubscribe link would turn off, for its page ("reminders"); null when the link is not valid. Reads no data. */
export function describeUnsubscribeLink(token: string): string | null {
  const link = readUnsubscribeToken(token);
  return link ? CATEGORY_NAMES[link.category] : null;
}
