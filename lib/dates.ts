/**
 * Calendar days and time zones, without a date library: today in the organisation's time zone, a day so many days
 * later, the days between two days, the "from"/"to" of a date filter, the date in an export's file name. Dates are
 * yyyy-mm-dd strings (calendar days, already in the organisation's time zone); instants are Dates. How a date is
 * shown to people is lib/format.ts.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in the zone at this instant, as if it were UTC (milliseconds). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** Whether the string is a real calendar date written yyyy-mm-dd (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar date (yyyy-mm-dd) in the zone at this instant. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of a calendar day in the zone: local midnight, or, where the clocks jump over midnight,
 * the moment of the jump. (A day a zone skipped entirely starts, and ends, where the next day starts.)
 */
export function startOfDayInZone(date: string, timeZone: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a yyyy-mm-dd date: ${date}`);
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const reached = (instant: number) => dateInZone(new Date(instant), timeZone) >= date;
  // Local midnight under the offsets in force around the day; the earliest that reaches the day is the answer,
  // unless midnight fell in a gap. (A day later is always reached: no offset is 24 hours.)
  const candidates = [midnight - DAY_MS / 2, midnight, midnight + DAY_MS / 2].map((probe) => midnight - (wallClock(probe, timeZone) - probe));
  const first = Math.min(...candidates.filter(reached), midnight + DAY_MS);
  if (wallClock(first, timeZone) === midnight) return new Date(first);
  // The clocks jumped over midnight: the day starts at the jump. Search for it, to the second.
  let before = Math.floor((first - DAY_MS / 2) / 1000); // seconds; surely still an earlier day
  let after = Math.floor(first / 1000);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (reached(middle * 1000)) after = middle;
    else before = middle;
  }
  return new Date(after * 1000);
}

/** The first instant of the day after `date` in the zone: the exclusive end of a range that includes `date`. */
export function startOfNextDayInZone(date: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return startOfDayInZone(next, timeZone);
}

/** The wall-clock reading in the zone at this instant: its date (yyyy-mm-dd), weekday (0 Sunday) and minutes past midnight. */
export function wallClockInZone(instant: Date, timeZone: string): { date: string; weekday: number; minutes: number } {
  const clock = new Date(wallClock(instant.getTime(), timeZone));
  return { date: clock.toISOString().slice(0, 10), weekday: clock.getUTCDay(), minutes: clock.getUTCHours() * 60 + clock.getUTCMinutes() };
}

/** Today in the organisation's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateInZone(now, timeZone);
}

/** The calendar day `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
