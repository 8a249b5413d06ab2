import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditEvents, checkIns, relationshipActions, throttles } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { onServer, rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { MATRIX_CHECK_IN_ID } from "../support/matrix/check-ins";
import { MATRIX_IDS, prepareRelationship } from "../support/matrix/relationships";
import { snapshotTables } from "../support/snapshot";
import { createCheckIn, revokeCheckIn } from "@/lib/check-ins/actions";
import { answerCheckIn } from "@/lib/check-ins/answer";
import { loadCheckInPage } from "@/lib/check-ins/loaders";
import { CHECK_IN_LINK_RULE } from "@/lib/check-ins/throttle";
import { addAction } from "@/lib/relationships/actions";
import { loadRelationship, type RelationshipPage } from "@/lib/relationships/loaders";
import { hashToken } from "@/lib/tokens";

// Who the client is, as a trusting proxy would say (read only when TRUST_PROXY is set).
const forwarded = vi.hoisted(() => ({ for: "203.0.113.7" }));
// A client that claims to be someone else: only the entry the trusted proxy appended counts.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": `198.51.100.9, ${forwarded.for}` }) }));

// env() is parsed once per process: read TRUST_PROXY afresh so a test can set it.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => ({ ...actual.env(), TRUST_PROXY: process.env.TRUST_PROXY ? Number(process.env.TRUST_PROXY) : undefined }) };
});

const testDb = withTestDatabase();
void loadRelationship;

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

const answer = {
  trust: "2",
  salesFrustratesUs: "Orders change after they are picked.",
  wouldHelp: "A cut-off time we both keep.",
  respondentName: "Fran",
};

/** A fixture whose relationship (kept by `leader`) has a check-in link made through the action: its token. */
async function withLink(): Promise<{ f: MatrixFixture; token: string; checkInId: string }> {
  const db = testDb();
  const f = await createMatrixOrganisation(db);
  await prepareRelationship(db, f);
  actAs(f, "leader");
  const created = await createCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, expiresInDays: "14" });
  if (created.status !== "ok") throw new Error(JSON.stringify(created));
  const token = created.data.url.split("/").at(-1)!;
  const [row] = await db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.orgId, f.orgId));
  actAs(f, "signedOut");
  return { f, token, checkInId: row!.id };
}

async function pageOf(slug: string, token: string) {
  return loadCheckInPage(slug, token);
}

async function detail(f: MatrixFixture): Promise<RelationshipPage> {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/relationships/[relationshipId]");
  if (entry?.entry !== "member") throw new Error("detail loader not registered");
  const outcome = await entry.call(f.slug, { relationshipId: MATRIX_IDS.relationship });
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as RelationshipPage;
}

const statusOf = async (slug: string, token: string) => {
  const page = await pageOf(slug, token);
  return page.status === "ok" ? page.data.status : page.code;
};

describe("check-in links", () => {
  it("are made with at least 128 random bits and a 14-day default expiry; only the hash is stored", async () => {
    const db = testDb();
    const { f, token } = await withLink();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const [row] = await db.select().from(checkIns).where(eq(checkIns.orgId, f.orgId));
    expect(row!.tokenHash).toBe(hashToken(token));
    const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    // The raw token is nowhere in the database: not in the link's row, not in the audit log.
    const everything = rowsOf<{ t: string }>(
      await db.execute(
        sql`select (select coalesce(string_agg(c::text, '|'), '') from check_ins c) || (select coalesce(string_agg(a::text, '|'), '') from audit_events a) as t`,
      ),
    )[0]!.t;
    expect(everything).toContain(hashToken(token));
    expect(everything).not.toContain(token);
  });

  it("take one answer: waiting, then answered; a second answer is refused and stores nothing", async () => {
    const db = testDb();
    const { f, token, checkInId } = await withLink();
    const page = await pageOf(f.slug, token);
    expect(page).toMatchObject({
      status: "ok",
      data: { status: "waiting", orgName: expect.stringMatching(/^Matrix /), leaderName: "Lee Leader", closed: null },
    });
    expect(Object.keys(page.status === "ok" ? page.data : {}).sort()).toEqual(["closed", "leaderName", "orgName", "status"]);

    const sent = await answerCheckIn(f.slug, token, answer);
    expect(sent).toEqual({ status: "ok", data: { answered: true } });
    const [row] = await db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.orgId, f.orgId), eq(checkIns.id, checkInId)));
    expect(row).toMatchObject({ trust: 2, salesFrustratesUs: answer.salesFrustratesUs, wouldHelp: answer.wouldHelp, respondentName: "Fran" });
    expect(row!.answeredAt).toBeInstanceOf(Date);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "checkIn.answer")));
    expect(event).toMatchObject({
      actorUserId: null,
      targetType: "relationship",
      targetId: MATRIX_IDS.relationship,
      targetLabel: "Fran Finance (Finance)",
    });

    expect(await statusOf(f.slug, token)).toBe("answered");
    const before = await snapshotTables(db);
    const again = await answerCheckIn(f.slug, token, { ...answer, trust: "5" });
    expect(again).toMatchObject({ status: "error", code: "conflict", message: expect.stringContaining("has been answered") });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it("refuse an expired, a revoked, an unknown link and another organisation's link, storing nothing", async () => {
    const db = testDb();
    const expired = await withLink();
    await db
      .update(checkIns)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkIns.orgId, expired.f.orgId));
    const revoked = await withLink();
    actAs(revoked.f, "leader");
    expect(await revokeCheckIn(revoked.f.slug, { relationshipId: MATRIX_IDS.relationship, checkInId: revoked.checkInId })).toMatchObject({
      status: "ok",
    });
    actAs(revoked.f, "signedOut");
    const other = await withLink();

    expect(await statusOf(expired.f.slug, expired.token)).toBe("expired");
    expect(await statusOf(revoked.f.slug, revoked.token)).toBe("revoked");
    expect(await statusOf(expired.f.slug, "no-such-token")).toBe("not_found");
    expect(await statusOf(expired.f.slug, other.token)).toBe("not_found"); // a real token, of another organisation
    expect(await statusOf("no-such-organisation", other.token)).toBe("not_found");

    const before = await snapshotTables(db);
    for (const [slug, token, code, message] of [
      [expired.f.slug, expired.token, "conflict", "has expired"],
      [revoked.f.slug, revoked.token, "conflict", "was withdrawn"],
      [expired.f.slug, "no-such-token", "not_found", "not valid"],
      [expired.f.slug, other.token, "not_found", "not valid"],
    ] as const) {
      for (let i = 0; i < CHECK_IN_LINK_RULE.limit + 2; i++) {
        expect(await answerCheckIn(slug, token, answer), `${token} ${i}`).toMatchObject({
          status: "error",
          code,
          message: expect.stringContaining(message),
        });
      }
    }
    // Nothing stored: no answer, no audit event, not even a rate-limit count.
    expect(await snapshotTables(db)).toEqual(before);
    expect(await statusOf(other.f.slug, other.token)).toBe("waiting");
  });

  it("check each field, keep what was typed, and refuse an oversized body as a whole", async () => {
    const db = testDb();
    const { f, token, checkInId } = await withLink();
    const bad = await answerCheckIn(f.slug, token, { trust: "7", salesFrustratesUs: "x".repeat(2001), wouldHelp: "", respondentName: "" });
    expect(bad).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: { trust: "Choose a trust level from 1 to 5.", salesFrustratesUs: "Keep this answer to 2000 characters or fewer." },
      values: { trust: "7" },
    });
    const huge = await answerCheckIn(f.slug, token, { ...answer, padding: "x".repeat(20_000) });
    expect(huge).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: { form: "This answer is too long to send. Shorten it and try again." },
    });
    const [row] = await db
      .select({ answeredAt: checkIns.answeredAt })
      .from(checkIns)
      .where(and(eq(checkIns.orgId, f.orgId), eq(checkIns.id, checkInId)));
    expect(row!.answeredAt).toBeNull();
  });

  it("are rate-limited per link: every submit counts, a refused one too; past the limit even a good answer waits", async () => {
    const db = testDb();
    const { f, token, checkInId } = await withLink();
    for (let i = 0; i < CHECK_IN_LINK_RULE.limit; i++) {
      expect(await answerCheckIn(f.slug, token, { ...answer, trust: "" })).toMatchObject({ code: "invalid" });
    }
    const locked = await answerCheckIn(f.slug, token, answer);
    expect(locked).toMatchObject({ status: "error", code: "conflict", message: expect.stringMatching(/^Too many tries.*wait 10 minutes/) });
    const [row] = await db
      .select({ answeredAt: checkIns.answeredAt })
      .from(checkIns)
      .where(and(eq(checkIns.orgId, f.orgId), eq(checkIns.id, checkInId)));
    expect(row!.answeredAt).toBeNull();
    // Another link is unaffected.
    const other = await withLink();
    expect(await answerCheckIn(other.f.slug, other.token, answer)).toMatchObject({ status: "ok" });
  });

  it("are rate-limited per client address only behind a trusted proxy", async () => {
    const db = testDb();
    const key = `check-in-address:${forwarded.for}`;
    const first = await withLink();
    expect(await answerCheckIn(first.f.slug, first.token, answer)).toMatchObject({ status: "ok" });
    expect(await db.select().from(throttles).where(eq(throttles.key, key))).toEqual([]);

    process.env.TRUST_PROXY = "1";
    const second = await withLink();
    expect(await answerCheckIn(second.f.slug, second.token, answer)).toMatchObject({ status: "ok" });
    const [hit] = await db.select({ count: throttles.count }).from(throttles).where(eq(throttles.key, key));
    expect(hit).toEqual({ count: 1 });
    await db
      .update(throttles)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(throttles.key, key));
    const third = await withLink();
    expect(await answerCheckIn(third.f.slug, third.token, answer)).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Too many tries"),
    });
  });

  it("answer concurrent submits on one link exactly once", async () => {
    const db = testDb();
    const { f, token, checkInId } = await withLink();
    const results = await Promise.all([1, 2, 3, 4, 5].map((trust) => answerCheckIn(f.slug, token, { ...answer, trust: String(trust) })));
    const ok = results.filter((r) => r.status === "ok");
    expect(ok).toHaveLength(1);
    // The four others are refused as conflicts.
    expect(results.filter((r) => r.status !== "ok").map((r) => (r.status === "error" ? r.code : r.status))).toEqual([
      "conflict",
      "conflict",
      "conflict",
      "conflict",
    ]);
    const [row] = await db
      .select({ trust: checkIns.trust })
      .from(checkIns)
      .where(and(eq(checkIns.orgId, f.orgId), eq(checkIns.id, checkInId)));
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "checkIn.answer")));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ trust: row!.trust });
  });

  it("may be revoked only while waiting, by the leader who keeps the relationship", async () => {
    const db = testDb();
    const { f, token, checkInId } = await withLink();
    actAs(f, "admin");
    expect(await revokeCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, checkInId })).toMatchObject({ code: "forbidden" });
    actAs(f, "signedOut");
    expect(await answerCheckIn(f.slug, token, answer)).toMatchObject({ status: "ok" });
    actAs(f, "leader");
    const before = await snapshotTables(db);
    expect(await revokeCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, checkInId })).toMatchObject({ code: "conflict" });
    expect(await revokeCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, checkInId: MATRIX_CHECK_IN_ID })).toMatchObject({
      code: "not_found",
    });
    expect(await snapshotTables(db)).toEqual(before);
  });
});

describe("both views on the relationship", () => {
  it("shows the answer beside the leader's interactions, their trust beside the leader's line, and the links' status", async () => {
    const { f, token, checkInId } = await withLink();
    expect(await answerCheckIn(f.slug, token, answer)).toMatchObject({ status: "ok" });
    actAs(f, "leader");
    expect(await createCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, expiresInDays: "7" })).toMatchObject({ status: "ok" });

    for (const persona of ["leader", "admin"] as const) {
      actAs(f, persona);
      const page = await detail(f);
      expect(page.canCheckIn).toBe(persona === "leader");
      expect(page.trustLine).toEqual([{ on: "2027-01-15", trust: 3, kind: "lunch" }]);
      expect(page.theirTrust).toEqual([{ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), trust: 2 }]);
      // Newest first: the fixture's lunch is dated 2027-01-15, the answer came in today.
      const answeredOn = page.theirTrust[0]!.on;
      expect(page.timeline.map((e) => e.type)).toEqual(answeredOn > "2027-01-15" ? ["checkIn", "interaction"] : ["interaction", "checkIn"]);
      expect(page.timeline.map((e) => e.on)).toEqual([answeredOn, "2027-01-15"].sort().reverse());
      const answered = page.timeline.find((e) => e.type === "checkIn");
      expect(answered).toMatchObject({
        type: "checkIn",
        answer: { id: checkInId, trust: 2, salesFrustratesUs: answer.salesFrustratesUs, wouldHelp: answer.wouldHelp, respondentName: "Fran" },
      });
      expect(page.checkIns.map((c) => c.status).sort()).toEqual(["answered", "waiting"]);
      expect(JSON.stringify(page)).not.toContain(hashToken(token));
    }
  });

  it("turns a friction point from an answer into a small action tied to it; an unanswered link cannot be one", async () => {
    const db = testDb();
    const { f, token, checkInId } = await withLink();
    actAs(f, "leader");
    const action = { relationshipId: MATRIX_IDS.relationship, checkInId, description: "Agree a cut-off time", owner: "us", dueOn: "2027-03-01" };
    expect(await addAction(f.slug, action)).toMatchObject({ code: "not_found", message: "That check-in answer does not exist." });
    actAs(f, "signedOut");
    await answerCheckIn(f.slug, token, answer);
    actAs(f, "leader");
    const made = await addAction(f.slug, action);
    expect(made).toMatchObject({ status: "ok" });
    const [row] = await db
      .select()
      .from(relationshipActions)
      .where(and(eq(relationshipActions.orgId, f.orgId), eq(relationshipActions.checkInId, checkInId)));
    expect(row).toMatchObject({ description: "Agree a cut-off time", interactionId: null });
    const page = await detail(f);
    expect(page.actions.find((a) => a.checkInId === checkInId)).toBeDefined();
    // The answer and the fixture's lunch each have one small action that came from them.
    expect(page.actionCounts).toEqual({ [checkInId]: 1, [MATRIX_IDS.interaction]: 1 });
  });
});

/**
 * One response per link when submits truly race. PGlite is a single connection and runs transactions one after
 * another, so this one needs the PostgreSQL run (`npm test` runs every integration file there too).
 */
describe("check-in answers under concurrent submits (PostgreSQL)", () => {
  it.skipIf(!onServer)("let exactly one of several submits waiting on the same row claim the link", async () => {
    const db = testDb();
    const { f, token } = await withLink();

    // Hold the link's row so that every submit has read it as waiting and queues at the claim; then let go.
    let submits: ReturnType<typeof answerCheckIn>[] = [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`select id from check_ins where org_id = ${f.orgId} for update`);
      submits = [1, 2, 3, 4].map((trust) => answerCheckIn(f.slug, token, { ...answer, trust: String(trust) }));
      const deadline = Date.now() + 15_000;
      for (;;) {
        await tx.execute(sql`select pg_stat_clear_snapshot()`); // a transaction otherwise sees one frozen snapshot
        const [row] = rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
        );
        if (row!.n === submits.length) break;
        if (Date.now() > deadline) {
          const activity = rowsOf(
            await tx.execute(
              sql`select state, wait_event_type, wait_event, left(query, 80) as q from pg_stat_activity where datname = current_database()`,
            ),
          );
          throw new Error(`only ${row!.n} submits reached the claim: ${JSON.stringify(activity)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    });
    const results = await Promise.all(submits);

    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    const refused = results.filter((r) => r.status === "error");
    expect(refused).toHaveLength(3);
    for (const r of refused)
      expect(r).toMatchObject({ code: "conflict", message: "This check-in was answered or closed a moment ago. Nothing more was saved." });

    const rows = await db.select({ trust: checkIns.trust, answeredAt: checkIns.answeredAt }).from(checkIns).where(eq(checkIns.orgId, f.orgId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answeredAt).toBeInstanceOf(Date);
    const events = await db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "checkIn.answer")));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ trust: rows[0]!.trust });
  });
});
