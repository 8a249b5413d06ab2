import type { RelationshipStatus } from "@/lib/relationships/rules";

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const shortDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A calendar day (yyyy-mm-dd, already in the organisation's time zone) as people read it: "31 Mar 2027". */
export function formatDay(day: string | null): string {
  return day ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : "—";
}

/** "31 Mar", for chart axes. */
export function formatShortDay(day: string): string {
  return shortDayFormat.format(new Date(`${day}T00:00:00Z`));
}

export const STATUS_TONE: Record<RelationshipStatus, "red" | "neutral" | "blue" | "green"> = {
  strained: "red",
  neutral: "neutral",
  building: "blue",
  strong: "green",
};

/** "in 3 days", "today", "2 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
