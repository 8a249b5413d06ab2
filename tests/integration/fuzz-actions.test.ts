import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { FailureCode, Outcome } from "@/lib/chain/outcome";
import type { RegistryEntry } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, linkToken, type Persona } from "../support/fixtures";
import { matrixCase } from "../support/matrix";
import { countsRefusedAttempts, loadRegistry } from "../support/registry";
import { nextTransactionId, snapshotTables } from "../support/snapshot";

/**
 * Fuzzed inputs for every registered server action: wrong types, missing fields, out-of-range numbers (past
 * PostgreSQL's integer too), huge strings, unicode (lone surrogates, right-to-left, zero-width, NUL), SQL and HTML
 * payloads, mixed into the entry's own valid input, several fields at once or one at a time. Each call must come back
 * as an outcome (ok, or a refusal with a clear message), never throw; a refused call changes no row; no field takes a
 * huge string; and some fuzzed calls get through to the handler, unless the entry's valid call uses up what it acts on.
 */
const testDb = withTestDatabase();
// Actions, and the REST API's route (an API-token entry): both take input from anyone who can reach them.
const actions = (await loadRegistry()).filter((e) => e.kind === "action" || (e.entry === "token" && e.kind === "route"));
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS || 100);

const HUGE = "x".repeat(1_000_000);
const HUGE_UNICODE = "é🙂\u202E".repeat(200_000);
const PAYLOADS = [
  "",
  " ",
  "   padded   ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFFlone",
  "\u202Egnp.exe",
  "\u200B\u200C\u200D\uFEFF",
  "مرحبا بالعالم",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂👍🏽👨‍👩‍👧",
  "'; drop table users; --",
  "' or '1'='1",
  "1); delete from memberships; --",
  "$1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../etc/passwd",
  "00000000-0000-0000-0000-000000000000",
  "__proto__",
  "1e999",
  "2147483648",
  "-2147483649",
  "-1",
  "6",
  "2.5",
  "NaN",
  "true",
  HUGE,
  HUGE_UNICODE,
] as const;

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PAYLOADS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(null, undefined, true, false, 0, -1, 6, 100, 2.5, -0, NaN, Infinity, -Infinity, 1e308, 2 ** 53 + 2, [], {}, [[]], {
      a: 1,
    }),
  },
  // Past PostgreSQL's integer (int4), on both sides: every integer field must refuse them, not overflow its column.
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -(2 ** 31) - 1 }),
      fc.constantFrom(2 ** 31, -(2 ** 31) - 1),
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const REMOVE = Symbol("remove");
const isPlainObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === "object" && !Array.isArray(v);

/** The valid value, kept or mutated at every level. */
function mutated(value: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (Array.isArray(value) && depth < 3) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...value.map((v) => mutated(v, depth + 1))) },
      { weight: 1, arbitrary: fc.array(nasty, { maxLength: 4 }) },
      { weight: 1, arbitrary: nasty },
    );
  }
  if (isPlainObject(value) && depth < 3) {
    const fields = Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        fc.oneof({ weight: 5, arbitrary: mutated(v, depth + 1) }, { weight: 1, arbitrary: fc.constant(REMOVE) }),
      ]),
    );
    const extra = fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "orgId", "id", "role", "extra"), nasty), { freq: 5 });
    return fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(fc.record(fields), extra).map(([record, more]) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(record)) if (v !== REMOVE) out[k] = v;
          if (more) Object.defineProperty(out, more[0], { value: more[1], enumerable: true, writable: true, configurable: true });
          return out;
        }),
      },
      { weight: 1, arbitrary: nasty },
    );
  }
  return fc.oneof({ weight: 2, arbitrary: fc.constant(value) }, { weight: 3, arbitrary: nasty });
}

/**
 * The valid input with one top-level field changed: given a hostile value, removed, or added where the input has no
 * such field. The other fields stay valid, so a hostile value the field accepts reaches the handler.
 */
function oneFieldChanged(valid: unknown): fc.Arbitrary<unknown> {
  if (!isPlainObject(valid)) return mutated(valid);
  const keys = [...Object.keys(valid), "extra", "orgId", "role"];
  return fc
    .tuple(fc.constantFrom(...keys), fc.oneof({ weight: 5, arbitrary: nasty }, { weight: 1, arbitrary: fc.constant(REMOVE) }))
    .map(([key, value]) => {
      const out: Record<string, unknown> = { ...valid };
      if (value === REMOVE) delete out[key];
      else Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/**
 * Entries whose valid call uses up what it acts on (a team archived, an invite accepted, a people file imported, a cycle opened, a rating's
 * version moved on, the session ended): the same input is refused after it, so no later call, fuzzed or not, can get
 * through, and their fuzz checks the refusals only. The test fails if one of them accepts its valid input twice.
 */
const ONE_SHOT = new Set([
  "apiToken.revoke",
  "measure.archive",
  "measure.restore",
  "measure.setMain",
  "account.changePassword",
  "account.confirmEmailChange",
  "account.delete",
  "account.resetPassword",
  "account.signOutEverywhere",
  "account.signUp",
  "assessment.reopen",
  "assessment.share",
  "assessment.submit",
  "calibration.finishRound",
  "checkIn.answer",
  "checkIn.revoke",
  "coaching.deleteNote",
  "coaching.removePlanAction",
  "cycle.close",
  "cycle.open",
  "department.addStarters",
  "department.archive",
  "department.restore",
  "framework.addBehaviour",
  "framework.archiveBehaviour",
  "framework.confirm",
  "framework.restoreBehaviour",
  "grid.rate",
  "invite.acceptAsNew",
  "invite.acceptSignedIn",
  "invite.revoke",
  "member.changeRole",
  "member.deactivate",
  "member.leave",
  "member.moveTeam",
  "member.reactivate",
  "people.import",
  "team.archive",
  "team.removeLeader",
  "team.restore",
]);

const CODES: FailureCode[] = ["unauthenticated", "not_found", "forbidden", "invalid", "conflict"];

type Fixture = Awaited<ReturnType<typeof createMatrixOrganisation>>;

/** Entries that count refused attempts may move the throttles; every other entry must leave them alone too. */
function withoutCounters(entry: RegistryEntry, snapshot: Record<string, string>): Record<string, string> {
  if (!countsRefusedAttempts(entry)) return snapshot;
  return Object.fromEntries(Object.entries(snapshot).filter(([table]) => table !== "throttles"));
}

/** Who calls: someone the entry lets through, so the fuzz reaches validation and the handler. */
function callerOf(entry: RegistryEntry): Persona {
  if (entry.entry === "member") return entry.expect.allow[0] ?? "admin";
  if (entry.entry === "account") return "rep";
  if (entry.entry === "token") return entry.expect.session === "none" ? "signedOut" : "outsider";
  return "signedOut";
}

async function caller(db: Db, entry: RegistryEntry, fixture: Fixture): Promise<(input: unknown) => Promise<Outcome<unknown>>> {
  if (entry.entry === "member") return (input) => entry.call(fixture.slug, input);
  if (entry.entry === "token") {
    const token = await linkToken(db, fixture, entry.expect.token);
    return (input) => entry.call(fixture.slug, token, input);
  }
  return (input) => entry.call(input);
}

/** Top-level text fields of the valid input that were given a string over 10,000 characters. */
function hugeFields(input: unknown, valid: Record<string, unknown>): string[] {
  if (!isPlainObject(input)) return [];
  return Object.keys(valid).filter((k) => typeof valid[k] === "string" && typeof input[k] === "string" && (input[k] as string).length > 10_000);
}

describe(`fuzzed inputs: every registered action, ${FUZZ_RUNS} runs each`, () => {
  it("covers the registry's actions", () => {
    expect(actions.length).toBeGreaterThan(0);
  });

  for (const entry of actions) {
    it(`${entry.entry} ${entry.name}`, async () => {
      const db = testDb();
      const fixture = await createMatrixOrganisation(db);
      const { input, prepare } = matrixCase(entry);
      await prepare?.(db, fixture);
      actAs(fixture, callerOf(entry));
      const call = await caller(db, entry, fixture);
      const valid = input(fixture);
      // The valid input goes first: a rate-limited link (a check-in's) could otherwise be locked by fuzzed
      // submits before the valid one came up. It shows the fixture and the caller are right.
      const first = await call(valid);
      const served = !(entry.entry === "member" && entry.served?.() === false);
      if (served) expect(first, `${entry.name} refused its valid input`).toMatchObject({ status: "ok" });
      let fuzzedOk = 0;
      let baseline = await snapshotTables(db);

      const result = await fc.check(
        // Only inputs that differ from the valid one: a repeat of it would use up a rate limit (a reset mail's, four an
        // hour) without counting as a fuzzed call, and could leave none to get through.
        fc.asyncProperty(
          fc
            .oneof({ weight: 6, arbitrary: mutated(valid) }, { weight: 4, arbitrary: oneFieldChanged(valid) })
            .filter((input) => !isDeepStrictEqual(input, valid)),
          async (input) => {
            const xid = await nextTransactionId(db);
            let outcome: Outcome<unknown>;
            try {
              outcome = await call(input);
            } catch (error) {
              throw new Error(`${entry.name} threw instead of answering: ${String(error).slice(0, 300)}`);
            }
            if (!served) expect(outcome.status, `${entry.name} is not served here but answered ok`).toBe("error");
            if (outcome.status === "ok") {
              fuzzedOk += 1;
              expect(hugeFields(input, valid), `${entry.name} accepted a huge string`).toEqual([]);
              baseline = await snapshotTables(db); // the state moved on legitimately
              return;
            }
            expect(outcome.status).toBe("error");
            expect(CODES).toContain(outcome.code);
            expect(typeof outcome.message === "string" && outcome.message.length > 0 && outcome.message.length < 300, outcome.message).toBe(true);
            if (outcome.code === "invalid") expect(Object.keys(outcome.fieldErrors ?? {}).length, JSON.stringify(outcome)).toBeGreaterThan(0);
            // No transaction id taken means nothing was written; otherwise compare every row.
            if ((await nextTransactionId(db)) !== xid)
              expect(withoutCounters(entry, await snapshotTables(db)), `${entry.name} refused but changed rows`).toEqual(
                withoutCounters(entry, baseline),
              );
          },
        ),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      if (result.failed) {
        // Inputs hold megabyte strings: report them shortened.
        const shown = JSON.stringify(result.counterexample, (_k, v: unknown) =>
          typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
        );
        throw new Error(`${entry.name} failed on ${shown} (seed ${result.seed}): ${String(result.errorInstance).slice(0, 1500)}`);
      }
      // The fuzz is only worth something if it reaches the handler: some fuzzed calls succeed. An entry this server
      // does not serve (the benchmark's) lets none through; a one-shot entry cannot, as its valid input shows again.
      if (!served) expect(first.status, `${entry.name} is not served here but answered ok`).toBe("error");
      else if (ONE_SHOT.has(entry.name))
        expect((await call(valid)).status, `${entry.name} is listed as one-shot but took its valid input twice`).toBe("error");
      else expect(fuzzedOk, `${entry.name}: no fuzzed call got through`).toBeGreaterThan(0);
    }, 180_000);
  }
});
