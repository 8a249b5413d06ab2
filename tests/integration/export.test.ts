import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ensureAssessment, setAssessmentState, upsertSelfRating } from "@/db/queries/assessments";
import { insertNote } from "@/db/queries/coaching";
import { BOOKKEEPING_TABLES, users } from "@/db/schema";
import { GET as exportRoute } from "@/app/o/[slug]/(member)/export/route";
import { registeredEntries } from "@/lib/chain/registry";
import { onServer, rowsOf, withTestDatabase } from "../support/database";
import { organisationExportText } from "../support/entries";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { loadOrganisationExport } from "@/lib/export/loaders";
import { organisationExportStream, WITHHELD_NOTICE, type OrganisationExport } from "@/lib/export/organisation-export";
import { StreamStopped } from "@/lib/export/pull-stream";
import { insertAuditEvent } from "@/db/queries/audit";
import { updateOrganisationSettings } from "@/lib/organisations/actions";
import { hashToken } from "@/lib/tokens";

const testDb = withTestDatabase();
void loadOrganisationExport; // registers the export loader

/** The export as the organisation's admin gets it. */
async function exportOf(fixture: MatrixFixture): Promise<OrganisationExport> {
  return JSON.parse(await organisationExportText(fixture)) as OrganisationExport;
}

/** Whether the database answers a statement now (on the embedded database, a transaction left open blocks it). */
async function answers(): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000));
  return Promise.race([
    testDb()
      .execute(sql`select 1`)
      .then(() => true),
    timeout,
  ]);
}

/** Transactions of the test database left open (PostgreSQL; the embedded database is checked by answers()). */
async function openTransactions(): Promise<number> {
  if (!onServer) return 0;
  const [row] = rowsOf<{ n: number }>(
    await testDb().execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    ),
  );
  return row!.n;
}

/** Tenant tables as the live database has them: every table of schema public with an org_id column. */
async function catalogTenantTables(): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await testDb().execute(sql`
      select c.table_name as name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
      order by 1`),
  );
  return rows.map((row) => row.name);
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  return [];
}

/** An organisation with some history: a settings change and an invite link from the fixture. */
async function organisationWithHistory(name: string) {
  const fixture = await createMatrixOrganisation(testDb());
  actAs(fixture, "admin");
  expect((await updateOrganisationSettings(fixture.slug, { name, timeZone: "Asia/Tokyo" })).status).toBe("ok");
  return fixture;
}

describe("data export", () => {
  it("has a table for every tenant table of the live schema, and the members", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const data = await exportOf(fixture);
    const catalog = await catalogTenantTables();
    expect(catalog).toEqual(expect.arrayContaining(["audit_events", "invites", "memberships", "team_leaders", "teams", ...BOOKKEEPING_TABLES]));
    // The data revision counter, the mail queue and the tallies are the database's bookkeeping, not the organisation's data.
    expect(BOOKKEEPING_TABLES).toEqual(["org_revisions", "mail_outbox", "team_tallies", "rep_tallies", "rep_cycle_tallies"]);
    const expected = catalog.filter((t) => !BOOKKEEPING_TABLES.includes(t));
    expect(Object.keys(data.tables).sort()).toEqual([...expected, "users"].sort());
    expect(data).toMatchObject({ format: "coachgrid-export", version: 1, exportedAt: expect.any(String) });
  });

  it("contains the organisation's own rows", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const data = await exportOf(fixture);
    expect(data.organisation).toMatchObject({ id: fixture.orgId, slug: fixture.slug, name: "Export Subject Ltd", time_zone: "Asia/Tokyo" });
    expect(data.tables.teams!.map((t) => t.id)).toEqual(expect.arrayContaining([fixture.teamId, fixture.otherTeamId]));
    const members = Object.entries(fixture.users).filter(([persona]) => persona !== "outsider");
    expect(data.tables.memberships!.map((m) => m.user_id).sort()).toEqual(members.map(([, id]) => id).sort());
    expect(data.tables.team_leaders!.map((l) => l.user_id)).toEqual(
      expect.arrayContaining([fixture.users.leader, fixture.users.coLeader, fixture.users.otherLeader]),
    );
    expect(data.tables.invites!.map((i) => i.id)).toContain(fixture.inviteId);
    // The export records itself in the audit log before reading, so the file holds its own trace.
    expect(data.tables.audit_events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          org_id: fixture.orgId,
          action: "organisation.updateSettings",
          after: { name: "Export Subject Ltd", timeZone: "Asia/Tokyo", blindMode: true },
        }),
        expect.objectContaining({ org_id: fixture.orgId, action: "organisation.export", actor_user_id: fixture.users.admin }),
      ]),
    );
    expect(data.tables.audit_events).toHaveLength(2);
    expect(data.tables.users!.map((u) => Object.keys(u).sort())).toEqual(members.map(() => ["created_at", "email", "id", "name"]));
    expect(data.tables.users!.find((u) => u.id === fixture.users.admin)).toMatchObject({
      name: "Ada Admin",
      email: expect.stringMatching(/^ada\.admin\./),
    });
    // Every row the organisation has in every tenant table, and only those.
    for (const table of (await catalogTenantTables()).filter((t) => !BOOKKEEPING_TABLES.includes(t))) {
      const [count] = rowsOf<{ n: number }>(
        await testDb().execute(sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${fixture.orgId}`),
      );
      expect(data.tables[table], table).toHaveLength(count!.n);
      for (const row of data.tables[table]!) expect(row.org_id, table).toBe(fixture.orgId);
    }
  });

  it("holds only what an admin may read: a private note without its text, a draft self rating without score or comment", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const db = testDb();
    await insertNote(db, fixture.orgId, fixture.users.rep, fixture.users.leader, {
      heldOn: "2026-01-05",
      body: "SENTINEL private worry.",
      shared: false,
      behaviourIds: [],
    });
    await insertNote(db, fixture.orgId, fixture.users.rep, fixture.users.leader, {
      heldOn: "2026-01-06",
      body: "Shared plan.",
      shared: true,
      behaviourIds: [],
    });
    // The rep's draft (not submitted: blind mode hides it from coaches) and the other rep's submitted answer.
    const [draft, submitted] = [fixture.users.rep, fixture.users.otherRep];
    for (const rep of [draft, submitted]) {
      await ensureAssessment(db, fixture.orgId, fixture.cycles.open, rep);
      await upsertSelfRating(
        db,
        fixture.orgId,
        { cycleId: fixture.cycles.open, repUserId: rep, behaviourId: fixture.behaviourIds[0]! },
        { score: 5, comment: `SENTINEL comment of ${rep}` },
      );
    }
    await setAssessmentState(db, fixture.orgId, fixture.cycles.open, submitted, { submittedAt: new Date() });

    const data = await exportOf(fixture);
    expect(data.notices).toEqual([WITHHELD_NOTICE]);
    expect(data.tables.one_on_one_notes!.map((n) => [n.body, n.shared, n.visibility]).sort()).toEqual([
      [null, false, "private"],
      ["Shared plan.", true, "shared"],
    ]);
    const ratings = data.tables.self_ratings!.filter((r) => r.cycle_id === fixture.cycles.open);
    expect(ratings.find((r) => r.rep_user_id === draft)).toMatchObject({ score: null, comment: null, withheld: true, updated_at: expect.anything() });
    expect(ratings.find((r) => r.rep_user_id === submitted)).toMatchObject({ score: 5, comment: `SENTINEL comment of ${submitted}` });
    const serialized = JSON.stringify(data);
    expect(serialized).not.toContain("SENTINEL private worry");
    expect(serialized).not.toContain(`SENTINEL comment of ${draft}`);

    // With blind mode off, coaches see drafts as they are saved: so does the export.
    actAs(fixture, "admin");
    expect((await updateOrganisationSettings(fixture.slug, { name: "Export Subject Ltd", timeZone: "Asia/Tokyo", blindMode: false })).status).toBe(
      "ok",
    );
    const open = (await exportOf(fixture)).tables.self_ratings!.find((r) => r.rep_user_id === draft && r.cycle_id === fixture.cycles.open);
    expect(open).toMatchObject({ score: 5, comment: `SENTINEL comment of ${draft}` });
  });

  it("contains nothing of another organisation", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const other = await organisationWithHistory("Unrelated Rival Holdings");
    const serialized = JSON.stringify(await exportOf(fixture));
    // Every id the other organisation has in any tenant table, read from the database, not from a list.
    const otherIds: string[] = [];
    for (const table of (await catalogTenantTables()).filter((t) => !BOOKKEEPING_TABLES.includes(t))) {
      const hasId = rowsOf<{ n: number }>(
        await testDb().execute(
          sql`select count(*)::int as n from information_schema.columns where table_schema = 'public' and table_name = ${table} and column_name = 'id'`,
        ),
      )[0]!.n;
      if (!hasId) continue;
      const rows = rowsOf<{ id: string }>(
        await testDb().execute(sql`select id::text as id from ${sql.identifier(table)} where org_id = ${other.orgId}`),
      );
      otherIds.push(...rows.map((row) => row.id));
    }
    expect(otherIds).toEqual(expect.arrayContaining([other.teamId, other.inviteId]));
    const otherUsers = Object.values(other.users);
    const otherEmails = await testDb().select({ email: users.email }).from(users).where(inArray(users.id, otherUsers));
    for (const secret of [
      other.orgId,
      other.slug,
      "Unrelated Rival Holdings",
      ...otherIds,
      ...otherUsers,
      ...otherEmails.map((u) => u.email),
      fixture.users.outsider, // the fixture's admin of a third organisation is no member here
    ]) {
      expect(serialized).not.toContain(secret);
    }
  });

  it("contains no password or token hashes", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const data = await exportOf(fixture);
    const serialized = JSON.stringify(data);
    const memberHashes = await testDb()
      .select({ hash: users.passwordHash })
      .from(users)
      .where(inArray(users.id, Object.values(fixture.users)));
    expect(memberHashes.length).toBeGreaterThan(0);
    expect(serialized).not.toContain("$argon2");
    for (const { hash } of memberHashes) expect(serialized).not.toContain(hash);
    expect(serialized).not.toContain(hashToken(fixture.tokens.invite));
    expect(serialized).not.toContain(fixture.tokens.invite);
    expect(keysOf(data).filter((key) => /hash/i.test(key))).toEqual([]);
  });

  it("downloads as a JSON file named after the organisation and the day, through the route handler", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    actAs(fixture, "admin");
    const response = await exportRoute(new Request(`http://localhost/o/${fixture.slug}/export`), { params: Promise.resolve({ slug: fixture.slug }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${fixture.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    const body = (await response.json()) as OrganisationExport;
    expect(body).toMatchObject({ format: "coachgrid-export", organisation: { id: fixture.orgId } });
    // Refusals (403 for a leader, 404 for an outsider) are the loader's, covered by the permission matrix and e2e.
  });
});

describe("data export as a stream", () => {
  const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).json() as Promise<OrganisationExport>;

  it("reads each table a page at a time: pages of one row give the same document as pages of a thousand", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const scope = { orgId: fixture.orgId, userId: fixture.users.admin };
    const now = new Date("2026-12-07T10:00:00Z");
    const [byOne, byThousand] = [
      await read(organisationExportStream(scope, { now, pageRows: 1 })),
      await read(organisationExportStream(scope, { now, pageRows: 1000 })),
    ];
    expect(byOne).toEqual(byThousand);
    // Several tables span many one-row pages: each page resumed after the previous one's key.
    for (const table of ["memberships", "team_leaders", "teams", "users"]) expect(byOne.tables[table]!.length, table).toBeGreaterThan(2);
    const [count] = rowsOf<{ n: number }>(await testDb().execute(sql`select count(*)::int as n from memberships where org_id = ${fixture.orgId}`));
    expect(byOne.tables.memberships).toHaveLength(count!.n);
    expect(new Set(byOne.tables.memberships!.map((m) => m.user_id)).size).toBe(count!.n);
  });

  it("is one snapshot: a row written while the file downloads is not in it", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const reader = organisationExportStream({ orgId: fixture.orgId, userId: fixture.users.admin }, { pageRows: 1 }).getReader();
    const chunks: Uint8Array[] = [(await reader.read()).value!]; // the transaction has begun and read the organisation
    // On PostgreSQL this commits before the rest is read; the embedded database runs it after the export's transaction.
    const written = insertAuditEvent(testDb(), fixture.orgId, fixture.users.admin, {
      action: "organisation.updateSettings",
      targetType: "organisation",
      targetId: fixture.orgId,
      targetLabel: "written meanwhile",
    });
    if (onServer) await written;
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    await written;
    const data = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OrganisationExport;
    expect(data.tables.audit_events!.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain("written meanwhile");
    const [after] = rowsOf<{ n: number }>(
      await testDb().execute(sql`select count(*)::int as n from audit_events where target_label = 'written meanwhile'`),
    );
    expect(after!.n).toBe(1);
  });

  it("opens nothing until the file is read: an export nobody reads holds no transaction", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    actAs(fixture, "admin");
    const found = registeredEntries().find((e) => e.name === "/o/[slug]/export");
    if (found?.entry !== "member") throw new Error("the export is not a registered member entry");
    expect((await found.call(fixture.slug, {})).status).toBe("ok");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await answers()).toBe(true);
    expect(await openTransactions()).toBe(0);
  });

  it("lets go of its transaction when the reader cancels the download", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const reader = organisationExportStream({ orgId: fixture.orgId, userId: fixture.users.admin }, { pageRows: 1 }).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the export waits for the next read, its transaction open
    await reader.cancel();
    expect(await answers()).toBe(true);
    await expect.poll(openTransactions, { timeout: 5_000 }).toBe(0);
  });

  it("stops a download nobody reads and lets go of its transaction", async () => {
    const fixture = await organisationWithHistory("Export Subject Ltd");
    const reader = organisationExportStream({ orgId: fixture.orgId, userId: fixture.users.admin }, { pageRows: 1, stallMs: 200 }).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await answers()).toBe(true);
    await expect.poll(openTransactions, { timeout: 5_000 }).toBe(0);
    // What was queued before the stall may still be read; then the stream fails, telling why.
    await expect(
      (async () => {
        for (let next = await reader.read(); !next.done; next = await reader.read());
      })(),
    ).rejects.toBeInstanceOf(StreamStopped);
  });
});
