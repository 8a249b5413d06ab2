import type { MemberRole } from "@/db/schema/enums";

/**
 * Dates, times and roles as people read them. Instants are shown in the organisation's time zone; a calendar day
 * (yyyy-mm-dd, already in that zone: lib/dates.ts) is shown as it is.
 */

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const shortDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** An instant in the organisation's time zone: "31 Mar 2027, 14:05". */
export function formatDateTime(date: Date | string | null, timeZone: string): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(date));
}

/** An instant's day in the organisation's time zone: "31 Mar 2027". */
export function formatDate(date: Date | string | null, timeZone: string): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(new Date(date));
}

/** A calendar day (yyyy-mm-dd, already in the organisation's time zone) as people read it: "31 Mar 2027". */
export function formatDay(day: string | null): string {
  return day ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : "—";
}

/** "31 Mar", for chart axes. */
export function formatShortDay(day: string): string {
  return shortDayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** "in 3 days", "today", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export const ROLE_LABEL: Record<MemberRole, string> = { admin: "Admin", leader: "Leader", rep: "Rep" };

/** A difference with its sign (a true minus), to two decimals: "+0.65", "−0.30", "0.00"; a dash for none. */
export function formatSigned(n: number | null): string {
  if (n === null) return "—";
  const sign = n > 0 ? "+" : n < 0 ? "\u2212" : "";
  return `${sign}${Math.abs(n).toFixed(2)}`;
}
