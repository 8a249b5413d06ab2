import type { DbOrTx } from "@/db/client";
import { findUserById } from "@/db/queries/accounts";
import { clearThrottle, hitThrottle, throttleLockedUntil, type ThrottleRule } from "@/db/queries/throttles";
import { verifyPassword } from "@/lib/auth/password";
import { invalidField, Refusal } from "@/lib/chain/outcome";
import { requestClientAddress } from "@/lib/security/client-address";
import { SIGN_IN_THROTTLE, slowDownMs } from "./sign-in";

const MINUTE = 60_000;

/**
 * Creating an account (sign-up, or through an invite link) costs a password hash and, for a sign-up, a whole
 * organisation, and its answer says whether an email already has an account. So it is limited before any of
 * that runs: per client address behind a trusted proxy (TRUST_PROXY), and for the whole app per minute (without
 * a trusted proxy that is the only bound, and it also bounds a flood from many addresses).
 */
export const ACCOUNT_CREATION_THROTTLE = {
  address: { limit: 5, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE } satisfies ThrottleRule,
  global: { limit: 30, windowMs: MINUTE, lockMs: MINUTE } satisfies ThrottleRule,
};

function minutesUntil(until: Date, now: Date) {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

/**
 * Counts one attempt to create an account; refuses it, with how long to wait, when a limit is reached. Runs outside
 * the action's transaction (the chain's `before`), so refused attempts count too.
 */
export async function countAccountCreation(db: DbOrTx, now = new Date(), address?: string | null): Promise<void> {
  const client = address === undefined ? await requestClientAddress() : address;
  const keys: [string, ThrottleRule, string][] = [
    ["account-creation:global", ACCOUNT_CREATION_THROTTLE.global, "Many accounts are being created right now"],
  ];
  if (client)
    keys.unshift([`account-creation:address:${client}`, ACCOUNT_CREATION_THROTTLE.address, "Too many accounts were created from your network"]);
  for (const [key, rule, reason] of keys) {
    const locked = await throttleLockedUntil(db, key, now);
    const state = locked ? { count: Infinity, lockedUntil: locked } : await hitThrottle(db, key, rule, now);
    if (state.lockedUntil && state.count > rule.limit) {
      const minutes = minutesUntil(state.lockedUntil, now);
      throw new Refusal("conflict", `${reason}. Nothing was created: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    }
  }
}

export const passwordCheckKey = (userId: string) => `password-check:account:${userId}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks the signed-in person's current password (before a change) under the sign-in limits, so a stolen
 * session cannot be used to guess it: every check counts, failed ones are held back from the 4th on, the 10th
 * within 15 minutes locks the check for 15 minutes (the right password too). A right password clears the count.
 * Runs outside the action's transaction, so the counts stay when the call is refused.
 */
export async function checkCurrentPassword(db: DbOrTx, userId: string, password: string, now = new Date(), wait = sleep): Promise<void> {
  const key = passwordCheckKey(userId);
  const rule = SIGN_IN_THROTTLE.account;
  const locked = await throttleLockedUntil(db, key, now);
  const state = locked ? { count: Infinity, lockedUntil: locked } : await hitThrottle(db, key, rule, now);
  const account = await findUserById(db, userId);
  // A locked check still does the password work, so it cannot be told apart by timing.
  const matches = await verifyPassword(state.lockedUntil ? undefined : account?.passwordHash, password);
  if (state.lockedUntil) {
    const minutes = minutesUntil(state.lockedUntil, now);
    invalidField("currentPassword", `Too many wrong passwords. For your safety, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  if (!matches) {
    await wait(slowDownMs(state.count));
    invalidField("currentPassword", "That is not your current password.");
  }
  await clearThrottle(db, key);
}

/** Address-change links per account: three an hour; the fourth request within the hour is refused for an hour. */
const EMAIL_CHANGE_THROTTLE = { limit: 4, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE } satisfies ThrottleRule;

export const emailChangeKey = (userId: string) => `email-change:user:${userId}`;

/**
 * Counts one request for an address-change link (after the password check passed). Each request mails someone and
 * says whether an address has an account, so it is bounded however often the password is right. Runs outside the
 * action's transaction, like the password check, so refused requests count too.
 */
export async function countEmailChangeRequest(db: DbOrTx, userId: string, now = new Date()): Promise<void> {
  const state = await hitThrottle(db, emailChangeKey(userId), EMAIL_CHANGE_THROTTLE, now);
  if (state.lockedUntil) {
    const minutes = minutesUntil(state.lockedUntil, now);
    throw new Refusal(
      "conflict",
      `You asked for several confirmation links in the last hour. Use the latest one, or try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}
