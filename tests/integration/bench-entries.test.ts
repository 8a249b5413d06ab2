import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { loadRegistry } from "../support/registry";
import { snapshotTables } from "../support/snapshot";

/**
 * The benchmark's baseline page and action write an audit event per call: outside the bench's own server
 * (COACHGRID_BENCH=1, which the tests do not set) they are absent for everyone, and the registry says so.
 */
const testDb = withTestDatabase();
const entries = await loadRegistry();

describe("the benchmark's page and action outside npm run bench", () => {
  for (const name of ["bench.ping", "/o/[slug]/bench"]) {
    it(`${name} is registered as not served and answers not_found to every member, writing nothing`, async () => {
      const entry = entries.find((e) => e.name === name);
      if (entry?.entry !== "member") throw new Error(`${name} is not a registered member entry`);
      expect(entry.served?.()).toBe(false);
      const db = testDb();
      const fixture = await createMatrixOrganisation(db);
      const before = await snapshotTables(db);
      for (const persona of ["admin", "leader", "rep"] as const) {
        actAs(fixture, persona);
        const outcome = await entry.call(fixture.slug, {});
        expect(outcome.status === "ok" ? "ok" : outcome.code, persona).toBe("not_found");
      }
      expect(await snapshotTables(db)).toEqual(before);
    });
  }
});
