import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { touchLastSignIn } from "@/db/queries/accounts";
import { insertAuditEvent } from "@/db/queries/audit";
import { updateOrganisation } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { GLOBAL_TABLES, TENANT_ROOT_TABLE, ratings, teams, users } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { decodeGrid, parseGrid } from "@/lib/grid/compact";
import { rateRep } from "@/lib/grid/actions";
import { loadDashboard } from "@/lib/dashboards/loaders";
import type { GridData } from "@/lib/grid/grid-data";
import { loadGridPage } from "@/lib/grid/loaders";
import { rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";

const testDb = withTestDatabase();
// Imported for their registration: the tests call them through the registry, as the permission matrix does.
void loadGridPage;
void loadDashboard;

/**
 * Tenant tables whose changes move no revision: the audit log and the mail outbox (read by no cached page), the
 * revisions, and the tallies (derived: they change only with rows that move the revision themselves).
 */
const UNTRACKED = ["audit_events", "org_revisions", "mail_outbox", "team_tallies", "rep_tallies", "rep_cycle_tallies"];

async function revision(orgId: string): Promise<number> {
  const [row] = rowsOf<{ revision: number }>(
    await testDb().execute(sql`select coalesce((select sum(revision)::int from org_revisions where org_id = ${orgId}), 0) as revision`),
  );
  return Number(row!.revision);
}

/** How far each organisation's revision moves while `change` runs. */
async function moves(orgIds: string[], change: () => Promise<unknown>): Promise<number[]> {
  const before = await Promise.all(orgIds.map(revision));
  await change();
  const after = await Promise.all(orgIds.map(revision));
  return after.map((r, i) => r - before[i]!);
}

describe("organisation data revisions", () => {
  it("every tenant table moves its organisation's revision on insert, update and delete", async () => {
    const tables = rowsOf<{ table_name: string }>(
      await testDb().execute(sql`
        select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'`),
    )
      .map((t) => t.table_name)
      .filter((t) => !UNTRACKED.includes(t) && !(GLOBAL_TABLES as readonly string[]).includes(t) && t !== TENANT_ROOT_TABLE);
    // The check needs tables to look at, or it proves nothing: the first ones and the newest ones.
    expect(tables).toEqual(expect.arrayContaining(["teams", "ratings", "self_ratings", "relationship_actions", "one_on_one_note_behaviours"]));

    const triggers = rowsOf<{ table_name: string; tgname: string }>(
      await testDb().execute(sql`
        select c.relname as table_name, t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and t.tgname like 'org_revision_%'`),
    );
    const missing = tables.flatMap((table) =>
      ["org_revision_ins", "org_revision_upd", "org_revision_del"]
        .filter((name) => !triggers.some((t) => t.table_name === table && t.tgname === name))
        .map((name) => `${table}: no ${name} (call track_org_revision('${table}') in its migration)`),
    );
    expect(missing).toEqual([]);
  });

  it("moves for the organisation whose data changed, and for no other", async () => {
    const f = await createMatrixOrganisation(testDb());
    const orgs = [f.orgId, f.elsewhere.orgId];
    const db = testDb();
    const rating = {
      orgId: f.orgId,
      cycleId: f.cycles.open,
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[0],
      score: 3,
      updatedBy: f.users.leader,
    };
    expect(await moves(orgs, () => db.insert(ratings).values(rating))).toEqual([1, 0]);
    const sameRating = and(eq(ratings.orgId, f.orgId), eq(ratings.cycleId, f.cycles.open), eq(ratings.repUserId, f.users.rep));
    expect(await moves(orgs, () => db.update(ratings).set({ score: 4 }).where(sameRating))).toEqual([1, 0]);
    expect(await moves(orgs, () => db.delete(ratings).where(sameRating))).toEqual([1, 0]);
    // One statement, many rows: one move.
    expect(
      await moves(orgs, () =>
        db
          .update(teams)
          .set({ name: sql`${teams.name} || ''` })
          .where(eq(teams.orgId, f.orgId)),
      ),
    ).toEqual([1, 0]);
    // A statement that changes no row moves nothing.
    expect(
      await moves(orgs, () =>
        db
          .update(teams)
          .set({ name: "Nobody" })
          .where(and(eq(teams.orgId, f.orgId), sql`false`)),
      ),
    ).toEqual([0, 0]);

    // The organisation's own settings.
    expect(await moves(orgs, () => updateOrganisation(db, f.orgId, { name: "Renamed", timeZone: "Europe/London", blindMode: false }))).toEqual([
      1, 0,
    ]);
    // A person's name shows in every organisation they belong to; a sign-in shows in none.
    expect(await moves(orgs, () => db.update(users).set({ name: "Oz Renamed" }).where(eq(users.id, f.users.outsider)))).toEqual([0, 1]);
    expect(await moves(orgs, () => db.update(users).set({ name: "Remy Renamed" }).where(eq(users.id, f.users.rep)))).toEqual([1, 0]);
    expect(await moves(orgs, () => touchLastSignIn(db, f.users.rep))).toEqual([0, 0]);
    // The audit log is read by no cached page.
    expect(
      await moves(orgs, () => insertAuditEvent(db, f.orgId, f.users.admin, { action: "test.noop", targetType: "organisation", targetId: f.orgId })),
    ).toEqual([0, 0]);
  });
});

function gridEntry() {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/grid");
  if (entry?.entry !== "member") throw new Error("grid page not registered");
  return entry;
}

/** The grid page through the chain, with the statements it ran and the leader score of one cell. */
async function gridPage(f: MatrixFixture, behaviourId = f.behaviourIds[0]) {
  const { result, queries } = await countQueries(() => gridEntry().call(f.slug, {}));
  if (result.status !== "ok") throw new Error(result.code);
  const data = result.data as GridData;
  const grid = decodeGrid(parseGrid(data.grid!.payload));
  const cell = grid.cells.find((c) => c.repUserId === f.users.rep && c.behaviourId === behaviourId);
  return { data, queries, score: cell?.score ?? null, version: cell?.version ?? 0 };
}

describe("pages cached per revision", () => {
  it("the grid page: reused while nothing changes, computed afresh after any change, per member", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    const first = await gridPage(f);
    expect(first.queries).toBeGreaterThan(3);
    const again = await gridPage(f);
    // Session, the transaction's organisation (db/tenant.ts) and membership only, and the very same result.
    expect(again.queries).toBe(3);
    expect(again.data).toBe(first.data);
    expect(Object.isFrozen(again.data)).toBe(true);

    // A save through the action: the next load shows it.
    const saved = await rateRep(f.slug, {
      cycleId: f.cycles.open,
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[0],
      score: 4,
      expectedVersion: 0,
    });
    expect(saved.status).toBe("ok");
    const afterSave = await gridPage(f);
    expect(afterSave.queries).toBe(first.queries);
    expect(afterSave.score).toBe(4);

    // A write outside the app (a script, another tool) is seen too: the database moves the revision.
    await testDb()
      .update(ratings)
      .set({ score: 2 })
      .where(and(eq(ratings.orgId, f.orgId), eq(ratings.repUserId, f.users.rep)));
    expect((await gridPage(f)).score).toBe(2);

    // Another member computes their own: a co-leader's result is not the leader's.
    actAs(f, "coLeader");
    const coLeader = await gridPage(f);
    expect(coLeader.queries).toBe(first.queries);
    expect(coLeader.score).toBe(2);

    // Other organisations' changes leave this one's cache alone.
    actAs(f, "leader");
    const before = await gridPage(f);
    await updateOrganisation(testDb(), f.elsewhere.orgId, { name: "Elsewhere renamed", timeZone: "UTC", blindMode: true });
    const after = await gridPage(f);
    expect(after.queries).toBe(3);
    expect(after.data).toBe(before.data);
  });

  it("the overview: an admin's is cached, a leader's (which counts days) is not", async () => {
    const f = await createMatrixOrganisation(testDb());
    const overview = registeredEntries().find((e) => e.name === "/o/[slug]");
    if (overview?.entry !== "member") throw new Error("overview not registered");
    const load = async () => {
      const { result, queries } = await countQueries(() => overview.call(f.slug, {}));
      expect(result.status).toBe("ok");
      return queries;
    };
    actAs(f, "admin");
    const cold = await load();
    expect(cold).toBeGreaterThan(3);
    expect(await load()).toBe(3);
    actAs(f, "leader");
    const leader = await load();
    expect(leader).toBeGreaterThan(3);
    expect(await load()).toBe(leader);
  });
});
