import { describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { CHECK_IN_ADDRESS_RULE, CHECK_IN_LINK_RULE } from "@/lib/check-ins/throttle";
import { SIGN_IN_THROTTLE } from "@/lib/accounts/sign-in";
import {
  clearThrottle,
  hitThrottle,
  purgeExpiredThrottles,
  THROTTLE_HORIZON_MS,
  THROTTLE_LONGEST_WINDOW_MS,
  throttleLockedUntil,
  type ThrottleRule,
} from "@/db/queries/throttles";
import { throttles } from "@/db/schema";
import { withTestDatabase } from "../support/database";

const testDb = withTestDatabase();
const rule: ThrottleRule = { limit: 3, windowMs: 60_000, lockMs: 300_000 };
const t0 = new Date("2026-11-27T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
/** The database is shared by the whole file: each test counts under keys of its own. */
let n = 0;
const fresh = () => `test:${++n}`;

describe("throttles", () => {
  it("locks a key at the limit within the window, for exactly the lock time", async () => {
    const db = testDb();
    const k = fresh();
    expect(await hitThrottle(db, k, rule, at(0))).toEqual({ count: 1, lockedUntil: null });
    expect(await hitThrottle(db, k, rule, at(1_000))).toEqual({ count: 2, lockedUntil: null });
    expect(await hitThrottle(db, k, rule, at(2_000))).toEqual({ count: 3, lockedUntil: at(302_000) });
    expect(await throttleLockedUntil(db, k, at(301_999))).toEqual(at(302_000));
    expect(await throttleLockedUntil(db, k, at(302_000))).toBeNull();
  });

  it("does not extend a lock by attempts made while it holds, and starts afresh once it lapses", async () => {
    const db = testDb();
    const k = fresh();
    for (const ms of [0, 1, 2]) await hitThrottle(db, k, rule, at(ms));
    const during = await hitThrottle(db, k, rule, at(200_000));
    expect(during.lockedUntil).toEqual(at(300_002));
    expect(await hitThrottle(db, k, rule, at(300_002))).toEqual({ count: 1, lockedUntil: null });
  });

  it("restarts the count when the window has passed", async () => {
    const db = testDb();
    const k = fresh();
    await hitThrottle(db, k, rule, at(0));
    await hitThrottle(db, k, rule, at(1));
    expect(await hitThrottle(db, k, rule, at(60_000))).toEqual({ count: 1, lockedUntil: null });
  });

  it("keeps keys apart and forgets a cleared key", async () => {
    const db = testDb();
    const [a, b] = [fresh(), fresh()];
    for (const ms of [0, 1, 2]) await hitThrottle(db, a, rule, at(ms));
    expect(await hitThrottle(db, b, rule, at(3))).toEqual({ count: 1, lockedUntil: null });
    await clearThrottle(db, a);
    expect(await throttleLockedUntil(db, a, at(4))).toBeNull();
  });

  it("counts concurrent attempts exactly", async () => {
    const db = testDb();
    const k = fresh();
    const states = await Promise.all(Array.from({ length: 10 }, () => hitThrottle(db, k, { ...rule, limit: 100 }, at(0))));
    expect(states.map((s) => s.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("prunes keys that have outlived every rule, a few per attempt, and keeps the live ones", async () => {
    const db = testDb();
    await db.delete(throttles).where(like(throttles.key, "test:%")); // the other tests' keys, all older
    const stale = [fresh(), fresh(), fresh()];
    for (const k of stale) await hitThrottle(db, k, rule, at(0));
    const live = fresh();
    await hitThrottle(db, live, rule, at(THROTTLE_HORIZON_MS - 1));
    const keys = async () => (await db.select({ key: throttles.key }).from(throttles)).map((r) => r.key).sort();
    // One attempt a day later removes two of the three stale keys, the next one the third.
    await hitThrottle(db, fresh(), rule, at(THROTTLE_HORIZON_MS + 1));
    expect((await keys()).filter((k) => stale.includes(k))).toHaveLength(1);
    await hitThrottle(db, fresh(), rule, at(THROTTLE_HORIZON_MS + 2));
    expect((await keys()).filter((k) => stale.includes(k))).toEqual([]);
    expect(await keys()).toContain(live);
  });

  it("has a horizon longer than any rule's window plus its lock", () => {
    const rules = [SIGN_IN_THROTTLE.account, SIGN_IN_THROTTLE.address, CHECK_IN_LINK_RULE, CHECK_IN_ADDRESS_RULE];
    for (const r of rules) expect(r.windowMs + r.lockMs).toBeLessThan(THROTTLE_HORIZON_MS);
  });

  it("purges the keys of emails that never signed in once their window has passed, and keeps locked and recent ones", async () => {
    const db = testDb();
    const prefix = `purge:${++n}:`;
    const keys = async () =>
      (
        await db
          .select({ key: throttles.key })
          .from(throttles)
          .where(like(throttles.key, `${prefix}%`))
      )
        .map((r) => r.key)
        .sort();
    const typo = `${prefix}typo`;
    const recent = `${prefix}recent`;
    const locked = `${prefix}locked`;
    await hitThrottle(db, typo, rule, at(0)); // one failed sign-in, never again
    for (const ms of [0, 1, 2]) await hitThrottle(db, locked, { ...rule, lockMs: 2 * THROTTLE_LONGEST_WINDOW_MS }, at(ms));
    await hitThrottle(db, recent, rule, at(THROTTLE_LONGEST_WINDOW_MS - 1_000));

    expect(await purgeExpiredThrottles(db, at(THROTTLE_LONGEST_WINDOW_MS - 1))).toBe(0);
    await purgeExpiredThrottles(db, at(THROTTLE_LONGEST_WINDOW_MS + 1));
    expect(await keys()).toEqual([locked, recent]);
    await purgeExpiredThrottles(db, at(2 * THROTTLE_LONGEST_WINDOW_MS + 3));
    expect(await keys()).toEqual([]);
  });

  it("holds every rule's window within the purge's horizon", () => {
    for (const r of [SIGN_IN_THROTTLE.account, SIGN_IN_THROTTLE.address, CHECK_IN_LINK_RULE, CHECK_IN_ADDRESS_RULE]) {
      expect(r.windowMs).toBeLessThanOrEqual(THROTTLE_LONGEST_WINDOW_MS);
    }
  });
});
