import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, ratings } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { rateRep } from "@/lib/grid/actions";
import { onServer, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { differingTallies } from "../support/tallies";

const testDb = withTestDatabase();
void rateRep; // registers grid.rate

const WRITERS_PER_CELL = 6;
const SAVES_PER_WRITER = 4;

type Saved = { status: "ok"; data: { version: number; score: number } };
type Conflict = { status: "error"; code: "conflict"; details: { current: { score: number | null; version: number } } };

/**
 * Many concurrent saves to the same and to different grid cells, through the whole chain (session, membership,
 * permission, transaction, conditional update, audit) on one connection pool. On PostgreSQL (`npm test` runs this
 * file there too) the calls really overlap: several pool connections race for the same rows.
 */
describe(`concurrent grid saves (${onServer ? "PostgreSQL" : "embedded"})`, () => {
  it("every cell gets a save, losers are told the newer value, and each cell ends on its last acknowledged save", async () => {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    actAs(f, "leader");
    const entry = registeredEntries().find((e) => e.name === "grid.rate");
    if (entry?.entry !== "member") throw new Error("grid.rate is not registered");

    const cells = [f.users.rep, f.users.otherRep].flatMap((repUserId) => f.behaviourIds.map((behaviourId) => ({ repUserId, behaviourId })));
    const acked = new Map<string, Map<number, number>>(); // cell -> version -> score
    const conflicts: { cell: string; expected: number; current: { score: number | null; version: number } }[] = [];

    const writer = async (cell: (typeof cells)[number], w: number) => {
      const key = `${cell.repUserId}:${cell.behaviourId}`;
      let expected = 0; // every writer starts from the empty cell, as if all opened the grid at once
      for (let i = 0; i < SAVES_PER_WRITER; i++) {
        const score = ((w + i) % 5) + 1;
        const outcome = (await entry.call(f.slug, { cycleId: f.cycles.open, ...cell, score, expectedVersion: expected })) as Saved | Conflict;
        if (outcome.status === "ok") {
          const versions = acked.get(key) ?? new Map<number, number>();
          expect(versions.has(outcome.data.version), `version ${outcome.data.version} acknowledged twice`).toBe(false);
          versions.set(outcome.data.version, score);
          acked.set(key, versions);
          expected = outcome.data.version;
        } else {
          expect(outcome).toMatchObject({ status: "error", code: "conflict" });
          conflicts.push({ cell: key, expected, current: outcome.details.current });
          expected = outcome.details.current.version; // take the newer value, as the grid does, and go on
        }
      }
    };
    await Promise.all(cells.flatMap((cell) => Array.from({ length: WRITERS_PER_CELL }, (_, w) => writer(cell, w))));

    const total = WRITERS_PER_CELL * SAVES_PER_WRITER * cells.length;
    const ackCount = [...acked.values()].reduce((n, v) => n + v.size, 0);
    expect(ackCount + conflicts.length).toBe(total);
    expect(conflicts.length).toBeGreaterThan(0);

    for (const cell of cells) {
      const key = `${cell.repUserId}:${cell.behaviourId}`;
      const versions = acked.get(key);
      expect(versions?.size, `${key} got no successful save`).toBeGreaterThan(0);
      // Versions 1..n, each acknowledged exactly once: no save was lost or applied twice.
      expect([...versions!.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: versions!.size }, (_, i) => i + 1));
      const [row] = await db
        .select({ score: ratings.score, version: ratings.version })
        .from(ratings)
        .where(
          and(
            eq(ratings.orgId, f.orgId),
            eq(ratings.cycleId, f.cycles.open),
            eq(ratings.repUserId, cell.repUserId),
            eq(ratings.behaviourId, cell.behaviourId),
          ),
        );
      const last = Math.max(...versions!.keys());
      expect(row).toEqual({ version: last, score: versions!.get(last) });
    }
    // A loser learns a value some save really wrote, newer than the one it had.
    for (const { cell, expected, current } of conflicts) {
      expect(current.version).toBeGreaterThan(expected);
      expect(acked.get(cell)?.get(current.version)).toBe(current.score);
    }
    // Exactly one audit event per acknowledged save: a refused save leaves no trace.
    const audited = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "grid.rate")));
    expect(audited).toHaveLength(ackCount);
    // The team tallies kept up with every committed save, however they interleaved (each refresh of a team waits
    // for the one before it and reads after it).
    expect(await differingTallies(db, f.orgId)).toEqual([]);
  });
});
