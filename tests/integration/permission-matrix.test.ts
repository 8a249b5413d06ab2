import { describe, expect, it } from "vitest";
import type { MemberPersona, RegistryEntry } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, linkToken, type Persona } from "../support/fixtures";
import { matrixCase } from "../support/matrix";
import { countsRefusedAttempts, loadRegistry } from "../support/registry";
import { snapshotOrganisation, snapshotTables, snapshotWithoutCounters } from "../support/snapshot";

/**
 * The generated permission matrix: every registered entry, called as every persona, gets what its
 * expectations say; a refused call changes no row. Entries only state who is allowed; each one's valid input
 * (and the rows it needs) is its matrix case, in tests/support/matrix/.
 */
const testDb = withTestDatabase();
const entries = await loadRegistry();

const MEMBERS: MemberPersona[] = ["admin", "leader", "coLeader", "otherLeader", "rep", "otherRep"];
const PERSONAS: Persona[] = [...MEMBERS, "deactivated", "outsider", "signedOut"];

type MemberEntry = Extract<RegistryEntry, { entry: "member" }>;
type TokenEntry = Extract<RegistryEntry, { entry: "token" }>;
type OpenEntry = Extract<RegistryEntry, { entry: "public" | "account" }>;

function expected(entry: MemberEntry, persona: Persona): string {
  if (entry.served?.() === false) return "not_found"; // not served here (the benchmark's page and action): absent for all
  if (persona === "signedOut") return "unauthenticated";
  if (persona === "deactivated" || persona === "outsider") return "not_found";
  return entry.expect.allow.includes(persona) ? "ok" : "forbidden";
}

const memberEntries = entries.filter((e): e is MemberEntry => e.entry === "member");
const tokenEntries = entries.filter((e): e is TokenEntry => e.entry === "token");
const openEntries = entries.filter((e): e is OpenEntry => e.entry === "public" || e.entry === "account");
const code = (outcome: { status: string; code?: string }) => (outcome.status === "ok" ? "ok" : outcome.code);

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
          const { input, prepare } = matrixCase(entry);
          await prepare?.(db, fixture);
          actAs(fixture, persona);
          const before = want === "ok" ? undefined : await snapshotTables(db);
          const outcome = await entry.call(fixture.slug, input(fixture));
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
      const outcome = await entry.call("no-such-organisation", matrixCase(entry).input(fixture));
      expect(outcome.status === "ok" ? "ok" : outcome.code, entry.name).toBe("not_found");
    }
  });
});

/**
 * The tenth persona: a member (the admin) of another organisation who takes this organisation's ids and calls
 * every entry through their own organisation's URL. (Through this organisation's URL they are the `outsider`
 * column above: 404.) They may be refused or get an empty answer, but never see or change anything of this
 * organisation.
 */
describe("permission matrix: a member of another organisation using this organisation's ids", () => {
  /** Every id and name of the fixture's organisation that must not leak, i.e. all but the outsider's own. */
  function secretsOf(fixture: Awaited<ReturnType<typeof createMatrixOrganisation>>): string[] {
    const { users } = fixture;
    // Every other field of the fixture (ids added by later features too), but not the outsider's own organisation.
    const rest = Object.entries(fixture).filter(([key]) => !["users", "tokens", "elsewhere"].includes(key));
    const values = [
      ...Object.entries(users)
        .filter(([persona]) => persona !== "outsider")
        .map(([, id]) => id),
      fixture.slug,
    ];
    const walk = (value: unknown) => {
      if (typeof value === "string") values.push(value);
      else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(rest.map(([, value]) => value));
    return [...new Set(values), fixture.slug.replace("matrix-", "Matrix "), "Prospecting", "Lee Leader", "Remy Rep", "Team A"];
  }

  for (const entry of memberEntries) {
    it(`${entry.kind} ${entry.name}: refused or empty, nothing of this organisation read or changed`, async () => {
      const db = testDb();
      const fixture = await createMatrixOrganisation(db);
      const { input, prepare } = matrixCase(entry);
      await prepare?.(db, fixture);
      actAs(fixture, "outsider");
      const before = await snapshotOrganisation(db, fixture.orgId);
      const outcome = await entry.call(fixture.elsewhere.slug, input(fixture));
      expect(await snapshotOrganisation(db, fixture.orgId)).toEqual(before);
      if (outcome.status === "ok" && entry.kind !== "action") {
        const seen = JSON.stringify(outcome.data) ?? "";
        for (const secret of secretsOf(fixture)) expect(seen, `${entry.name} shows ${secret} of another organisation`).not.toContain(secret);
      }
    });
  }
});

describe("permission matrix: public and account entries", () => {
  for (const entry of openEntries) {
    it(`${entry.entry} ${entry.name}`, async () => {
      const fixture = await createMatrixOrganisation(testDb());
      const { input, prepare } = matrixCase(entry);
      await prepare?.(testDb(), fixture);
      if (entry.entry === "account") {
        actAs(fixture, "signedOut");
        const before = await snapshotTables(testDb());
        const refused = await entry.call(input(fixture));
        expect(refused.status === "ok" ? "ok" : refused.code).toBe("unauthenticated");
        expect(await snapshotTables(testDb())).toEqual(before);
        actAs(fixture, "rep");
      } else {
        actAs(fixture, "signedOut");
      }
      const outcome = await entry.call(input(fixture));
      expect(outcome.status, JSON.stringify(outcome)).toBe("ok");
    });
  }
});

describe("permission matrix: token entries", () => {
  for (const entry of tokenEntries) {
    describe(`${entry.kind} ${entry.name}`, () => {
      // A link that is not valid is a page that does not exist (404); an API token that is not valid is a 401.
      const badToken = entry.expect.token === "apiToken" ? "unauthenticated" : "not_found";
      it(`refuses an unknown token, another organisation's token and the wrong organisation (${badToken}), changing nothing`, async () => {
        const db = testDb();
        const fixture = await createMatrixOrganisation(db);
        const other = await createMatrixOrganisation(db);
        await matrixCase(entry).prepare?.(db, fixture);
        const token = await linkToken(db, fixture, entry.expect.token);
        const otherToken = await linkToken(db, other, entry.expect.token);
        actAs(fixture, entry.expect.session === "none" ? "signedOut" : "outsider");
        const snapshot = countsRefusedAttempts(entry) ? snapshotWithoutCounters : snapshotTables;
        const before = await snapshot(db);
        const input = matrixCase(entry).input(fixture);
        expect(code(await entry.call(fixture.slug, "not-a-real-token", input))).toBe(badToken);
        expect(code(await entry.call(fixture.slug, otherToken, input))).toBe(badToken);
        expect(code(await entry.call(other.slug, token, input))).toBe(badToken);
        expect(code(await entry.call("no-such-organisation", token, input))).toBe("not_found");
        expect(await snapshot(db)).toEqual(before);
      });

      it(`accepts a valid token (${entry.expect.session === "none" ? "signed out" : "signed in, not a member"})`, async () => {
        const fixture = await createMatrixOrganisation(testDb());
        await matrixCase(entry).prepare?.(testDb(), fixture);
        const token = await linkToken(testDb(), fixture, entry.expect.token);
        actAs(fixture, entry.expect.session === "none" ? "signedOut" : "outsider");
        const outcome = await entry.call(fixture.slug, token, matrixCase(entry).input(fixture));
        expect(outcome.status, JSON.stringify(outcome)).toBe("ok");
      });

      if (entry.expect.session === "outsider") {
        it("refuses a signed-out visitor and an existing member, changing nothing", async () => {
          const db = testDb();
          const fixture = await createMatrixOrganisation(db);
          const token = await linkToken(db, fixture, entry.expect.token);
          const before = await snapshotTables(db);
          for (const [persona, want] of [
            ["signedOut", "unauthenticated"],
            ["rep", "conflict"],
            ["deactivated", "conflict"],
          ] as const) {
            actAs(fixture, persona);
            expect(code(await entry.call(fixture.slug, token, matrixCase(entry).input(fixture))), persona).toBe(want);
          }
          expect(await snapshotTables(db)).toEqual(before);
        });
      }
    });
  }
});
