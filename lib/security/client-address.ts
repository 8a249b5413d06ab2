import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address from X-Forwarded-For, trusting exactly `trustedProxies` hops: each proxy appends the
 * address it received the request from, so the Nth entry from the right is the one the outermost trusted
 * proxy saw. Entries further left are whatever the client claimed. Without trusted proxies: none.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number | undefined): string | null {
  if (!trustedProxies || !forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  return hops[Math.max(0, hops.length - trustedProxies)]!.slice(0, 64);
}

/**
 * The address the per-address rate limits (sign-in, check-in answers) key on: from X-Forwarded-For as far as
 * TRUST_PROXY says to trust it; null when the deployment names no proxy (the header is then anyone's to forge).
 */
export function trustedClientAddress(forwardedFor: string | string[] | null | undefined): string | null {
  return clientAddress(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, env().TRUST_PROXY);
}

/** The trusted client address of the request being handled; null outside a request (scripts, tests) or without TRUST_PROXY. */
export async function requestClientAddress(): Promise<string | null> {
  try {
    return trustedClientAddress((await headers()).get("x-forwarded-for"));
  } catch {
    return null; // outside a request
  }
}
