/**
 * Where a check-in link stands. Answered wins (the answer is kept even if the link is revoked or expires
 * later), then revoked, then expired.
 */
export type CheckInStatus = "waiting" | "answered" | "expired" | "revoked";

export function checkInStatus(link: { answeredAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date = new Date()): CheckInStatus {
  if (link.answeredAt) return "answered";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "waiting";
}

export const CHECK_IN_STATUS_LABEL: Record<CheckInStatus, string> = {
  waiting: "Waiting",
  answered: "Answered",
  expired: "Expired",
  revoked: "Revoked",
};

/** What the check-in page says of a link that takes no answer; null while it is waiting. */
export function checkInClosedMessage(status: CheckInStatus, leaderName: string): { title: string; body: string } | null {
  switch (status) {
    case "waiting":
      return null;
    case "answered":
      return {
        title: "This check-in has been answered",
        body: `Thank you: ${leaderName} has the answers. Each link takes one answer, so there is nothing more to do here.`,
      };
    case "expired":
      return {
        title: "This check-in link has expired",
        body: `Nothing was saved. If you would still like to answer, ask ${leaderName} for a new link.`,
      };
    case "revoked":
      return {
        title: "This check-in link was withdrawn",
        body: `${leaderName} withdrew it, so nothing was saved. Ask ${leaderName} for a new link if you would like to answer.`,
      };
  }
}

/** How long a new link lasts: 14 days unless the leader picks another choice. */
export const CHECK_IN_EXPIRY_DAYS = [3, 7, 14, 30] as const;
export const DEFAULT_CHECK_IN_EXPIRY_DAYS = 14;
