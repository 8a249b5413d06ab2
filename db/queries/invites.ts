import { and, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { executeRows } from "./execute";
import { invites, memberships, teams, users } from "../schema";
import type { Role } from "./organisations";

export type InviteRecord = typeof invites.$inferSelect;

export async function insertInvite(
  db: DbOrTx,
  orgId: string,
  values: { id?: string; tokenHash: string; role: Role; teamId: string | null; email: string | null; maxUses: number; expiresAt: Date; createdBy: string; emailedAt?: Date | null },
) {
  const [invite] = await db.insert(invites).values({ orgId, ...values }).returning();
  return invite!;
}

/** Several invites in one statement (the bulk form), in the order given. */
export async function insertInvites(
  db: DbOrTx,
  orgId: string,
  rows: readonly { tokenHash: string; role: Role; teamId: string | null; email: string; expiresAt: Date; createdBy: string; emailedAt: Date | null }[],
) {
  if (rows.length === 0) return [];
  return db
    .insert(invites)
    .values(rows.map((row) => ({ orgId, maxUses: 1, ...row })))
    .returning({ id: invites.id, email: invites.email, expiresAt: invites.expiresAt });
}

/**
 * Of these addresses (lower-cased), those that already belong to the organisation (any membership status) and
 * those with an active invite bound to them, in one query.
 */
export async function findTakenAddresses(db: DbOrTx, orgId: string, emails: readonly string[], now: Date) {
  if (emails.length === 0) return { members: [] as string[], invited: [] as string[] };
  const list = sql.join(
    emails.map((email) => sql`${email}`),
    sql`, `,
  );
  const rows = await executeRows<{ email: string; taken: "member" | "invited" }>(db, sql`
    select lower(${users.email}) as email, 'member' as taken from ${memberships}
    join ${users} on ${users.id} = ${memberships.userId}
    where ${memberships.orgId} = ${orgId} and lower(${users.email}) in (${list})
    union
    select lower(${invites.email}), 'invited' from ${invites}
    where ${invites.orgId} = ${orgId} and lower(${invites.email}) in (${list})
      and ${invites.revokedAt} is null and ${invites.expiresAt} > ${now.toISOString()}::timestamptz and ${invites.uses} < ${invites.maxUses}
  `);
  const members = new Set(rows.filter((r) => r.taken === "member").map((r) => r.email));
  return { members: [...members], invited: rows.filter((r) => r.taken === "invited" && !members.has(r.email)).map((r) => r.email) };
}

/**
 * Gives a usable email-bound invite a new token (the old link stops working: only hashes are kept, so mailing
 * the link again means making a new one) and records the sending. Undefined when the invite is not usable.
 */
export async function renewInviteToken(db: DbOrTx, orgId: string, id: string, tokenHash: string, now: Date) {
  const [row] = await db
    .update(invites)
    .set({ tokenHash, emailedAt: now })
    .where(
      and(
        eq(invites.orgId, orgId),
        eq(invites.id, id),
        sql`${invites.email} is not null`,
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
        lt(invites.uses, invites.maxUses),
      ),
    )
    .returning({ id: invites.id });
  return row;
}

/** An invite with its team's name, found by the hash of its token inside one organisation. */
export async function findInviteByTokenHash(db: DbOrTx, orgId: string, tokenHash: string) {
  const [row] = await db
    .select({ invite: invites, teamName: teams.name })
    .from(invites)
    .leftJoin(teams, and(eq(teams.orgId, invites.orgId), eq(teams.id, invites.teamId)))
    .where(and(eq(invites.orgId, orgId), eq(invites.tokenHash, tokenHash)))
    .limit(1);
  return row ? { ...row.invite, teamName: row.teamName } : undefined;
}

export async function findInvite(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ invite: invites, teamName: teams.name })
    .from(invites)
    .leftJoin(teams, and(eq(teams.orgId, invites.orgId), eq(teams.id, invites.teamId)))
    .where(and(eq(invites.orgId, orgId), eq(invites.id, id)));
  return row ? { ...row.invite, teamName: row.teamName } : undefined;
}

/** Invites for the list, newest first, with team and creator names. `teamIds` undefined: all teams. */
export async function listInvites(db: DbOrTx, orgId: string, teamIds?: readonly string[]) {
  if (teamIds && teamIds.length === 0) return [];
  const creator = alias(users, "creator");
  return db
    .select({
      id: invites.id,
      role: invites.role,
      teamId: invites.teamId,
      teamName: teams.name,
      email: invites.email,
      maxUses: invites.maxUses,
      uses: invites.uses,
      expiresAt: invites.expiresAt,
      createdAt: invites.createdAt,
      revokedAt: invites.revokedAt,
      emailedAt: invites.emailedAt,
      createdByName: creator.name,
    })
    .from(invites)
    .leftJoin(teams, and(eq(teams.orgId, invites.orgId), eq(teams.id, invites.teamId)))
    .innerJoin(creator, eq(creator.id, invites.createdBy))
    .where(and(eq(invites.orgId, orgId), teamIds ? inArray(invites.teamId, [...teamIds]) : undefined))
    .orderBy(desc(invites.createdAt))
    .limit(200);
}

export async function revokeInvite(db: DbOrTx, orgId: string, id: string, revokedBy: string) {
  const [row] = await db
    .update(invites)
    .set({ revokedAt: new Date(), revokedBy })
    .where(and(eq(invites.orgId, orgId), eq(invites.id, id), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  return Boolean(row);
}

/**
 * Takes one use of the invite if it is still usable, in one statement: concurrent acceptances of a
 * single-use link cannot both succeed. Returns false when it is revoked, expired or used up.
 */
export async function claimInviteUse(db: DbOrTx, orgId: string, id: string, now: Date) {
  const [row] = await db
    .update(invites)
    .set({ uses: sql`${invites.uses} + 1` })
    .where(
      and(
        eq(invites.orgId, orgId),
        eq(invites.id, id),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
        lt(invites.uses, invites.maxUses),
      ),
    )
    .returning({ uses: invites.uses });
  return Boolean(row);
}
