import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { emailChangeTokens } from "../schema";
import { retireLinks, claimLink, waiting } from "./single-use-links";

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
 * Uses a link (single use, ./single-use-links.ts). Returns the person and the address it confirms, or undefined when
 * the link is unknown, used, retired or expired.
 */
export async function consumeEmailChangeToken(db: DbOrTx, tokenHash: string): Promise<{ userId: string; newEmail: string } | undefined> {
  const link = await claimLink(db, emailChangeTokens, tokenHash);
  return link && { userId: link.userId, newEmail: link.newEmail };
}

/** Ends every waiting link of the person (a newer request, a change made, the account deleted). */
export async function retireEmailChangeTokens(db: DbOrTx, userId: string) {
  await retireLinks(db, emailChangeTokens, userId);
}

/** The address the person's latest waiting link would confirm, for the account page; undefined when none waits. */
export async function pendingEmailChange(db: DbOrTx, userId: string): Promise<{ newEmail: string } | undefined> {
  const [row] = await db
    .select({ newEmail: emailChangeTokens.newEmail })
    .from(emailChangeTokens)
    .where(and(eq(emailChangeTokens.userId, userId), waiting(emailChangeTokens)))
    .orderBy(desc(emailChangeTokens.createdAt))
    .limit(1);
  return row;
}

/** The address a waiting link of this person would confirm (the link's page, before its button is pressed). */
export async function findEmailChangeToken(db: DbOrTx, tokenHash: string, userId: string): Promise<{ newEmail: string } | undefined> {
  const [row] = await db
    .select({ newEmail: emailChangeTokens.newEmail })
    .from(emailChangeTokens)
    .where(and(eq(emailChangeTokens.tokenHash, tokenHash), eq(emailChangeTokens.userId, userId), waiting(emailChangeTokens)));
  return row;
}
