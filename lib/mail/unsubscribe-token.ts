import { MAIL_CATEGORIES, type OptionalCategory } from "./kind";
import { signFields, verifyFields } from "./links";

/**
 * The token of a one-click unsubscribe link: person, organisation and category, signed. It works without signing in
 * and never expires (a mail stays in an inbox); it can only turn that one category off for that one person.
 */
export function unsubscribeToken(userId: string, orgId: string, category: OptionalCategory): string {
  return signFields("unsubscribe", [userId, orgId, category]);
}

export function readUnsubscribeToken(token: string): { userId: string; orgId: string; category: OptionalCategory } | null {
  const fields = verifyFields("unsubscribe", token, 3);
  if (!fields) return null;
  const [userId, orgId, category] = fields as [string, string, string];
  const optional = MAIL_CATEGORIES.filter((c): c is OptionalCategory => c !== "essential");
  return optional.includes(category as OptionalCategory) ? { userId, orgId, category: category as OptionalCategory } : null;
}
