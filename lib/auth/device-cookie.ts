import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isSecureUrl } from "./cookies";

/**
 * The device cookie (OWASP, "Slow down online guessing attacks with device cookies"): a browser that has signed
 * in to an account gets a cookie naming that account, signed with the app's secret, so on its next sign-in it is
 * known. A known device is throttled on its own (lib/accounts/sign-in.ts) rather than by the account's lock: a
 * stranger sending wrong passwords locks the account for every unknown browser but not for its owner's.
 *
 * The value is `nonce.mac`, the mac over the lower-cased email and the nonce: it does not reveal the email, and it
 * can be checked only against the email being signed in. Sent to the auth endpoints only.
 */
const secure = () => isSecureUrl(env().NEXTAUTH_URL);
export const deviceCookieName = () => `${secure() ? "__Secure-" : ""}coachgrid-device`;
const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;

export function deviceCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/api/auth", secure: secure(), maxAge: DEVICE_COOKIE_MAX_AGE_S };
}

function secret(): string {
  const value = env().NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: device cookies cannot be signed");
  return value;
}

function mac(email: string, nonce: string, key: string): string {
  return createHmac("sha256", key).update(`coachgrid-device:v1:${email.toLowerCase()}:${nonce}`).digest("base64url");
}

/** A new device cookie value for this account. */
export function newDeviceToken(email: string, key = secret()): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${mac(email, nonce, key)}`;
}

/** The device's nonce when `token` is a valid device cookie for this email, else null. */
export function trustedDeviceNonce(token: string | null | undefined, email: string, key?: string): string | null {
  if (!token || token.length > 200) return null;
  const [nonce, given, ...rest] = token.split(".");
  if (!nonce || !given || rest.length > 0 || nonce.length > 64) return null;
  const expected = Buffer.from(mac(email, nonce, key ?? secret()));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? nonce : null;
}

/** The device cookie's value from a Cookie header, or null. */
export function deviceTokenFromCookieHeader(header: string | string[] | null | undefined): string | null {
  const joined = Array.isArray(header) ? header.join("; ") : (header ?? "");
  const name = deviceCookieName();
  for (const part of joined.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}
