import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { signUp, updateProfile } from "@/lib/accounts/actions";
import { loadOrganisationPicker } from "@/lib/accounts/loaders";
import { memberLoader } from "@/lib/chain/member";
import { organisations, teams } from "@/db/schema";
import { APP_ROLE, inScope } from "@/db/tenant";
import { seedDemo } from "@/scripts/seed";
import { rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { setFakeSession } from "../support/fake-session";

const testDb = withTestDatabase();

/** Every table with an org_id column: the tenant tables, including those other branches add. */
async function tenantTables(): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await testDb().execute(sql`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
      order by c.table_name`),
  );
  return rows.map((r) => r.table_name);
}

/** What is wrong with the wall of each tenant table: RLS off or not forced, the tenant_wall policy missing or different. */
async function wallViolations(): Promise<string[]> {
  // The setting read once per statement (a scalar subquery: migration 0021).
  const expected = "(org_id = ( SELECT (NULLIF(current_setting('app.org_id'::text, true), ''::text))::uuid AS \"nullif\"))";
  const rows = rowsOf<{
    table_name: string;
    enabled: boolean;
    forced: boolean;
    qual: string | null;
    with_check: string | null;
    cmd: string | null;
    owner: string;
  }>(
    await testDb().execute(sql`
      select c.relname as table_name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        p.qual, p.with_check, p.cmd, pg_get_userbyid(c.relowner) as owner
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
      left join pg_policies p on p.schemaname = 'public' and p.tablename = c.relname and p.policyname = 'tenant_wall'
      where c.relkind = 'r'`),
  );
  const violations: string[] = [];
  for (const row of rows) {
    if (!row.enabled) violations.push(`${row.table_name}: row-level security not enabled`);
    if (!row.forced) violations.push(`${row.table_name}: row-level security not forced`);
    if (row.qual !== expected || row.with_check !== expected || row.cmd !== "ALL") {
      violations.push(
        `${row.table_name}: no tenant_wall policy on org_id = app.org_id (add SELECT tenant_wall('${row.table_name}') to its migration)`,
      );
    }
    if (row.owner === APP_ROLE) violations.push(`${row.table_name}: owned by ${APP_ROLE}`);
  }
  return violations;
}

/** Rows per organisation of every tenant table, as the owner sees them (outside the wall). */
async function rowsPerOrg(tables: string[]): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  for (const table of tables) {
    const rows = rowsOf<{ org_id: string; n: number }>(
      await testDb().execute(sql`select org_id, count(*)::int as n from ${sql.identifier(table)} group by org_id`),
    );
    result.set(table, new Map(rows.map((r) => [r.org_id, Number(r.n)])));
  }
  return result;
}

// A page loader that forgets the organisation's filter on purpose: the wall alone must keep other organisations out.
const unfilteredProbe = memberLoader(
  {
    route: "/o/[slug]/rls-probe",
    permission: "org.view",
    input: z.object({ table: z.string() }),
    expect: { allow: ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"] },
  },
  async ({ db }, { table }) => rowsOf<{ org_id: string }>(await db.execute(sql`select org_id from ${sql.identifier(table)}`)).map((r) => r.org_id),
);

describe("row-level security: the database's own wall between organisations", () => {
  it("every table with an org_id column has RLS enabled and forced and the tenant_wall policy; the app's role owns none", async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(["memberships", "teams", "audit_events", "org_revisions", "ratings", "check_ins"]));
    expect(await wallViolations()).toEqual([]);
  });

  it("every policy reads its setting once per statement: current_setting only inside a scalar subquery", async () => {
    const policies = rowsOf<{ name: string; expression: string }>(
      await testDb().execute(sql`
        select tablename || '.' || policyname as name, e.expression from pg_policies p
        cross join lateral (values (p.qual), (p.with_check)) as e(expression)
        where p.schemaname = 'public' and e.expression like '%current_setting%'`),
    );
    expect(policies.map((p) => p.name)).toEqual(expect.arrayContaining(["memberships.own_memberships", "mail_outbox.mail_worker"]));
    // A bare call is evaluated, and its text cast, for every row the statement reads (migration 0021).
    const calls = (e: string) => e.split("current_setting(").length - 1;
    const inSubquery = (e: string) => (e.match(/\( SELECT (?:\(NULLIF\()?current_setting\(/g) ?? []).length;
    expect(policies.filter((p) => calls(p.expression) !== inSubquery(p.expression)).map((p) => p.name)).toEqual([]);
  });

  it("the catalog check catches a tenant table added without the wall; tenant_wall() puts it behind it in one line", async () => {
    const db = testDb();
    await db.execute(
      sql`create table scratch_outbox (org_id uuid not null references organisations(id), id uuid not null, primary key (org_id, id))`,
    );
    try {
      expect(await wallViolations()).toEqual([
        "scratch_outbox: row-level security not enabled",
        "scratch_outbox: row-level security not forced",
        "scratch_outbox: no tenant_wall policy on org_id = app.org_id (add SELECT tenant_wall('scratch_outbox') to its migration)",
      ]);
      await db.execute(sql`select tenant_wall('scratch_outbox')`);
      expect(await wallViolations()).toEqual([]);
      // The migration's default privileges gave the app's role the table, as they will any later migration's.
      const [grant] = rowsOf<{ ok: boolean }>(
        await db.execute(sql`select has_table_privilege(${APP_ROLE}, 'scratch_outbox', 'select, insert, update, delete') as ok`),
      );
      expect(grant!.ok).toBe(true);
    } finally {
      await db.execute(sql`drop table scratch_outbox`);
    }
  });

  it("an unfiltered select of each tenant table inside a member's request returns that organisation's rows only", async () => {
    const db = testDb();
    await seedDemo(db); // every feature's tables filled, in another organisation
    const f = await createMatrixOrganisation(db);
    const [demo] = await db.select().from(organisations).where(eq(organisations.slug, "brightwater"));
    await fillMailTables(db, demo!.id); // the demo sends no mail: give its mail tables a row each
    const tables = await tenantTables();
    const owner = await rowsPerOrg(tables);

    // The check proves something only where another organisation has rows: the demo fills every table.
    const filledByDemo = tables.filter((t) => (owner.get(t)!.get(demo!.id) ?? 0) > 0);
    expect(tables.filter((t) => !filledByDemo.includes(t))).toEqual([]);

    for (const [persona, slug, orgId] of [
      ["admin", f.slug, f.orgId],
      ["rep", f.slug, f.orgId],
    ] as const) {
      actAs(f, persona);
      for (const table of tables) {
        const seen = await unfilteredProbe(slug, { table });
        expect({ table, others: seen.filter((id) => id !== orgId).length }).toEqual({ table, others: 0 });
        expect({ table, rows: seen.length }).toEqual({ table, rows: owner.get(table)!.get(orgId) ?? 0 });
      }
    }
    // And from the demo's side, its own rows, all of them.
    const [demoAdmin] = rowsOf<{ user_id: string }>(
      await db.execute(sql`select user_id from memberships where org_id = ${demo!.id} and role = 'admin' limit 1`),
    );
    setFakeSession({ user: { id: demoAdmin!.user_id, name: "Demo admin", email: "demo@example.test" }, sv: 1 });
    for (const table of filledByDemo) {
      const seen = await unfilteredProbe("brightwater", { table });
      expect({ table, rows: seen.length, others: seen.filter((id) => id !== demo!.id).length }).toEqual({
        table,
        rows: owner.get(table)!.get(demo!.id),
        others: 0,
      });
    }
  });

  it("a transaction of the app's role without an organisation sees no tenant row, also after one that set it", async () => {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    const tables = await tenantTables();
    const countAll = (tx: Parameters<Parameters<typeof inScope>[2]>[0], table: string) =>
      tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`).then((r) => Number(rowsOf<{ n: number }>(r)[0]!.n));

    expect(await inScope(db, { orgId: f.orgId }, (tx) => countAll(tx, "teams"))).toBeGreaterThan(0);
    // The setting died with its transaction: the next one reads '' (not NULL), and the policy reads that as no organisation.
    for (const table of tables) {
      expect({ table, n: await inScope(db, {}, (tx) => countAll(tx, table)) }).toEqual({ table, n: 0 });
    }
    // An unknown slug names no organisation either.
    expect(await inScope(db, { slug: "no-such-organisation" }, (tx) => countAll(tx, "teams"))).toBe(0);
  });

  it("writes cannot cross the wall: no insert into another organisation, no update or delete of its rows", async () => {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    const g = await createMatrixOrganisation(db);
    const [gTeam] = await db.select().from(teams).where(eq(teams.orgId, g.orgId)).limit(1);

    const smuggled = await inScope(db, { orgId: f.orgId }, (tx) => tx.insert(teams).values({ orgId: g.orgId, name: "Smuggled" })).catch(
      (error: Error) => error,
    );
    expect((smuggled as Error).cause).toMatchObject({ message: expect.stringMatching(/row-level security/) });
    const changed = await inScope(db, { orgId: f.orgId }, async (tx) => ({
      updated: (await tx.update(teams).set({ name: "Renamed across" }).where(eq(teams.id, gTeam!.id)).returning()).length,
      deleted: (
        await tx
          .delete(teams)
          .where(and(eq(teams.id, gTeam!.id), eq(teams.orgId, g.orgId)))
          .returning()
      ).length,
    }));
    expect(changed).toEqual({ updated: 0, deleted: 0 });
    const [still] = await db.select().from(teams).where(eq(teams.id, gTeam!.id));
    expect(still!.name).toBe(gTeam!.name);
  });

  it("the cross-organisation paths: a person's own memberships, a sign-up's new organisation, a new name in every organisation", async () => {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    // The outsider is admin of their own organisation and, from here on, a rep of the matrix organisation.
    await db.execute(sql`insert into memberships (org_id, user_id, role) values (${f.orgId}, ${f.users.outsider}, 'rep')`);

    actAs(f, "outsider");
    const picker = await loadOrganisationPicker({});
    expect(picker.organisations.map((o) => o.slug).sort()).toEqual([f.elsewhere.slug, f.slug].sort());
    // Only their own: in the matrix organisation's transaction, another person's memberships elsewhere stay hidden.
    const others = await inScope(
      db,
      { orgId: f.elsewhere.orgId, userId: f.users.admin },
      async (tx) => rowsOf(await tx.execute(sql`select 1 from memberships where user_id = ${f.users.outsider}`)).length,
    );
    expect(others).toBe(1); // the one in f.elsewhere, its organisation's; not the matrix one

    // A new name moves the revision of both organisations, although the action runs in neither.
    const revisions = async () =>
      rowsOf<{ org_id: string; revision: number }>(
        await db.execute(
          sql`select org_id, sum(revision)::int as revision from org_revisions where org_id in (${f.orgId}, ${f.elsewhere.orgId}) group by org_id order by org_id`,
        ),
      ).map((r) => Number(r.revision));
    const before = await revisions();
    expect((await updateProfile({ name: "Oz Renamed" })).status).toBe("ok");
    expect((await revisions()).map((r, i) => r - before[i]!)).toEqual([1, 1]);

    // Sign-up creates an organisation and writes its first rows behind the wall.
    setFakeSession(null);
    const signedUp = await signUp({
      name: "Wall Newcomer",
      email: `wall-${crypto.randomUUID()}@example.test`,
      password: "a long enough password",
      organisationName: "Wall Newcomer Co",
      timeZone: "UTC",
    });
    expect(signedUp.status).toBe("ok");
  });
});

/** One row in each mail table for the organisation: a queued mail, a rep's settings, a reminder and a leader's digest. */
async function fillMailTables(db: ReturnType<typeof testDb>, orgId: string) {
  await db.execute(sql`insert into mail_outbox (org_id, kind, to_email, subject) values (${orgId}, 'invitation', 'someone@example.test', 'Hello')`);
  await db.execute(
    sql`insert into mail_preferences (org_id, user_id) select org_id, user_id from memberships where org_id = ${orgId} and role = 'rep' limit 1`,
  );
  await db.execute(sql`insert into self_assessment_reminders (org_id, cycle_id, rep_user_id, last_reminded_at, reminded_by)
    select c.org_id, c.id, r.user_id, now(), a.user_id from cycles c
    join memberships r on r.org_id = c.org_id and r.role = 'rep'
    join memberships a on a.org_id = c.org_id and a.role = 'admin'
    where c.org_id = ${orgId} limit 1`);
  await db.execute(
    sql`insert into leader_digests (org_id, leader_user_id, week) select org_id, user_id, current_date from memberships where org_id = ${orgId} and role = 'leader' limit 1`,
  );
}
