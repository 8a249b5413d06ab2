import "server-only";
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { memberships, teamLeaders, teams, users } from "../schema";
import type { MemberRole, MemberStatus } from "../schema/enums";

export async function findMembership(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ membership: memberships, name: users.name, email: users.email, accountDeleted: sql<boolean>`${users.deletedAt} is not null` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ? { ...row.membership, name: row.name, email: row.email, accountDeleted: row.accountDeleted } : undefined;
}

export type MemberFilter = {
  /** Only people of these teams (reps in them, and their leaders); undefined: everyone. */
  teamIds?: readonly string[];
  search?: string;
  role?: MemberRole;
  status?: MemberStatus;
  teamId?: string;
};

/**
 * The members list in one query: person, role, status, the rep's team, the teams a leader leads, last sign-in.
 * With `page`, only that slice of the list (by name), each row carrying the count of the whole filtered list
 * (`total`, a window count of the same statement): a page of an organisation of 20,000 maps 100 rows, not 20,000.
 */
export async function listMembers(db: DbOrTx, orgId: string, filter: MemberFilter = {}, page?: { limit: number; offset: number }) {
  if (filter.teamIds && filter.teamIds.length === 0) return [];
  const ledTeams = sql<{ id: string; name: string }[]>`coalesce((
    select json_agg(json_build_object('id', lt.id, 'name', lt.name) order by lt.name)
    from ${teamLeaders} tl join ${teams} lt on lt.org_id = tl.org_id and lt.id = tl.team_id
    where tl.org_id = ${memberships.orgId} and tl.user_id = ${memberships.userId}
  ), '[]'::json)`;
  // In one of these teams: as a rep, or as one of its leaders. (Raw aliases: see listTeamSummaries.)
  const inTeams = (ids: readonly string[]): SQL =>
    or(
      inArray(memberships.teamId, [...ids]),
      sql`exists (select 1 from ${teamLeaders} tl where tl.org_id = ${memberships.orgId}
        and tl.user_id = ${memberships.userId} and tl.team_id in ${[...ids]})`,
    )!;
  const search = filter.search?.trim();
  const query = db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
      teamId: memberships.teamId,
      teamName: teams.name,
      ledTeams,
      lastSignInAt: users.lastSignInAt,
      joinedAt: memberships.createdAt,
      /** The person deleted their account: the row is "A former member" with a placeholder address. */
      accountDeleted: sql<boolean>`${users.deletedAt} is not null`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, and(eq(teams.orgId, memberships.orgId), eq(teams.id, memberships.teamId)))
    .where(
      and(
        eq(memberships.orgId, orgId),
        filter.teamIds ? inTeams(filter.teamIds) : undefined,
        filter.teamId ? inTeams([filter.teamId]) : undefined,
        filter.role ? eq(memberships.role, filter.role) : undefined,
        filter.status ? eq(memberships.status, filter.status) : undefined,
        search ? or(ilike(users.name, `%${search}%`), ilike(users.email, `%${search}%`)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.userId))
    .$dynamic();
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/**
 * Counts the organisation's active admins and locks their memberships until the transaction ends. Two admins
 * demoting or deactivating each other at once then take turns: the second waits, re-reads the rows the first
 * changed, and counts what is left, so the organisation always keeps one active admin. (Locked in id order, so
 * two such transactions cannot deadlock.)
 */
export async function lockActiveAdmins(db: DbOrTx, orgId: string) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin"), eq(memberships.status, "active")))
    .orderBy(asc(memberships.userId))
    .for("update");
  return rows.length;
}

/** Sets role and team together: reps are in one team, admins and leaders in none (leaders lead through team_leaders). */
export async function updateMembership(db: DbOrTx, orgId: string, userId: string, values: { role: MemberRole; teamId: string | null }) {
  await db
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

/** Removes every team leadership of a person (when they stop being a leader). */
export async function removeAllLeaderships(db: DbOrTx, orgId: string, userId: string) {
  await db.delete(teamLeaders).where(and(eq(teamLeaders.orgId, orgId), eq(teamLeaders.userId, userId)));
}

/**
 * Takes the organisation's people-import lock until the transaction ends: two imports of one organisation take
 * turns, so the second sees what the first created (no person is invited twice, no team created twice).
 */
export async function lockPeopleImport(db: DbOrTx, orgId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended('people-import:' || ${orgId}::text, 0))`);
}

/** Sets role and team of many members in one statement (see updateMembership). */
export async function updateMemberships(db: DbOrTx, orgId: string, rows: readonly { userId: string; role: MemberRole; teamId: string | null }[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ user_id: r.userId, role: r.role, team_id: r.teamId })));
  await db.execute(sql`
    update ${memberships} m set role = v.role, team_id = v.team_id
    from jsonb_to_recordset(${json}::jsonb) as v(user_id uuid, role member_role, team_id uuid)
    where m.org_id = ${orgId}::uuid and m.user_id = v.user_id`);
}

/**
 * Makes each of these people lead exactly the teams given (none: they stop leading), in two statements however
 * many: the leaderships not wanted go, the missing ones come.
 */
export async function setLeaderships(db: DbOrTx, orgId: string, rows: readonly { userId: string; teamIds: readonly string[] }[]) {
  if (rows.length === 0) return;
  const people = JSON.stringify(rows.map((r) => r.userId));
  const wanted = JSON.stringify(rows.flatMap((r) => r.teamIds.map((teamId) => ({ user_id: r.userId, team_id: teamId }))));
  await db.execute(sql`
    with people as materialized (select value::uuid as user_id from jsonb_array_elements_text(${people}::jsonb)),
    wanted as materialized (select * from jsonb_to_recordset(${wanted}::jsonb) as w(user_id uuid, team_id uuid))
    delete from ${teamLeaders} tl
    where tl.org_id = ${orgId}::uuid and tl.user_id in (select user_id from people)
      and not exists (select 1 from wanted w where w.user_id = tl.user_id and w.team_id = tl.team_id)`);
  await db.execute(sql`
    insert into ${teamLeaders} (org_id, team_id, user_id)
    select ${orgId}::uuid, w.team_id, w.user_id from jsonb_to_recordset(${wanted}::jsonb) as w(user_id uuid, team_id uuid)
    on conflict do nothing`);
}
