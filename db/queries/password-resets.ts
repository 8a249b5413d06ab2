import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { passwordResetTokens } from "../schema";

// Global table: a reset link belongs to an account, not an organisation.

export async function insertPasswordResetToken(db: DbOrTx, userId: string, tokenHash: string, validMinutes: number) {
  await db.insert(passwordResetTokens).values({ userId, tokenHash, expiresAt: sql`now() + make_interval(mins => ${validMinutes})` });
}

/**
 * Uses a link: in one statement, so two submits of the same link cannot both pass. Returns its person, or
 * undefined when the link is unknown, used or expired.
 */
export async function consumePasswordResetToken(db: DbOrTx, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId;
}

/** Ends the person's other links once one was used (and drops those long expired, keeping the table small). */
export async function retirePasswordResetTokens(db: DbOrTx, userId: string) {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  await db.delete(passwordResetTokens).where(sql`${passwordResetTokens.expiresAt} < now() - interval '7 days'`);
}
