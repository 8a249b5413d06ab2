import { describe, expect, it } from "vitest";
import type { MemberPersona, RegistryEntry } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import { loadRegistry } from "../support/registry";
import { snapshotTables } from "../support/snapshot";

/**
 * The generated permission matrix: every registered entry, called as every persona, gets what its
 * expectations say; a refused call changes no row. Entries only state who is allowed and a valid input.
 */
const testDb = withTestDatabase();
const entries = await loadRegistry();

const MEMBERS: MemberPersona[] = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"];
const PERSONAS: Persona[] = [...MEMBERS, "deactivated", "outsider", "signedOut"];

type MemberEntry = Extract<RegistryEntry, { entry: "member" }>;
type OpenEntry = Exclude<RegistryEntry, MemberEntry>;

function expected(entry: MemberEntry, persona: Persona): string {
  if (persona === "signedOut") return "unauthenticated";
  if (persona === "deactivated" || persona === "outsider") return "not_found";
  return entry.expect.allow.includes(persona) ? "ok" : "forbidden";
}

const memberEntries = entries.filter((e): e is MemberEntry => e.entry === "member");
const openEntries = entries.filter((e): e is OpenEntry => e.entry !== "member");

describe("permission matrix: member entries", () => {
  it("covers the registry", () => {
    expect(memberEntries.length).toBeGreaterThan(0);
  });

  for (const entry of memberEntries) {
    describe(`${entry.kind} ${entry.name}`, () => {
      for (const persona of PERSONAS) {
        const want = expected(entry, persona);
        it(`${persona} → ${want}`, async () => {
          const db = testDb();
          const fixture = await createMatrixOrganisation(db);
          actAs(fixture, persona);
          const before = want === "ok" ? undefined : await snapshotTables(db);
          const outcome = await entry.call(fixture.slug, entry.expect.input(fixture));
          expect(outcome.status === "ok" ? "ok" : outcome.code).toBe(want);
          if (before) expect(await snapshotTables(db)).toEqual(before);
        });
      }
    });
  }

  it("answers an unknown organisation like a foreign one", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    for (const entry of memberEntries) {
      const outcome = await entry.call("no-such-organisation", entry.expect.input(fixture));
      expect(outcome.status === "ok" ? "ok" : outcome.code, entry.name).toBe("not_found");
    }
  });
});

describe("permission matrix: public and account entries", () => {
  for (const entry of openEntries) {
    it(`${entry.entry} ${entry.name}`, async () => {
      const fixture = await createMatrixOrganisation(testDb());
      if (entry.entry === "account") {
        actAs(fixture, "signedOut");
        const before = await snapshotTables(testDb());
        const refused = await entry.call(entry.expect.input(fixture));
        expect(refused.status === "ok" ? "ok" : refused.code).toBe("unauthenticated");
        expect(await snapshotTables(testDb())).toEqual(before);
        actAs(fixture, "rep");
      } else {
        actAs(fixture, "signedOut");
      }
      const outcome = await entry.call(entry.expect.input(fixture));
      expect(outcome.status, JSON.stringify(outcome)).toBe("ok");
    });
  }
});
