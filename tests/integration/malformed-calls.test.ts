import { describe, expect, it } from "vitest";
import type { RegistryEntry } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, linkToken } from "../support/fixtures";
import { matrixCase } from "../support/matrix";
import { countsRefusedAttempts, loadRegistry } from "../support/registry";
import { snapshotTables } from "../support/snapshot";

/**
 * Calls anyone can send by hand, as the server would receive them, that used to throw (a 500 and a crash in the
 * log): every entry must answer them with a refusal instead.
 */
const testDb = withTestDatabase();
const entries = await loadRegistry();
const actions = entries.filter((e) => e.kind === "action");

type Answer = { status: string; code?: string };
const answerOf = (value: unknown) => {
  const answer = value as Answer;
  return answer.status === "ok" ? "ok" : answer.code;
};

/** The action function itself (what Next calls with the decoded arguments), with a form call's two arguments. */
function formCall(entry: RegistryEntry, slug: string, token: string, second: unknown): Promise<unknown> {
  const fn = entry.fn as (...args: unknown[]) => Promise<unknown>;
  if (entry.entry === "member") return fn(slug, {}, second);
  if (entry.entry === "token") return fn(slug, token, {}, second);
  return fn({}, second);
}

/** Entries that count refused attempts on purpose (tests/support/registry.ts) may move the throttles. */
const rowsOf = async (db: Parameters<typeof snapshotTables>[0], entry: RegistryEntry) => {
  const tables = await snapshotTables(db);
  if (countsRefusedAttempts(entry)) delete tables.throttles;
  return tables;
};

describe('an action called as a form with a second argument that is not form data ([{}, "x"] as JSON)', () => {
  for (const entry of actions) {
    it(`${entry.entry} ${entry.name}: refused, signed out and signed in`, async () => {
      const db = testDb();
      const fixture = await createMatrixOrganisation(db);
      const token = entry.entry === "token" ? await linkToken(db, fixture, entry.expect.token) : "";
      const before = await rowsOf(db, entry);
      for (const persona of ["signedOut", "admin"] as const) {
        actAs(fixture, persona);
        for (const second of ["x", null, 7, { a: 1 }, [1, 2]]) {
          const answer = await formCall(entry, fixture.slug, token, second);
          expect(answerOf(answer), `${persona}, ${JSON.stringify(second)}`).not.toBe("ok");
        }
      }
      expect(await rowsOf(db, entry)).toEqual(before);
    });
  }
});

describe("an organisation slug that PostgreSQL cannot store (a NUL byte) or that no organisation can have", () => {
  const slugs = ["a\u0000b", "\u0000", "x".repeat(5000), "\uD800", "Brightwater Supply", "../x"];

  it("member entries answer not_found", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    for (const entry of entries) {
      if (entry.entry !== "member") continue;
      for (const slug of [...slugs, `${fixture.slug}\u0000`]) {
        expect(answerOf(await entry.call(slug, matrixCase(entry).input(fixture))), `${entry.name} ${JSON.stringify(slug)}`).toBe("not_found");
      }
    }
  });

  it("token entries answer not_found", async () => {
    const db = testDb();
    const fixture = await createMatrixOrganisation(db);
    actAs(fixture, "outsider");
    for (const entry of entries) {
      if (entry.entry !== "token") continue;
      const token = await linkToken(db, fixture, entry.expect.token);
      for (const slug of [...slugs, `${fixture.slug}\u0000`]) {
        expect(answerOf(await entry.call(slug, token, matrixCase(entry).input(fixture))), `${entry.name} ${JSON.stringify(slug)}`).toBe("not_found");
      }
    }
  });
});

describe("an integer outside PostgreSQL's integer range", () => {
  it("saving a score with expectedVersion 2^31 is refused as invalid, not a database overflow", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "leader");
    const rate = entries.find((e) => e.name === "grid.rate");
    if (rate?.entry !== "member") throw new Error("grid.rate is not registered");
    for (const expectedVersion of [2 ** 31, 2 ** 31 + 5, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      const outcome = await rate.call(fixture.slug, { ...matrixCase(rate).input(fixture), expectedVersion });
      expect(outcome, String(expectedVersion)).toMatchObject({
        status: "error",
        code: "invalid",
        fieldErrors: { expectedVersion: expect.any(String) },
      });
    }
  });
});
