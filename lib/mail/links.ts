import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** An absolute link to a page of the app, for a mail: always built from the public URL (NEXTAUTH_URL). */
export function mailLink(path: string): string {
  return new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

/**
 * Links that prove who they were sent to without a database row (unsubscribe, email verification): the fields,
 * then an HMAC-SHA256 of them under a key derived from the session secret and the link's purpose, so a token made
 * for one purpose is worthless for another. Fields must not contain ".".
 */
export function signFields(purpose: string, fields: readonly string[]): string {
  const body = fields.map((f) => Buffer.from(f).toString("base64url")).join(".");
  return `${body}.${mac(purpose, body)}`;
}

/** The fields of a token signed for this purpose, or null when it was not (or was altered). */
export function verifyFields(purpose: string, token: string, count: number): string[] | null {
  const parts = token.split(".");
  if (parts.length !== count + 1) return null;
  const signature = Buffer.from(parts.pop()!);
  const expected = Buffer.from(mac(purpose, parts.join(".")));
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  return parts.map((p) => Buffer.from(p, "base64url").toString());
}

function mac(purpose: string, body: string): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is needed to sign mail links (npm start sets one).");
  const key = createHmac("sha256", secret).update(`coachgrid-mail:${purpose}`).digest();
  return createHmac("sha256", key).update(body).digest("base64url");
}
