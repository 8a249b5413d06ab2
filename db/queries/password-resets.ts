import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { passwordResetTokens } from "../schema";
import { retireLinks, claimLink } from "./single-use-links";

// Global table: a reset link belongs to an account, not an organisation.

export async function insertPasswordResetToken(db: DbOrTx, userId: string, tokenHash: string, validMinutes: number) {
  await db.insert(passwordResetTokens).values({ userId, tokenHash, expiresAt: sql`now() + make_interval(mins => ${validMinutes})` });
}

/** Uses a link (single use, ./single-use-links.ts). Returns its person, or undefined when the link is unknown, used or expired. */
export async function consumePasswordResetToken(db: DbOrTx, tokenHash: string): Promise<string | undefined> {
  return (await claimLink(db, passwordResetTokens, tokenHash))?.userId;
}

/** Ends the person's other links once one was used (and drops those long expired, keeping the table small). */
export async function retirePasswordResetTokens(db: DbOrTx, userId: string) {
  await retireLinks(db, passwordResetTokens, userId);
}
