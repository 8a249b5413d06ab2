import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GLOBAL_TABLES, HISTORY_TABLES, TENANT_ROOT_TABLE } from "@/db/schema";
import { catalogViolations, citusPlan, citusStatements } from "../support/catalog";
import { rowsOf, withTestDatabase } from "../support/database";

const testDb = withTestDatabase();

describe("schema catalog: the scale-out rules", () => {
  it("holds for every table of the migrated schema", async () => {
    const tables = rowsOf<{ table_name: string }>(
      await testDb().execute(sql`select table_name from information_schema.tables where table_schema = 'public'`),
    );
    const names = tables.map((t) => t.table_name);
    // The check must have tenant tables to look at, or it proves nothing: the first ones and the newest ones.
    expect(names).toEqual(
      expect.arrayContaining([
        "memberships",
        "teams",
        "audit_events",
        "check_ins",
        "coaching_plans",
        "coaching_plan_actions",
        "one_on_one_notes",
        "one_on_one_note_behaviours",
      ]),
    );
    // Every table named global exists: a stale name would silently exempt nothing, a misspelt one hide a table.
    expect(names).toEqual(expect.arrayContaining([...GLOBAL_TABLES, TENANT_ROOT_TABLE]));
    expect(await catalogViolations(testDb())).toEqual([]);
  });

  it("docs/scale-out.md distributes every table on Citus: tenant tables by org_id, co-located; global tables as reference tables", async () => {
    const plan = await citusPlan(testDb());
    const tables = rowsOf<{ table_name: string }>(
      await testDb().execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
    ).map((t) => t.table_name);
    expect([...plan.reference, ...plan.distributed].sort()).toEqual([...tables].sort());
    expect(plan.reference.sort()).toEqual([...GLOBAL_TABLES, TENANT_ROOT_TABLE].sort());

    const readme = fs.readFileSync("docs/scale-out.md", "utf8");
    const block = /<!-- citus:start -->\s*```sql\n([\s\S]*?)```\s*<!-- citus:end -->/.exec(readme)?.[1];
    const listed = (block ?? "").split("\n").filter((line) => line.startsWith("SELECT create_"));
    expect(listed, "docs/scale-out.md's Citus statements (between <!-- citus:start --> and <!-- citus:end -->) are out of date").toEqual(
      citusStatements(await citusPlan(testDb())),
    );
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
