import "server-only";
import { and, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { executeRows, parsedJson } from "./execute";
import { inviteLedTeams, invites, memberships, teamLeaders, teams, users } from "../schema";
import type { MemberRole, MemberStatus } from "../schema/enums";

export async function insertInvite(
  db: DbOrTx,
  orgId: string,
  values: {
    id?: string;
    tokenHash: string;
    role: MemberRole;
    teamId: string | null;
    email: string | null;
    maxUses: number;
    expiresAt: Date;
    createdBy: string;
    emailedAt?: Date | null;
  },
) {
  const [invite] = await db
    .insert(invites)
    .values({ orgId, ...values })
    .returning();
  return invite!;
}

/**
 * Several single-use invites in one statement, however many (the bulk form, the people import): the rows travel as
 * one JSON parameter, so no count of rows can reach the protocol's limit on parameters. Returns id and email of
 * each, in the order given.
 */
export async function insertInvites(
  db: DbOrTx,
  orgId: string,
  rows: readonly {
    tokenHash: string;
    role: MemberRole;
    teamId: string | null;
    email: string;
    expiresAt: Date;
    createdBy: string;
    emailedAt: Date | null;
  }[],
): Promise<{ id: string; email: string }[]> {
  if (rows.length === 0) return [];
  const json = JSON.stringify(
    rows.map((r) => ({
      token_hash: r.tokenHash,
      role: r.role,
      team_id: r.teamId,
      email: r.email,
      expires_at: r.expiresAt.toISOString(),
      created_by: r.createdBy,
      emailed_at: r.emailedAt?.toISOString() ?? null,
    })),
  );
  return executeRows<{ id: string; email: string }>(
    db,
    sql`
    with inserted as (
      insert into ${invites} (org_id, token_hash, role, team_id, email, max_uses, expires_at, created_by, emailed_at)
      select ${orgId}::uuid, r.token_hash, r.role, r.team_id, r.email, 1, r.expires_at, r.created_by, r.emailed_at
      from jsonb_to_recordset(${json}::jsonb) as r(token_hash text, role member_role, team_id uuid, email text, expires_at timestamptz, created_by uuid, emailed_at timestamptz)
      returning id, email, token_hash
    )
    select inserted.id, inserted.email from inserted
    join jsonb_array_elements(${json}::jsonb) with ordinality as given(row, n) on given.row ->> 'token_hash' = inserted.token_hash
    order by given.n`,
  );
}

/** The further teams of leaders' invites (invite_led_teams), in one statement. */
export async function insertInviteLedTeams(db: DbOrTx, orgId: string, rows: readonly { inviteId: string; teamId: string }[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ invite_id: r.inviteId, team_id: r.teamId })));
  await db.execute(sql`
    insert into ${inviteLedTeams} (org_id, invite_id, team_id)
    select ${orgId}::uuid, r.invite_id, r.team_id from jsonb_to_recordset(${json}::jsonb) as r(invite_id uuid, team_id uuid)
    on conflict do nothing`);
}

type Member = NonNullable<PersonByEmail["member"]> & { email: string };
type Invite = NonNullable<PersonByEmail["invite"]>;

export type PersonByEmail = {
  email: string;
  /** Their membership of the organisation, any status; null when they are not a member. */
  member: { userId: string; name: string; role: MemberRole; status: MemberStatus; teamId: string | null; ledTeamIds: string[] } | null;
  /** The newest invite bound to the address that can still be used; null when there is none. */
  invite: { role: MemberRole; teamId: string | null; ledTeamIds: string[] } | null;
};

/**
 * Of these addresses (lower-cased), who is already in the organisation (with role, status, team and the teams they
 * lead) and who has a usable invite bound to them (with its role and teams), in one statement however many
 * addresses: they travel as one JSON parameter and the answer comes back as one JSON value.
 */
export async function findPeopleByEmail(db: DbOrTx, orgId: string, emails: readonly string[], now: Date): Promise<PersonByEmail[]> {
  if (emails.length === 0) return [];
  // One probe per address into an index (users by lower(email); invites by organisation and email, stored
  // lower-cased), each side answered as one JSON value and matched up here. Lateral, so the plan cannot turn into a
  // join of every address with every invite (on statistics not yet updated after a large import it did, and took a
  // minute); and on the invite's column itself, since behind row-level security a condition through lower(), which
  // is not leakproof, is checked row by row instead of used in the index.
  const [row] = await executeRows<{ members: Member[] | string | null; invites: (Invite & { email: string })[] | string | null }>(
    db,
    sql`
    with given as materialized (select distinct value as email from jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))
    select
      (select json_agg(json_build_object('email', g.email, 'userId', m.user_id, 'name', u.name, 'role', m.role, 'status', m.status, 'teamId', m.team_id,
          'ledTeamIds', coalesce((select json_agg(tl.team_id order by tl.team_id) from ${teamLeaders} tl where tl.org_id = m.org_id and tl.user_id = m.user_id), '[]'::json)))
        from given g
        cross join lateral (select u.id, u.name from ${users} u where lower(u.email) = g.email) u
        join ${memberships} m on m.org_id = ${orgId} and m.user_id = u.id) as members,
      (select json_agg(json_build_object('email', g.email, 'role', i.role, 'teamId', i.team_id,
          'ledTeamIds', coalesce((select json_agg(lt.team_id order by lt.team_id) from ${inviteLedTeams} lt where lt.org_id = i.org_id and lt.invite_id = i.id), '[]'::json)))
        from given g
        cross join lateral (
          select i.org_id, i.id, i.role, i.team_id from ${invites} i
          where i.org_id = ${orgId} and i.email = g.email
            and i.revoked_at is null and i.expires_at > ${now.toISOString()}::timestamptz and i.uses < i.max_uses
          order by i.created_at desc limit 1
        ) i) as invites`,
  );
  const members = new Map((row?.members ? parsedJson(row.members) : []).map((m) => [m.email, m]));
  const found = new Map((row?.invites ? parsedJson(row.invites) : []).map((i) => [i.email, i]));
  return [...new Set([...members.keys(), ...found.keys()])].map((email) => {
    const m = members.get(email);
    const i = found.get(email);
    return {
      email,
      member: m ? { userId: m.userId, name: m.name, role: m.role, status: m.status, teamId: m.teamId, ledTeamIds: m.ledTeamIds } : null,
      invite: i ? { role: i.role, teamId: i.teamId, ledTeamIds: i.ledTeamIds } : null,
    };
  });
}

/**
 * Of these addresses (lower-cased), those that already belong to the organisation (any membership status) and
 * those with an active invite bound to them (and no membership), in one query.
 */
export async function findTakenAddresses(db: DbOrTx, orgId: string, emails: readonly string[], now: Date) {
  const people = await findPeopleByEmail(db, orgId, emails, now);
  return {
    members: people.filter((p) => p.member).map((p) => p.email),
    invited: people.filter((p) => !p.member && p.invite).map((p) => p.email),
  };
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

export async function markInviteRevoked(db: DbOrTx, orgId: string, id: string, revokedBy: string) {
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
      and(eq(invites.orgId, orgId), eq(invites.id, id), isNull(invites.revokedAt), gt(invites.expiresAt, now), lt(invites.uses, invites.maxUses)),
    )
    .returning({ uses: invites.uses });
  return Boolean(row);
}

/**
 * Makes the person who accepted a leader's invite a leader of the further teams it names (invite_led_teams), in one
 * statement. `invites.team_id`, the first team, is attached by the caller as for any invite.
 */
export async function insertLeadershipsOfInvite(db: DbOrTx, orgId: string, inviteId: string, userId: string) {
  await db.execute(sql`
    insert into ${teamLeaders} (org_id, team_id, user_id)
    select ${inviteLedTeams.orgId}, ${inviteLedTeams.teamId}, ${userId}::uuid from ${inviteLedTeams}
    where ${inviteLedTeams.orgId} = ${orgId} and ${inviteLedTeams.inviteId} = ${inviteId}
    on conflict do nothing`);
}
