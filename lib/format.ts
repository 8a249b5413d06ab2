/** Dates as people read them, in the organisation's time zone. */
export function formatDateTime(date: Date | string | null, timeZone: string): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}

export function formatDate(date: Date | string | null, timeZone: string): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(new Date(date));
}

export const ROLE_LABEL = { admin: "Admin", leader: "Leader", rep: "Rep" } as const;
