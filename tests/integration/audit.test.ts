import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { countQueries } from "@/db/query-counter";
import { insertAuditEvent, insertAuditEvents } from "@/db/queries/audit";
import { auditEvents, organisations } from "@/db/schema";
import { loadAuditLog, type AuditLog } from "@/lib/audit/loaders";
import { registeredEntries } from "@/lib/chain/registry";
import { updateOrganisationSettings } from "@/lib/organisations/actions";
import { AUDIT_PAGE_SIZE } from "@/lib/schemas/audit";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();
void loadAuditLog; // registers the audit log loader

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} is not a registered member entry`);
  return found;
}

/** The audit log as the given search params would show it. */
async function auditLog(slug: string, search: Record<string, unknown> = {}): Promise<AuditLog> {
  const outcome = await entry("/o/[slug]/audit").call(slug, search);
  if (outcome.status !== "ok") throw new Error(`audit log: ${outcome.code} ${JSON.stringify(outcome)}`);
  return outcome.data as AuditLog;
}

/** Writes an event at a chosen time, as the chain would have. */
async function record(db: Db, orgId: string, actorUserId: string | null, action: string, createdAt: Date, targetLabel: string | null = null) {
  await db.insert(auditEvents).values({ orgId, actorUserId, action, targetType: "test", targetLabel, createdAt });
}

const minutes = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000);

describe("audit log", () => {
  it("shows what the chain recorded as a sentence, with the actor's name", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    expect((await updateOrganisationSettings(fixture.slug, { name: "Harbour Light", timeZone: "Europe/London" })).status).toBe("ok");
    const log = await auditLog(fixture.slug);
    expect(log.events).toHaveLength(1);
    expect(log.events[0]).toMatchObject({
      action: "organisation.updateSettings",
      actorUserId: fixture.users.admin,
      sentence: "Ada Admin renamed the organisation to Harbour Light",
      before: { name: expect.stringMatching(/^Matrix /), timeZone: "Europe/London" },
      after: { name: "Harbour Light", timeZone: "Europe/London" },
    });
    expect(log.options.actors).toEqual([{ value: fixture.users.admin, label: "Ada Admin" }]);
    expect(log.options.actions).toEqual([{ value: "organisation.updateSettings", label: "Organisation settings changed" }]);
    expect(log).toMatchObject({ page: 1, hasNewer: false, hasOlder: false, filtered: false, notices: [] });
  });

  it("filters by person and by action, offering only the people and actions in the log", async () => {
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    await record(db, fixture.orgId, fixture.users.admin, "team.create", minutes(1), "Team C");
    await record(db, fixture.orgId, fixture.users.leader, "invite.create", minutes(2), "Team A");
    await record(db, fixture.orgId, fixture.users.leader, "invite.revoke", minutes(3), "Team A");
    await record(db, fixture.orgId, fixture.users.admin, "invite.revoke", minutes(4), "Team B");
    actAs(fixture, "admin");

    const all = await auditLog(fixture.slug);
    expect(all.events.map((e) => e.action)).toEqual(["invite.revoke", "invite.revoke", "invite.create", "team.create"]);
    expect(all.options.actors).toEqual([
      { value: fixture.users.admin, label: "Ada Admin" },
      { value: fixture.users.leader, label: "Lee Leader" },
    ]);
    expect(all.options.actions.map((a) => a.value)).toEqual(["invite.create", "invite.revoke", "team.create"]);

    const byLeader = await auditLog(fixture.slug, { actor: fixture.users.leader });
    expect(byLeader.events.map((e) => e.sentence)).toEqual([
      "Lee Leader revoked an invite link for Team A",
      "Lee Leader created an invite link to join Team A as a member", // recorded here without its `after`
    ]);
    expect(byLeader).toMatchObject({ filtered: true, filters: { actor: fixture.users.leader } });

    const revoked = await auditLog(fixture.slug, { action: "invite.revoke" });
    expect(revoked.events.map((e) => e.actorUserId)).toEqual([fixture.users.admin, fixture.users.leader]);

    const both = await auditLog(fixture.slug, { actor: fixture.users.admin, action: "invite.revoke" });
    expect(both.events.map((e) => e.sentence)).toEqual(["Ada Admin revoked an invite link for Team B"]);
  });

  it("reads the date range as whole days in the organisation's time zone", async () => {
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    // Auckland is UTC+13 in January: its 15 January runs from 14 January 11:00 to 15 January 11:00 UTC.
    await db.update(organisations).set({ timeZone: "Pacific/Auckland" }).where(eq(organisations.id, fixture.orgId));
    const at = {
      "14th 23:59:59": new Date("2025-01-14T10:59:59Z"),
      "15th 00:00:00": new Date("2025-01-14T11:00:00Z"),
      "15th 23:59:59": new Date("2025-01-15T10:59:59Z"),
      "16th 00:00:00": new Date("2025-01-15T11:00:00Z"),
    };
    for (const [label, time] of Object.entries(at)) await record(db, fixture.orgId, fixture.users.admin, "team.create", time, label);
    actAs(fixture, "admin");
    const labels = async (search: Record<string, string>) =>
      (await auditLog(fixture.slug, search)).events.map((e) => e.sentence.replace("Ada Admin created the team ", ""));

    expect(await labels({ from: "2025-01-15", to: "2025-01-15" })).toEqual(["15th 23:59:59", "15th 00:00:00"]);
    expect(await labels({ from: "2025-01-15" })).toEqual(["16th 00:00:00", "15th 23:59:59", "15th 00:00:00"]);
    expect(await labels({ to: "2025-01-14" })).toEqual(["14th 23:59:59"]);
    expect(await labels({ from: "2025-01-16", to: "2025-01-16" })).toEqual(["16th 00:00:00"]);
    // In UTC both of the first two would be on the 14th; in Auckland they are a day apart.
    expect(await labels({ from: "2025-01-14", to: "2025-01-14" })).toEqual(["14th 23:59:59"]);
  });

  it("pages through the log 50 at a time, newest first, with and without a filter", async () => {
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    for (let i = 0; i < 120; i++) {
      await record(db, fixture.orgId, i % 2 ? fixture.users.leader : fixture.users.admin, "team.create", minutes(i), `Team ${i}`);
    }
    actAs(fixture, "admin");
    const pages = [await auditLog(fixture.slug), await auditLog(fixture.slug, { page: "2" }), await auditLog(fixture.slug, { page: "3" })];
    expect(pages.map((p) => p.events.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20]);
    expect(pages.map((p) => [p.hasNewer, p.hasOlder])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    const times = pages.flatMap((p) => p.events.map((e) => e.createdAt.getTime()));
    expect(times).toEqual(Array.from({ length: 120 }, (_, i) => minutes(119 - i).getTime()));

    const leaderPage2 = await auditLog(fixture.slug, { actor: fixture.users.leader, page: "2" });
    expect(leaderPage2.events).toHaveLength(10);
    expect(leaderPage2).toMatchObject({ hasNewer: true, hasOlder: false, page: 2 });
    expect(leaderPage2.events.every((e) => e.actorUserId === fixture.users.leader)).toBe(true);

    const beyond = await auditLog(fixture.slug, { page: "9" });
    expect(beyond).toMatchObject({ events: [], hasNewer: true, hasOlder: false });
  });

  it("keeps the order of events recorded in one transaction", async () => {
    const ORDER = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"];
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    await db.transaction(async (tx) => {
      for (const label of ORDER) {
        await insertAuditEvent(tx, fixture.orgId, fixture.users.admin, { action: "team.create", targetType: "team", targetLabel: label });
      }
    });
    actAs(fixture, "admin");
    const sentences = (await auditLog(fixture.slug, { action: "team.create" })).events.map((e) => e.sentence);
    // Six events: a tie broken by their random ids would put them in this order once in 720 runs.
    expect(sentences.slice(0, ORDER.length).map((s) => ORDER.find((label) => s.includes(label)))).toEqual([...ORDER].reverse());
  });

  it("keeps the order of events recorded many at once, between events recorded one by one", async () => {
    const ORDER = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"];
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    const event = (label: string) => ({ action: "team.create", targetType: "team", targetLabel: label });
    await db.transaction(async (tx) => {
      await insertAuditEvent(tx, fixture.orgId, fixture.users.admin, event("Alpha"));
      await insertAuditEvents(tx, fixture.orgId, fixture.users.admin, ORDER.slice(1, 6).map(event)); // one statement
      await insertAuditEvent(tx, fixture.orgId, fixture.users.admin, event("Golf"));
    });
    actAs(fixture, "admin");
    const sentences = (await auditLog(fixture.slug, { action: "team.create" })).events.map((e) => e.sentence);
    expect(sentences.slice(0, ORDER.length).map((s) => ORDER.find((label) => s.includes(label)))).toEqual([...ORDER].reverse());
  });

  it("never shows another organisation's events, people or actions", async () => {
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    const other = await createMatrixOrganisation(db);
    await record(db, fixture.orgId, fixture.users.admin, "team.create", minutes(1), "Harbour");
    actAs(other, "admin");
    expect((await updateOrganisationSettings(other.slug, { name: "Other Secret Trading", timeZone: "Asia/Tokyo" })).status).toBe("ok");
    await record(db, other.orgId, other.users.leader, "other.secretAction", minutes(2), "Other secret target");
    await record(db, other.orgId, other.users.admin, "team.create", minutes(3), "Other secret team");

    actAs(fixture, "admin");
    const views = [
      await auditLog(fixture.slug),
      await auditLog(fixture.slug, { actor: other.users.leader }),
      await auditLog(fixture.slug, { action: "other.secretAction" }),
      await auditLog(fixture.slug, { from: "2000-01-01", to: "2100-01-01" }),
    ];
    for (const view of views) {
      expect(view.events.map((e) => e.sentence)).toEqual(["Ada Admin created the team Harbour"]);
      const serialized = JSON.stringify(view);
      for (const secret of [other.orgId, ...Object.values(other.users), "Other Secret", "other.secretAction", "Other secret"]) {
        expect(serialized).not.toContain(secret);
      }
    }
    expect(views[1]!.notices).toEqual(["The person chosen in the address has no entries in this log, so that filter was ignored."]);
    expect(views[2]!.notices).toEqual(["The action chosen in the address has no entries in this log, so that filter was ignored."]);

    // And the other way round: the other organisation sees only its own.
    actAs(other, "admin");
    const theirs = await auditLog(other.slug);
    expect(theirs.events).toHaveLength(3);
    expect(JSON.stringify(theirs)).not.toContain("Harbour");
  });

  it("ignores search params that are not valid and says so, instead of failing", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    await record(testDb(), fixture.orgId, fixture.users.admin, "team.create", minutes(1), "Team C");
    actAs(fixture, "admin");
    const log = await auditLog(fixture.slug, { actor: "not-a-uuid", action: ["team.create"], from: "2025-02-30", to: "2025-01-01x", page: "0" });
    expect(log.events).toHaveLength(1);
    expect(log.filters).toEqual({ actor: undefined, action: "team.create", from: undefined, to: undefined });
    expect(log.notices).toEqual([
      "The “Person” value in the address is not valid, so it was ignored.",
      "The “From” value in the address is not valid, so it was ignored.",
      "The “To” value in the address is not valid, so it was ignored.",
      "The “Page” value in the address is not valid, so it was ignored.",
    ]);
    const reversed = await auditLog(fixture.slug, { from: "2025-02-01", to: "2025-01-01" });
    expect(reversed.events).toEqual([]);
    expect(reversed.notices).toEqual(["The “From” date is after the “To” date, so no entry can match."]);
  });

  it("runs the same number of queries for 3 entries and for 120", async () => {
    const db = testDb();
    const small = await createMatrixOrganisation(db);
    const large = await createMatrixOrganisation(db);
    for (let i = 0; i < 3; i++) await record(db, small.orgId, small.users.admin, "team.create", minutes(i));
    for (let i = 0; i < 120; i++) await record(db, large.orgId, large.users[i % 2 ? "admin" : "leader"], `action.${i % 7}`, minutes(i));
    const load = entry("/o/[slug]/audit");
    actAs(small, "admin");
    const few = await countQueries(() => load.call(small.slug, { from: "2024-01-01", page: "1" }));
    actAs(large, "admin");
    const many = await countQueries(() => load.call(large.slug, { from: "2024-01-01", page: "2" }));
    expect(few.result.status).toBe("ok");
    expect(many.result.status).toBe("ok");
    expect(few.queries).toBe(5); // session, organisation (db/tenant.ts), membership, filter options, events
    expect(many.queries).toBe(few.queries);
  });
});
