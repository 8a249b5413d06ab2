import { createHash, randomBytes } from "node:crypto";

/** A link token: 256 random bits, URL-safe. Shown once; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token. SHA-256 suffices: the token itself is random, not a password. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
