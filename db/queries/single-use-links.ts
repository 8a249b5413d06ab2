import "server-only";
import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import type { emailChangeTokens, passwordResetTokens } from "../schema";

/**
 * The account's links that work once, within their time (password resets, address changes): global tables (a link
 * belongs to an account, not an organisation) with the same columns: only the token's SHA-256, the person, the expiry
 * and when it was used (or retired).
 */
type SingleUseLinks = typeof passwordResetTokens | typeof emailChangeTokens;

/** A link that still works: not used, not retired, not expired. */
export function waiting(links: SingleUseLinks): SQL {
  return and(isNull(links.usedAt), gt(links.expiresAt, sql`now()`))!;
}

/**
 * Uses a link: in one statement, so two submits of the same link cannot both pass. Returns its row, or undefined when
 * the link is unknown, used, retired or expired.
 */
export async function claimLink<T extends SingleUseLinks>(db: DbOrTx, links: T, tokenHash: string): Promise<T["$inferSelect"] | undefined> {
  const [row] = await db
    .update(links as SingleUseLinks) // the union, which drizzle types; its row is cast back to T's below
    .set({ usedAt: sql`now()` })
    .where(and(eq(links.tokenHash, tokenHash), waiting(links)))
    .returning();
  return row as T["$inferSelect"] | undefined;
}

/** Ends every waiting link of the person, and drops links long expired (keeping the table small). */
export async function retireLinks(db: DbOrTx, links: SingleUseLinks, userId: string) {
  await db
    .update(links as SingleUseLinks) // the union, which drizzle types; its row is cast back to T's below
    .set({ usedAt: sql`now()` })
    .where(and(eq(links.userId, userId), isNull(links.usedAt)));
  await db.delete(links).where(sql`${links.expiresAt} < now() - interval '7 days'`);
}
