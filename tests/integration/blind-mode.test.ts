import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, ratings } from "@/db/schema";
import { commentOnRating, reopenAssessment, saveSelfRating, shareResults, submitSelfAssessment } from "@/lib/assessments/actions";
import { loadBaseline, loadSelfAssessment } from "@/lib/assessments/loaders";
import { registeredEntries } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { snapshotTables } from "../support/snapshot";
import { loadCoachingQueue, loadRepCoaching } from "@/lib/coaching/loaders";
import { loadDashboard } from "@/lib/dashboards/loaders";
import { loadRepReport } from "@/lib/reports/loaders";

const testDb = withTestDatabase();
void loadBaseline;
void loadSelfAssessment;
void [loadCoachingQueue, loadRepCoaching, loadDashboard, loadRepReport];

function loader(name: string) {
  const entry = registeredEntries().find((e) => e.name === name);
  if (entry?.entry !== "member") throw new Error(`${name} is not registered`);
  return async (slug: string, input: Record<string, unknown>) => {
    const outcome = await entry.call(slug, input);
    if (outcome.status !== "ok") throw new Error(outcome.code);
    return outcome.data as Record<string, unknown>;
  };
}
const selfPage = loader("/o/[slug]/self-assessment");
const baseline = loader("/o/[slug]/reps/[repId]");
/** Every loader that shows a coach a rep's self scores, with the input naming the rep. */
const coachPages = (repId: string) =>
  [
    ["/o/[slug]/reps/[repId]", { repId }],
    ["/o/[slug]/reps/[repId]/report", { repId }],
    ["/o/[slug]/reps/[repId]/coaching", { repId }],
    ["/o/[slug]/coaching", {}],
    ["/o/[slug]", {}],
  ] as const;
async function coachPayloads(slug: string, repId: string) {
  return Promise.all(coachPages(repId).map(async ([name, input]) => [name, JSON.stringify(await loader(name)(slug, input))] as const));
}

type Row = { name: string; leader?: { score: number | null; comment: string | null }; self?: { score: number | null }; gap: number | null };
const rowsOf = (data: Record<string, unknown>) => (data.cycle as { rows: Row[] }).rows;

/**
 * Leader rates the rep 2, 4, 3 with a sentinel comment; the rep answers 4, 4, 1 as a draft, with a sentinel
 * comment of their own on the first behaviour.
 */
async function prepare(f: MatrixFixture) {
  const sentinel = `SENTINEL-${crypto.randomUUID()}`;
  const selfSentinel = `SELF-SENTINEL-${crypto.randomUUID()}`;
  const [b1, b2, b3] = f.behaviourIds;
  await testDb()
    .insert(ratings)
    .values(
      [
        [b1, 2],
        [b2, 4],
        [b3, 3],
      ].map(([behaviourId, score]) => ({
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId: f.users.rep,
        behaviourId: behaviourId as string,
        score: score as number,
        updatedBy: f.users.leader,
      })),
    );
  actAs(f, "leader");
  expect((await commentOnRating(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: b1, comment: sentinel })).status).toBe("ok");
  actAs(f, "rep");
  for (const [behaviourId, score] of [
    [b1, 4],
    [b2, 4],
    [b3, 1],
  ] as const) {
    const comment = behaviourId === b1 ? selfSentinel : null;
    expect((await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId, score, comment })).status).toBe("ok");
  }
  return { sentinel, selfSentinel };
}

describe("blind mode, at the data-access layer", () => {
  it("hides each side until submit and share, and hides the leader again on reopen", async () => {
    const f = await createMatrixOrganisation(testDb());
    const { sentinel, selfSentinel } = await prepare(f);

    // Draft: the rep's pages carry nothing of the leader; the leader's carry nothing of the rep's answers.
    actAs(f, "rep");
    const draft = await selfPage(f.slug, {});
    expect(draft).toMatchObject({ status: "draft", leaderVisible: false });
    expect(JSON.stringify(draft)).not.toContain(sentinel);
    expect(draft.behaviours as object[]).toHaveLength(3);
    expect((draft.behaviours as object[]).every((b) => !("leader" in b))).toBe(true);
    const repView = await baseline(f.slug, { repId: f.users.rep });
    expect(JSON.stringify(repView)).not.toContain(sentinel);
    expect(rowsOf(repView)).toHaveLength(3);
    expect(rowsOf(repView).every((r) => r.leader === undefined && r.gap === null)).toBe(true);
    actAs(f, "leader");
    const leaderView = await baseline(f.slug, { repId: f.users.rep });
    expect(rowsOf(leaderView)).toHaveLength(3);
    expect(rowsOf(leaderView).every((r) => r.self === undefined && r.gap === null)).toBe(true);
    expect(leaderView.cycle).toMatchObject({ canShare: false, canReopen: false, assessment: "draft" });
    // The overall tendency needs both sides: neither the rep nor the leader gets one yet.
    const noGaps = { tendency: null, agreement: null };
    expect(repView.cycle).toMatchObject({ honestGaps: noGaps });
    expect(leaderView.cycle).toMatchObject({ honestGaps: noGaps });
    for (const [name, payload] of await coachPayloads(f.slug, f.users.rep)) expect(payload, name).not.toContain(selfSentinel);

    // Sharing is refused while the cycle is open and the rep has not submitted.
    const before = await snapshotTables(testDb());
    expect(await shareResults(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep })).toMatchObject({ code: "conflict" });
    expect(await snapshotTables(testDb())).toEqual(before);

    // Submitted: the leader sees the answers and the gaps; the rep still sees nothing of the leader.
    actAs(f, "rep");
    expect((await submitSelfAssessment(f.slug, { cycleId: f.cycles.open })).status).toBe("ok");
    expect(await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId: f.behaviourIds[0], score: 5, comment: null })).toMatchObject({
      code: "conflict",
    });
    expect(JSON.stringify(await selfPage(f.slug, {}))).not.toContain(sentinel);
    expect((await baseline(f.slug, { repId: f.users.rep })).cycle).toMatchObject({ honestGaps: noGaps });
    actAs(f, "leader");
    const submitted = await baseline(f.slug, { repId: f.users.rep });
    expect(
      rowsOf(submitted)
        .slice(0, 3)
        .map((r) => [r.self?.score, r.leader?.score, r.gap]),
    ).toEqual([
      [4, 2, 2],
      [4, 4, 0],
      [1, 3, -2],
    ]);
    expect(submitted.cycle).toMatchObject({ canShare: true, canReopen: true, assessment: "submitted" });
    expect(submitted.cycle).toMatchObject({
      honestGaps: { tendency: "Rates themself about as you do overall (over 3 behaviours rated by both).", agreement: null },
    });
    // ... and the rep's comment wherever their self score is shown to a coach.
    expect(rowsOf(submitted)[0]!.self).toEqual({ score: 4, comment: selfSentinel });
    for (const persona of ["leader", "admin"] as const) {
      actAs(f, persona);
      for (const [name, payload] of await coachPayloads(f.slug, f.users.rep)) {
        // The admin's dashboard is the organisation's overview: no rep's self scores, so no comment either.
        if (persona === "admin" && name === "/o/[slug]") expect(payload).not.toContain(selfSentinel);
        else expect(payload, `${persona} ${name}`).toContain(selfSentinel);
      }
    }
    actAs(f, "leader");

    // Shared: the rep sees the leader's scores, comment and the gaps.
    expect((await shareResults(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep })).status).toBe("ok");
    actAs(f, "rep");
    const shared = await selfPage(f.slug, {});
    expect(shared).toMatchObject({ status: "shared", leaderVisible: true });
    expect(JSON.stringify(shared)).toContain(sentinel);
    const sharedView = await baseline(f.slug, { repId: f.users.rep });
    expect(
      rowsOf(sharedView)
        .slice(0, 3)
        .map((r) => r.gap),
    ).toEqual([2, 0, -2]);
    expect(sharedView.cycle).toMatchObject({
      honestGaps: { tendency: "You rate yourself about as your leader does overall (over 3 behaviours rated by both)." },
    });

    // Reopened: back to a draft; the leader's side is hidden from the rep again, and the rep's from the leader.
    actAs(f, "coLeader");
    expect((await reopenAssessment(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep })).status).toBe("ok");
    actAs(f, "rep");
    const reopened = await selfPage(f.slug, {});
    expect(reopened).toMatchObject({ status: "draft", leaderVisible: false });
    expect(JSON.stringify(reopened)).not.toContain(sentinel);
    actAs(f, "leader");
    const reopenedRows = rowsOf(await baseline(f.slug, { repId: f.users.rep }));
    expect(reopenedRows).toHaveLength(3);
    expect(reopenedRows.every((r) => r.self === undefined)).toBe(true);
    expect((await baseline(f.slug, { repId: f.users.rep })).cycle).toMatchObject({ honestGaps: noGaps });
    for (const [name, payload] of await coachPayloads(f.slug, f.users.rep)) expect(payload, name).not.toContain(selfSentinel);
  });

  it("refuses a submit with unrated behaviours and lets a closed cycle be shared without one", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "rep");
    await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId: f.behaviourIds[0], score: 3, comment: null });
    expect(await submitSelfAssessment(f.slug, { cycleId: f.cycles.open })).toMatchObject({
      code: "invalid",
      message: expect.stringContaining("Presenting, Talking about money are still open"),
    });
    actAs(f, "leader");
    expect((await shareResults(f.slug, { cycleId: f.cycles.closed, repUserId: f.users.rep })).status).toBe("ok");
  });

  it("shows both sides as they are saved when blind mode is off", async () => {
    const f = await createMatrixOrganisation(testDb());
    await testDb().update(organisations).set({ blindMode: false }).where(eq(organisations.id, f.orgId));
    const { sentinel } = await prepare(f);
    actAs(f, "rep");
    const page = await selfPage(f.slug, {});
    expect(page).toMatchObject({ status: "draft", leaderVisible: true });
    expect(JSON.stringify(page)).toContain(sentinel);
    actAs(f, "leader");
    expect(
      rowsOf(await baseline(f.slug, { repId: f.users.rep }))
        .slice(0, 3)
        .map((r) => r.gap),
    ).toEqual([2, 0, -2]);
  });

  it("never shows one rep another rep's baseline", async () => {
    const f = await createMatrixOrganisation(testDb());
    // Both reps of team A rated, self-assessed, submitted and shared: everything of theirs is visible to whoever may see it.
    const rep = await prepare(f);
    const [b1, b2, b3] = f.behaviourIds;
    await testDb()
      .insert(ratings)
      .values(
        [
          [b1, 5],
          [b2, 1],
          [b3, 5],
        ].map(([behaviourId, score]) => ({
          orgId: f.orgId,
          cycleId: f.cycles.open,
          repUserId: f.users.otherRep,
          behaviourId: behaviourId as string,
          score: score as number,
          updatedBy: f.users.leader,
        })),
      );
    const otherSentinel = `OTHER-SENTINEL-${crypto.randomUUID()}`;
    actAs(f, "otherRep");
    for (const [behaviourId, score] of [
      [b1, 3],
      [b2, 3],
      [b3, 2],
    ] as const) {
      expect(
        (await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId, score, comment: behaviourId === b1 ? otherSentinel : null })).status,
      ).toBe("ok");
    }
    for (const persona of ["rep", "otherRep"] as const) {
      actAs(f, persona);
      expect((await submitSelfAssessment(f.slug, { cycleId: f.cycles.open })).status).toBe("ok");
    }
    actAs(f, "leader");
    for (const repUserId of [f.users.rep, f.users.otherRep]) {
      expect((await shareResults(f.slug, { cycleId: f.cycles.open, repUserId })).status).toBe("ok");
    }
    const scores = (data: Record<string, unknown>) =>
      rowsOf(data)
        .slice(0, 3)
        .map((r) => [r.name, r.self?.score, r.leader?.score, r.gap]);
    const names = ["Prospecting", "Presenting", "Talking about money"];
    const own = {
      rep: {
        id: f.users.rep,
        scores: [
          [names[0], 4, 2, 2],
          [names[1], 4, 4, 0],
          [names[2], 1, 3, -2],
        ],
        secrets: [rep.sentinel, rep.selfSentinel],
      },
      otherRep: {
        id: f.users.otherRep,
        scores: [
          [names[0], 3, 5, -2],
          [names[1], 3, 1, 2],
          [names[2], 2, 5, -3],
        ],
        secrets: [otherSentinel],
      },
    };
    const entry = registeredEntries().find((e) => e.name === "/o/[slug]/reps/[repId]")!;
    if (entry.entry !== "member") throw new Error("not a member entry");

    for (const [persona, other] of [
      ["rep", "otherRep"],
      ["otherRep", "rep"],
    ] as const) {
      actAs(f, persona);
      // Their own baseline: their own scores, gaps and comments, all shared with them.
      const mine = await baseline(f.slug, { repId: own[persona].id });
      expect(scores(mine), persona).toEqual(own[persona].scores);
      for (const secret of own[persona].secrets) expect(JSON.stringify(mine), persona).toContain(secret);
      // The other rep's baseline, report and coaching: refused.
      for (const name of ["/o/[slug]/reps/[repId]", "/o/[slug]/reps/[repId]/report", "/o/[slug]/reps/[repId]/coaching"]) {
        const page = registeredEntries().find((e) => e.name === name)!;
        if (page.entry !== "member") throw new Error(`${name} is not a member entry`);
        expect(await page.call(f.slug, { repId: own[other].id }), `${persona} ${name}`).toMatchObject({ code: "forbidden" });
      }
      // And nothing of the other's on the pages they may open.
      for (const payload of [mine, await selfPage(f.slug, {}), await loader("/o/[slug]")(f.slug, {})].map((data) => JSON.stringify(data))) {
        for (const secret of own[other].secrets) expect(payload, persona).not.toContain(secret);
      }
    }
    // A leader of another team is refused too; the rep's own leader, for contrast, sees both reps' baselines.
    actAs(f, "otherLeader");
    expect(await entry.call(f.slug, { repId: f.users.rep })).toMatchObject({ code: "forbidden" });
    actAs(f, "leader");
    for (const persona of ["rep", "otherRep"] as const)
      expect(scores(await baseline(f.slug, { repId: own[persona].id }))).toEqual(own[persona].scores);
  });
});
