import "server-only";
import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { throttles } from "../schema";

/**
 * A fixed-window counter with a lockout: `limit` attempts within `windowMs` lock the key for `lockMs`.
 * A lock is never extended by attempts made while it holds, so nobody can keep a key locked for longer
 * than `lockMs` at a stretch; once it lapses the count starts again.
 */
export type ThrottleRule = { limit: number; windowMs: number; lockMs: number };

export type ThrottleState = { count: number; lockedUntil: Date | null };

/** Longer than any rule's window plus lock: a key untouched for this long counts nothing and holds no lock. */
export const THROTTLE_HORIZON_MS = 24 * 60 * 60_000;
/**
 * At least every rule's window (a test holds every rule to it): a key whose last attempt is older than this and
 * whose lock has lapsed counts nothing any more, whatever its rule, and is purged (purgeExpiredThrottles).
 */
export const THROTTLE_LONGEST_WINDOW_MS = 60 * 60_000;
/** Stale keys removed per attempt: bounded work, yet faster than a flood of made-up keys can add them. */
const PRUNED_PER_HIT = 2;

/** Counts one attempt under `key`, atomically (one upsert), and returns the state after it. */
export async function hitThrottle(db: DbOrTx, key: string, rule: ThrottleRule, now = new Date()): Promise<ThrottleState> {
  // Timestamps go into raw SQL as ISO strings with a cast: postgres.js does not serialise a Date inside sql``.
  const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
  const nowAt = ts(now);
  const windowStart = ts(new Date(now.getTime() - rule.windowMs));
  const lockEnd = new Date(now.getTime() + rule.lockMs);
  // A key starts afresh when its window has passed or its lock has lapsed.
  const fresh = sql`(${throttles.windowStartedAt} <= ${windowStart} or ${throttles.lockedUntil} <= ${nowAt})`;
  const locked = sql`(${throttles.lockedUntil} > ${nowAt})`;
  const nextCount = sql`case when ${fresh} then 1 else ${throttles.count} + 1 end`;
  const [row] = await db
    .insert(throttles)
    .values({ key, count: 1, windowStartedAt: now, lockedUntil: rule.limit <= 1 ? lockEnd : null, updatedAt: now })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: nextCount,
        windowStartedAt: sql`case when ${fresh} then ${nowAt} else ${throttles.windowStartedAt} end`,
        lockedUntil: sql`case when ${locked} then ${throttles.lockedUntil} when ${nextCount} >= ${rule.limit} then ${ts(lockEnd)} else null end`,
        updatedAt: now,
      },
    })
    .returning({ count: throttles.count, lockedUntil: throttles.lockedUntil });
  await pruneStaleThrottles(db, now);
  return { count: row!.count, lockedUntil: row!.lockedUntil && row!.lockedUntil > now ? row!.lockedUntil : null };
}

/** When the key's lock lapses, or null when it is not locked. */
export async function throttleLockedUntil(db: DbOrTx, key: string, now = new Date()): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: throttles.lockedUntil }).from(throttles).where(eq(throttles.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Forgets the key (e.g. after a successful sign-in). */
export async function clearThrottle(db: DbOrTx, key: string) {
  await db.delete(throttles).where(eq(throttles.key, key));
}

/**
 * Deletes every key that counts nothing any more: its last attempt is older than any rule's window and its lock
 * (if any) has lapsed. Emails that never signed in (typos, guesses, a flood of made-up ones) go with it. The
 * server runs it every few minutes (lib/housekeeping.ts); returns how many keys went.
 */
export async function purgeExpiredThrottles(db: DbOrTx, now = new Date()): Promise<number> {
  const gone = await db
    .delete(throttles)
    .where(
      and(
        lt(throttles.updatedAt, new Date(now.getTime() - THROTTLE_LONGEST_WINDOW_MS)),
        or(isNull(throttles.lockedUntil), lte(throttles.lockedUntil, now)),
      ),
    )
    .returning({ key: throttles.key });
  return gone.length;
}

/**
 * Deletes a few keys that have outlived every rule. Attempts under made-up emails or addresses would otherwise
 * stay forever; each attempt clears up to two, so the table cannot grow without bound however it is flooded.
 */
async function pruneStaleThrottles(db: DbOrTx, now: Date) {
  const stale = db
    .select({ key: throttles.key })
    .from(throttles)
    .where(lt(throttles.updatedAt, new Date(now.getTime() - THROTTLE_HORIZON_MS)))
    .orderBy(throttles.updatedAt)
    .limit(PRUNED_PER_HIT)
    // A key another attempt holds is left for later: waiting on it could deadlock two sign-ins.
    .for("update", { skipLocked: true });
  await db.delete(throttles).where(inArray(throttles.key, stale));
}
