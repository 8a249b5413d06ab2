import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GLOBAL_TABLES, HISTORY_TABLES } from "@/db/schema";
import { catalogViolations } from "../support/catalog";
import { rowsOf, withTestDatabase } from "../support/database";

const testDb = withTestDatabase();

describe("schema catalog: the scale-out rules", () => {
  it("holds for every table of the migrated schema", async () => {
    const tables = rowsOf<{ table_name: string }>(
      await testDb().execute(sql`select table_name from information_schema.tables where table_schema = 'public'`),
    );
    // The check must have tenant tables to look at, or it proves nothing.
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["memberships", "teams", "audit_events"]));
    expect(await catalogViolations(testDb())).toEqual([]);
  });

  it("catches a badly keyed tenant table and a cascading history foreign key", async () => {
    const db = testDb();
    await db.execute(sql`create table scratch_bad (id uuid primary key, org_id uuid, name text)`);
    await db.execute(sql`create unique index scratch_bad_name_uq on scratch_bad (name)`);
    await db.execute(sql`create table scratch_ratings (
      org_id uuid not null references organisations(id), id uuid not null,
      team_id uuid not null, primary key (org_id, id),
      foreign key (org_id, team_id) references teams(org_id, id) on delete cascade)`);

    const violations = await catalogViolations(db, { historyTables: [...HISTORY_TABLES, "scratch_ratings"] });
    expect(violations).toEqual(
      expect.arrayContaining([
        "scratch_bad: org_id may be null",
        "scratch_bad: primary key (id) does not start with org_id",
        "scratch_bad: index scratch_bad_name_uq does not start with org_id",
        expect.stringMatching(/^scratch_ratings: foreign key .* cascades deletes into history table$/),
      ]),
    );
    // A table wrongly declared global escapes the tenant rules but not the cross-tenant reference rule.
    expect(await catalogViolations(db, { globalTables: [...GLOBAL_TABLES, "teams"] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^teams: global table references tenant data/)]),
    );
    await db.execute(sql`drop table scratch_ratings`);
    await db.execute(sql`drop table scratch_bad`);
  });
});
