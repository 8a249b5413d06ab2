import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { updateOrganisationSettings } from "@/lib/organisations/actions";
import { log } from "@/lib/observability/log";
import { readiness } from "@/lib/observability/readiness";
import { freshDatabase, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();

afterEach(() => vi.restoreAllMocks());
afterEach(() => setDatabase({ db: testDb(), kind: "embedded", close: async () => {}, listen: async () => async () => {} }));

describe("the chain's log line (lib/chain/log.ts)", () => {
  it("records each call with its outcome, duration, organisation and user, never what was typed", async () => {
    const info = vi.spyOn(log, "info");
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    await updateOrganisationSettings(fixture.slug, { name: "Typed Secret Name", timeZone: "UTC" });
    actAs(fixture, "rep");
    await updateOrganisationSettings(fixture.slug, { name: "Another Typed Name", timeZone: "UTC" });

    const lines = info.mock.calls.map(([fields]) => fields as Record<string, unknown>).filter((f) => f.name === "organisation.updateSettings");
    expect(lines).toEqual([
      expect.objectContaining({ kind: "action", orgId: fixture.orgId, userId: fixture.users.admin, outcome: "ok", durationMs: expect.any(Number) }),
      expect.objectContaining({ kind: "action", orgId: fixture.orgId, userId: fixture.users.rep, outcome: "forbidden" }),
    ]);
    expect(JSON.stringify(info.mock.calls)).not.toMatch(/Typed/);
  });
});

describe("readiness (/api/ready)", () => {
  it("is ready on a migrated database, and not while a migration is missing", async () => {
    expect(await readiness()).toEqual({ ready: true });
    const handle = await freshDatabase();
    try {
      setDatabase(handle);
      await handle.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      expect(await readiness()).toEqual({ ready: false, reason: "migrations_pending" });
    } finally {
      await handle.close();
    }
  });

  it("is not ready when the database does not answer in time", async () => {
    const hanging = { db: { execute: () => new Promise(() => {}) }, kind: "server", close: async () => {} } as unknown as DatabaseHandle;
    setDatabase(hanging);
    expect(await readiness(200)).toEqual({ ready: false, reason: "database_unreachable" });
  });
});
