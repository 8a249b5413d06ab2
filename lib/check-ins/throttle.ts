import type { DbOrTx } from "@/db/client";
import { hitThrottle, throttleLockedUntil, type ThrottleRule } from "@/db/queries/throttles";
import { Refusal } from "@/lib/chain/outcome";
import { requestClientAddress } from "@/lib/security/client-address";

/**
 * Rate limits on answering a check-in. Every submit to a waiting link counts, a refused one too: a few a
 * minute per link, and, behind a proxy that says who the client is (TRUST_PROXY), a few dozen per address.
 * Links that take no answer (answered, expired, revoked, unknown) count nothing: they store nothing.
 */
export const CHECK_IN_LINK_RULE: ThrottleRule = { limit: 5, windowMs: 60_000, lockMs: 10 * 60_000 };
export const CHECK_IN_ADDRESS_RULE: ThrottleRule = { limit: 30, windowMs: 10 * 60_000, lockMs: 30 * 60_000 };

function minutesUntil(until: Date, now: Date) {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** Counts one submit under each key; refuses when a key is locked, or when this submit went past its limit. */
export async function countCheckInSubmit(db: DbOrTx, checkInId: string, now = new Date()): Promise<void> {
  const address = await requestClientAddress();
  const keys: [string, ThrottleRule][] = [[`check-in:${checkInId}`, CHECK_IN_LINK_RULE]];
  if (address) keys.push([`check-in-address:${address}`, CHECK_IN_ADDRESS_RULE]);
  for (const [key, rule] of keys) {
    const locked = await throttleLockedUntil(db, key, now);
    const state = locked ? { count: Infinity, lockedUntil: locked } : await hitThrottle(db, key, rule, now);
    if (state.lockedUntil && state.count > rule.limit) {
      throw new Refusal(
        "conflict",
        `Too many tries in a short time. Nothing was saved: wait ${minutesUntil(state.lockedUntil, now)} minutes and send it again.`,
      );
    }
  }
}
