import { describe, expect, it, vi } from "vitest";
import { attemptSignIn, SIGN_IN_THROTTLE, signIn, unlockAccount } from "@/lib/accounts/sign-in";
import { deviceCookieName, newDeviceToken, trustedDeviceNonce } from "@/lib/auth/device-cookie";
import { withTestDatabase } from "../support/database";
import { at, PASSWORD, personWithPassword } from "../support/sign-in";

// The device cookie is signed with the app's secret; env() reads it once, on first use.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "lockout-test-secret-0123456789";
});

const testDb = withTestDatabase();
const { account: rule } = SIGN_IN_THROTTLE;
const person = () => personWithPassword(testDb(), "Lou Lockout");

/** A stranger sends `limit` wrong passwords (now, since signIn() reads the clock): the account is locked for every browser it does not know. */
async function lockOut(email: string) {
  for (let i = 0; i < rule.limit; i++) await attemptSignIn(testDb(), { email, password: "wrong" });
  expect((await attemptSignIn(testDb(), { email, password: PASSWORD })).user).toBeNull();
}

const cookieHeader = (token: string) => ({ headers: { cookie: `other=1; ${deviceCookieName()}=${encodeURIComponent(token)}` } });

describe("lockout as a weapon", () => {
  it("a browser that signed in before gets past the lock with the right password (device cookie)", async () => {
    const email = await person();
    const device = newDeviceToken(email);
    await lockOut(email);
    // Through the sign-in entry, as next-auth calls it with the request's headers.
    expect(await signIn({ email, password: PASSWORD }, cookieHeader(device))).toMatchObject({ email });
    // The lock still holds for everyone else.
    expect(await signIn({ email, password: PASSWORD })).toBeNull();
  });

  it("a device cookie for another account, or a forged one, does not", async () => {
    const email = await person();
    const other = await person();
    await lockOut(email);
    const [nonce, mac] = newDeviceToken(email).split(".");
    // Through the sign-in entry once (each refusal there is slowed down), then the check itself for the forgeries.
    expect(await signIn({ email, password: PASSWORD }, cookieHeader(newDeviceToken(other)))).toBeNull();
    for (const token of [newDeviceToken(other), `${nonce}.${mac!.slice(1)}x`, `${nonce}x.${mac}`, "garbage", `${nonce}.${mac}.${mac}`]) {
      expect(trustedDeviceNonce(token, email), token).toBeNull();
    }
    expect(trustedDeviceNonce(newDeviceToken(email), email.toUpperCase())).not.toBeNull();
    expect(trustedDeviceNonce(newDeviceToken(email, "another secret of the app!"), email)).toBeNull();
  });

  it("a known device has a lock of its own: a stolen device cookie gets no more than the account's limit", async () => {
    const email = await person();
    const nonce = trustedDeviceNonce(newDeviceToken(email), email)!;
    for (let i = 0; i < rule.limit; i++) await attemptSignIn(testDb(), { email, password: "wrong" }, { now: at(i * 1000), deviceNonce: nonce });
    expect((await attemptSignIn(testDb(), { email, password: PASSWORD }, { now: at(20_000), deviceNonce: nonce })).user).toBeNull();
    // The device's failures did not lock the account for the owner's other browsers.
    expect((await attemptSignIn(testDb(), { email, password: PASSWORD }, { now: at(21_000) })).user).not.toBeNull();
  });

  it("unlockAccount (the password-reset hook) lifts the lock at once", async () => {
    const email = await person();
    await lockOut(email);
    await unlockAccount(testDb(), email.toUpperCase());
    expect((await attemptSignIn(testDb(), { email, password: PASSWORD })).user).toMatchObject({ email });
  });
});
