import { wallClockInZone } from "@/lib/dates";

/** The leaders' weekly digest goes out on Monday from 08:00 in the organisation's time zone. */
const DIGEST_WEEKDAY = 1;
const DIGEST_FROM_MINUTES = 8 * 60;

/**
 * The week whose digest is due at this instant in this zone (its Monday, yyyy-mm-dd), or null when none is: from
 * 08:00 to midnight on Monday, local time. The scheduler asks every few minutes; the once-per-leader-per-week key
 * makes every ask after the first a no-op. Outside Monday nothing is sent, so an app that was down all Monday
 * skips that week rather than sending Monday's digest later in the week.
 */
export function digestWeekDue(now: Date, timeZone: string): string | null {
  const clock = wallClockInZone(now, timeZone);
  return clock.weekday === DIGEST_WEEKDAY && clock.minutes >= DIGEST_FROM_MINUTES ? clock.date : null;
}
