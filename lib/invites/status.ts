/** Where an invite link stands. Revoked wins over expired, expired over used up. */
export type InviteStatus = "active" | "used_up" | "expired" | "revoked";

export function inviteStatus(
  invite: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number },
  now: Date = new Date(),
): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.uses >= invite.maxUses) return "used_up";
  return "active";
}

export const INVITE_STATUS_LABEL: Record<InviteStatus, string> = {
  active: "Active",
  used_up: "Used up",
  expired: "Expired",
  revoked: "Revoked",
};
