import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { findUserByEmail, insertAuthEvent, touchLastSignIn } from "@/db/queries/accounts";
import { clearThrottle, hitThrottle, throttleLockedUntil, type ThrottleRule } from "@/db/queries/throttles";
import { deviceCookieName, deviceCookieOptions, deviceTokenFromCookieHeader, newDeviceToken, trustedDeviceNonce } from "@/lib/auth/device-cookie";
import { verifyPassword } from "@/lib/auth/password";
import { publicRoute } from "@/lib/chain/open";
import { signInSchema } from "@/lib/schemas/accounts";
import { trustedClientAddress } from "@/lib/security/client-address";

const MINUTE = 60_000;

/**
 * Sign-in throttling, in the database so every app instance shares it:
 * - per account (its email, whether or not an account has it, so the answers never tell): every attempt
 *   counts; from the 4th in a window each failed answer is held back longer (1 s, 2 s, 4 s, then 8 s); the
 *   10th within 15 minutes locks the email for 15 minutes, during which even the right password is refused
 *   with the same answer as a wrong one. Attempts during a lock do not extend it, so an attacker cannot keep
 *   a person out for longer than one lock at a stretch. A successful sign-in clears the count.
 * - per known device instead of per account: a browser that signed in to this account before carries a signed
 *   device cookie (lib/auth/device-cookie.ts). Its attempts count under the device's own key with the account's
 *   limits, and the account's lock does not apply to it: a stranger who keeps the account locked with wrong
 *   passwords does not lock out its owner's browser. A stolen device cookie gives no more than its own 10 tries.
 * - per client address, only behind a trusted proxy (TRUST_PROXY): 50 failures within 15 minutes lock the
 *   address for 15 minutes, against one machine trying many accounts.
 */
export const SIGN_IN_THROTTLE = {
  account: { limit: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE } satisfies ThrottleRule,
  address: { limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE } satisfies ThrottleRule,
  /** Attempts in a window answered at full speed; later failures wait `slowDownMs`. */
  freeAttempts: 3,
};

/** How long a failed answer is held back, by the attempt's number in the window. */
export function slowDownMs(attempt: number): number {
  if (attempt <= SIGN_IN_THROTTLE.freeAttempts) return 0;
  return Math.min(1000 * 2 ** (attempt - SIGN_IN_THROTTLE.freeAttempts - 1), 8000);
}

export const accountKey = (email: string) => `sign-in:account:${email.toLowerCase()}`;
const addressKey = (address: string) => `sign-in:address:${address}`;
const deviceKey = (nonce: string) => `sign-in:device:${nonce}`;

/**
 * Lifts the account's sign-in lock and forgets its failed attempts, at once. The hook for proving control of the
 * account another way: a completed password reset calls it (with its transaction), so the owner is not kept
 * waiting out a lock that someone else caused. Known devices' counts are their own and stay.
 */
export async function unlockAccount(db: DbOrTx, email: string): Promise<void> {
  await clearThrottle(db, accountKey(email));
}

type SignedInUser = { id: string; name: string; email: string; sessionVersion: number };
export type SignInResult = { user: SignedInUser | null; delayMs: number };
type AttemptOptions = {
  now?: Date;
  address?: string | null;
  /** The nonce of a device cookie already verified for this email (a browser that signed in to it before). */
  deviceNonce?: string | null;
};

/**
 * One attempt, with the clock passed in. Every refusal is the same `user: null`, so a locked account, a wrong
 * password and an unknown email cannot be told apart.
 */
export async function attemptSignIn(
  db: DbOrTx,
  { email, password }: { email: string; password: string },
  { now = new Date(), address = null, deviceNonce = null }: AttemptOptions = {},
): Promise<SignInResult> {
  // A known device counts under its own key, so the account's lock (which strangers can cause) does not stop it.
  const key = deviceNonce ? deviceKey(deviceNonce) : accountKey(email);
  const account = await hitThrottle(db, key, SIGN_IN_THROTTLE.account, now);
  const addressLocked = address ? await throttleLockedUntil(db, addressKey(address), now) : null;
  const user = await findUserByEmail(db, email);
  // A refused attempt still does the password work, so a lock cannot be told apart by timing either.
  const matches = await verifyPassword(account.lockedUntil || addressLocked ? undefined : user?.passwordHash, password);
  const ok = matches && Boolean(user) && !account.lockedUntil && !addressLocked;
  await insertAuthEvent(db, { userId: user?.id, email, kind: ok ? "sign_in" : "sign_in_failed" });
  if (!ok || !user) {
    if (address && !addressLocked) await hitThrottle(db, addressKey(address), SIGN_IN_THROTTLE.address, now);
    return { user: null, delayMs: slowDownMs(account.count) };
  }
  await clearThrottle(db, key);
  await touchLastSignIn(db, user.id);
  return { user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion }, delayMs: 0 };
}

/**
 * Checks an email and password for next-auth's credentials callback. A wrong email and a wrong password
 * look the same from outside (same answer, same work). Failed attempts are recorded, not refused with a
 * rollback, so the auth-events table and the throttle keep them.
 */
const signInCall = publicRoute(
  {
    name: "auth.signIn",
    // `address` and `deviceNonce` are never the client's to say: signIn() below always overwrites them, from the
    // trusted headers and from a device cookie whose signature it has checked.
    input: signInSchema.extend({ address: z.string().max(64).nullable().default(null), deviceNonce: z.string().max(64).nullable().default(null) }),
  },
  async ({ tx }, { address, deviceNonce, ...credentials }) => attemptSignIn(tx, credentials, { address, deviceNonce }),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `headers`: the request's headers as next-auth hands them to `authorize`. */
export async function signIn(credentials: unknown, request?: { headers?: Record<string, string | string[] | undefined> }) {
  const address = trustedClientAddress(request?.headers?.["x-forwarded-for"]);
  const email =
    credentials && typeof credentials === "object" && "email" in credentials && typeof credentials.email === "string" ? credentials.email : "";
  const deviceNonce = email ? trustedDeviceNonce(deviceTokenFromCookieHeader(request?.headers?.cookie), email) : null;
  const outcome = await signInCall(credentials && typeof credentials === "object" ? { ...credentials, address, deviceNonce } : credentials);
  if (outcome.status !== "ok") return null;
  if (outcome.data.delayMs) await sleep(outcome.data.delayMs);
  if (outcome.data.user) await rememberDevice(outcome.data.user.email);
  return outcome.data.user;
}

/** Gives the browser a device cookie for this account (a fresh nonce, so its device count starts afresh). */
async function rememberDevice(email: string) {
  try {
    (await cookies()).set(deviceCookieName(), newDeviceToken(email), deviceCookieOptions());
  } catch {
    // outside a request (scripts, tests): there is no browser to remember
  }
}
