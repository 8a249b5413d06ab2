import "server-only";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { authEvents, endedSessions, users } from "../schema";
import type { AuthEventKind } from "../schema/enums";

// Global tables: accounts belong to no organisation, so these queries take no org id.

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/**
 * The fields a session needs, read on every signed-in request (prepared: see db/client.ts), with whether the
 * token's session was ended on the server (signed out) folded into the same statement.
 */
export async function findSessionUser(db: DbOrTx, id: string, sessionId: string) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      sessionVersion: users.sessionVersion,
      // Raw aliases: Drizzle leaves columns unqualified inside a select's sql``, which would be ambiguous here.
      ended: sql<boolean>`exists (select 1 from ${endedSessions} es where es.id = ${sessionId} and es.user_id = ${users}.id)`,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1)
    .prepare("find_session_user")
    .execute();
  return user;
}

/** How long a session id must stay listed as ended: the longest a token of it can live. */
const ENDED_SESSION_HORIZON_MS = 30 * 24 * 60 * 60_000;

/** Ends one session on the server: its token gets no session from now on, wherever it is replayed. */
export async function endSession(db: DbOrTx, userId: string, sessionId: string, now = new Date()) {
  // Through a select of the user, so an id of nobody, or of a deleted account (whose sessions all ended with it),
  // lists nothing instead of failing or leaving a trace.
  const owner = db
    .select({ id: sql`${sessionId}::uuid`.as("id"), userId: users.id, endedAt: sql`${now.toISOString()}::timestamptz`.as("ended_at") })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  await db.insert(endedSessions).select(owner).onConflictDoNothing();
  // Bounded clean-up, as for throttles: each sign-out removes up to two rows no token can outlive any more.
  const stale = db
    .select({ id: endedSessions.id })
    .from(endedSessions)
    .where(lt(endedSessions.endedAt, new Date(now.getTime() - ENDED_SESSION_HORIZON_MS)))
    .orderBy(endedSessions.endedAt)
    .limit(2)
    .for("update", { skipLocked: true });
  await db.delete(endedSessions).where(inArray(endedSessions.id, stale));
}

/** Bumps the session version, which ends every session of this person (sign out everywhere). */
export async function bumpSessionVersion(db: DbOrTx, id: string) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id));
}

export async function insertUser(db: DbOrTx, values: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date }) {
  const [user] = await db.insert(users).values(values).returning();
  return user!;
}

/**
 * Inserts the account unless its email is taken; undefined when it is. A sign-up racing another with the same email
 * waits for it here and then gets undefined, not a unique violation that would end the transaction with an error.
 */
export async function insertUserIfNew(db: DbOrTx, values: { email: string; name: string; passwordHash: string }) {
  const [user] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return user;
}

export async function updateUserName(db: DbOrTx, id: string, name: string) {
  await db.update(users).set({ name }).where(eq(users.id, id));
}

/** Sets a new hash and bumps the session version, which ends every session of this person. */
export async function updateUserPassword(db: DbOrTx, id: string, passwordHash: string, expectedVersion: number) {
  const updated = await db
    .update(users)
    .set({ passwordHash, sessionVersion: expectedVersion + 1 })
    .where(and(eq(users.id, id), eq(users.sessionVersion, expectedVersion)))
    .returning({ sessionVersion: users.sessionVersion });
  return updated[0]?.sessionVersion;
}

export async function touchLastSignIn(db: DbOrTx, id: string) {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
}

export async function insertAuthEvent(db: DbOrTx, event: { userId?: string; email: string; kind: AuthEventKind }) {
  await db.insert(authEvents).values(event);
}

/**
 * A password set through a reset link: a new hash, and the session version moved on, which ends every session of
 * this person. Following a link mailed to the address also proves the address (verifies it).
 */
export async function resetUserPassword(db: DbOrTx, id: string, passwordHash: string) {
  const [user] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, id))
    .returning({ id: users.id, email: users.email });
  return user;
}

/**
 * Marks the address verified when it is still the person's address (a link proves only the address it was mailed
 * to). True when it was not verified before.
 */
export async function markEmailVerified(db: DbOrTx, id: string, email: string): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ emailVerifiedAt: sql`now()` })
    .where(and(eq(users.id, id), sql`lower(${users.email}) = lower(${email})`, sql`${users.emailVerifiedAt} is null`))
    .returning({ id: users.id });
  return updated.length > 0;
}

/**
 * The account's new address, confirmed by a link mailed to it (so verified), and a new session version, which ends
 * every session of this person. Undefined when the account is gone. The unique index on lower(email) refuses an
 * address another account took in the meantime.
 */
export async function setUserEmail(db: DbOrTx, id: string, email: string) {
  const [user] = await db
    .update(users)
    .set({ email, emailVerifiedAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .returning({ id: users.id, email: users.email });
  return user;
}
