import type { MemberStatus } from "@/db/schema/enums";
import { inviteStatus } from "./status";

type InviteState = { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number; email: string | null };
type Person = { email: string | null; membership: MemberStatus | null };

/**
 * Why this person cannot join through this link, in words for the join page; null when they can.
 * The join page shows it before anyone types, and the accept actions check it again inside their transaction.
 */
export function inviteRefusal(invite: InviteState, person: Person, orgName: string): string | null {
  switch (inviteStatus(invite)) {
    case "revoked":
      return "This invite link was revoked. Ask the person who sent it for a new one.";
    case "expired":
      return "This invite link has expired. Ask the person who sent it for a new one.";
    case "used_up":
      return "This invite link has already been used. Ask the person who sent it for a new one.";
  }
  if (person.membership === "active") return `You are already a member of ${orgName}.`;
  if (person.membership === "deactivated") {
    return `Your membership of ${orgName} is deactivated. Ask an admin to reactivate it instead of using a new link.`;
  }
  if (invite.email && person.email && invite.email.toLowerCase() !== person.email.toLowerCase()) {
    return "This invite link was made for a different email address.";
  }
  return null;
}
