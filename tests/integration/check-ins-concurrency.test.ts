import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, checkIns } from "@/db/schema";
import { createCheckIn } from "@/lib/check-ins/actions";
import { answerCheckIn } from "@/lib/check-ins/answer";
import { MATRIX_IDS, prepareRelationship } from "@/lib/relationships/matrix";
import { onServer, rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();
const answer = (trust: number) => ({ trust: String(trust), salesFrustratesUs: `Answer ${trust}`, wouldHelp: "", respondentName: "" });

/**
 * One response per link when submits truly race. PGlite is a single connection and runs transactions one after
 * another, so this needs the PostgreSQL run (`npm test` runs every integration file there too).
 */
describe("check-in answers under concurrent submits (PostgreSQL)", () => {
  it.skipIf(!onServer)("let exactly one of several submits waiting on the same row claim the link", async () => {
    const db = testDb();
    const f = await createMatrixOrganisation(db);
    await prepareRelationship(db, f);
    actAs(f, "leader");
    const created = await createCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, expiresInDays: "14" });
    if (created.status !== "ok") throw new Error(JSON.stringify(created));
    const token = created.data.url.split("/").at(-1)!;
    actAs(f, "signedOut");

    // Hold the link's row so that every submit has read it as waiting and queues at the claim; then let go.
    let submits: ReturnType<typeof answerCheckIn>[] = [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`select id from check_ins where org_id = ${f.orgId} for update`);
      submits = [1, 2, 3, 4].map((trust) => answerCheckIn(f.slug, token, answer(trust)));
      const deadline = Date.now() + 15_000;
      for (;;) {
        await tx.execute(sql`select pg_stat_clear_snapshot()`); // a transaction otherwise sees one frozen snapshot
        const [row] = rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
        );
        if (row!.n === submits.length) break;
        if (Date.now() > deadline) {
          const activity = rowsOf(await tx.execute(sql`select state, wait_event_type, wait_event, left(query, 80) as q from pg_stat_activity where datname = current_database()`));
          throw new Error(`only ${row!.n} submits reached the claim: ${JSON.stringify(activity)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    });
    const results = await Promise.all(submits);

    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    const refused = results.filter((r) => r.status === "error");
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r).toMatchObject({ code: "conflict", message: "This check-in was answered or closed a moment ago. Nothing more was saved." });

    const rows = await db.select({ trust: checkIns.trust, answeredAt: checkIns.answeredAt }).from(checkIns).where(eq(checkIns.orgId, f.orgId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answeredAt).toBeInstanceOf(Date);
    const events = await db.select({ after: auditEvents.after }).from(auditEvents).where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "checkIn.answer")));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ trust: rows[0]!.trust });
  });
});
