import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { emailChangeTokens } from "../schema";

// Global table: a link that confirms a new address belongs to an account, not an organisation.

/**
 * Records a new confirmation link and retires the person's earlier ones, so only the latest request can change the
 * address (and drops links long expired, keeping the table small).
 */
export async function insertEmailChangeToken(db: DbOrTx, userId: string, tokenHash: string, newEmail: string, validMinutes: number) {
  await retireEmailChangeTokens(db, userId);
  await db.insert(emailChangeTokens).values({ userId, tokenHash, newEmail, expiresAt: sql`now() + make_interval(mins => ${validMinutes})` });
}

/**
 * Uses a link: in one statement, so two submits of the same link cannot both pass. Returns the person and the
 * address it confirms, or undefined when the link is unknown, used, retired or expired.
 */
export async function consumeEmailChangeToken(db: DbOrTx, tokenHash: string): Promise<{ userId: string; newEmail: string } | undefined> {
  const [row] = await db
    .update(emailChangeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailChangeTokens.tokenHash, tokenHash), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, sql`now()`)))
    .returning({ userId: emailChangeTokens.userId, newEmail: emailChangeTokens.newEmail });
  return row;
}

/** Ends every waiting link of the person (a newer request, a change made, the account deleted). */
export async function retireEmailChangeTokens(db: DbOrTx, userId: string) {
  await db
    .update(emailChangeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailChangeTokens.userId, userId), isNull(emailChangeTokens.usedAt)));
  await db.delete(emailChangeTokens).where(sql`${emailChangeTokens.expiresAt} < now() - interval '7 days'`);
}

/** The address the person's latest waiting link would confirm, for the account page; undefined when none waits. */
export async function pendingEmailChange(db: DbOrTx, userId: string): Promise<{ newEmail: string; expiresAt: Date } | undefined> {
  const [row] = await db
    .select({ newEmail: emailChangeTokens.newEmail, expiresAt: emailChangeTokens.expiresAt })
    .from(emailChangeTokens)
    .where(and(eq(emailChangeTokens.userId, userId), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, sql`now()`)))
    .orderBy(sql`${emailChangeTokens.createdAt} desc`)
    .limit(1);
  return row;
}

/** The address a waiting link of this person would confirm (the link's page, before its button is pressed). */
export async function findEmailChangeToken(db: DbOrTx, tokenHash: string, userId: string): Promise<{ newEmail: string } | undefined> {
  const [row] = await db
    .select({ newEmail: emailChangeTokens.newEmail })
    .from(emailChangeTokens)
    .where(
      and(
        eq(emailChangeTokens.tokenHash, tokenHash),
        eq(emailChangeTokens.userId, userId),
        isNull(emailChangeTokens.usedAt),
        gt(emailChangeTokens.expiresAt, sql`now()`),
      ),
    );
  return row;
}
