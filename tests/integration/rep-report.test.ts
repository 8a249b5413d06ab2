import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertNote, insertPlan, insertPlanActions } from "@/db/queries/coaching";
import { countQueries } from "@/db/query-counter";
import { assessments, cycles, organisations, ratings, selfRatings } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { prepareCoaching } from "../support/matrix/coaching";
import { loadRepReport, REPORT_NOTES, type RepReport } from "@/lib/reports/loaders";

const testDb = withTestDatabase();
void loadRepReport; // registers the loader

const ROUTE = "/o/[slug]/reps/[repId]/report";

function entry() {
  const found = registeredEntries().find((e) => e.name === ROUTE);
  if (found?.entry !== "member") throw new Error(`${ROUTE} is not registered`);
  return found;
}

async function call(f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  actAs(f, persona);
  return entry().call(f.slug, { repId: f.users.rep, ...input });
}

async function report(f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  const outcome = await call(f, persona, input);
  if (outcome.status !== "ok") throw new Error(`${persona}: ${outcome.code}`);
  return outcome.data as RepReport;
}

const code = (outcome: { status: string; code?: string }) => (outcome.status === "ok" ? "ok" : outcome.code);

async function rate(f: MatrixFixture, cycleId: string, scores: number[], comments: (string | null)[] = []) {
  await testDb()
    .insert(ratings)
    .values(
      scores.map((score, i) => ({
        orgId: f.orgId,
        cycleId,
        repUserId: f.users.rep,
        behaviourId: f.behaviourIds[i]!,
        score,
        comment: comments[i] ?? null,
        updatedBy: f.users.leader,
      })),
    );
}

async function selfAssess(f: MatrixFixture, cycleId: string, scores: number[], state: { submitted?: boolean; shared?: boolean }) {
  const at = new Date();
  await testDb()
    .insert(assessments)
    .values({
      orgId: f.orgId,
      cycleId,
      repUserId: f.users.rep,
      submittedAt: state.submitted || state.shared ? at : null,
      sharedAt: state.shared ? at : null,
    });
  await testDb()
    .insert(selfRatings)
    .values(scores.map((score, i) => ({ orgId: f.orgId, cycleId, repUserId: f.users.rep, behaviourId: f.behaviourIds[i]!, score })));
}

async function share(f: MatrixFixture, cycleId: string) {
  await testDb()
    .update(assessments)
    .set({ sharedAt: new Date() })
    .where(and(eq(assessments.orgId, f.orgId), eq(assessments.cycleId, cycleId), eq(assessments.repUserId, f.users.rep)));
}

/**
 * The hand-computed fixture, for Remy (rep) of team A, behaviours b0 b1 b2:
 * - Q1 (closed, shared): leader 3 3 3, self 3 3 3.
 * - Q2 (open, submitted, NOT shared): leader 2 4 2 with a sentinel comment on b0; self 4 4 1.
 *   gap = self - leader: +2, 0, -1 -> blind spot, agreed strength, agreed weakness (defaults 2, 2, 2, 4).
 * - Plans: the matrix plan (b0, from Q2, target 4, one action) and one from Q1 (b1, target 4, due 2027-01-31).
 * - Notes about Remy: a shared one (sentinel), the leader's private one (sentinel), the co-leader's private one.
 */
async function handComputed() {
  const f = await createMatrixOrganisation(testDb());
  const tag = crypto.randomUUID();
  const s = {
    comment: `UNSHARED-COMMENT-${tag}`,
    shared: `SHARED-NOTE-${tag}`,
    privateLeader: `PRIVATE-LEADER-${tag}`,
    privateCoLeader: `PRIVATE-COLEADER-${tag}`,
  };
  await rate(f, f.cycles.closed, [3, 3, 3]);
  await selfAssess(f, f.cycles.closed, [3, 3, 3], { shared: true });
  await rate(f, f.cycles.open, [2, 4, 2], [s.comment]);
  await selfAssess(f, f.cycles.open, [4, 4, 1], { submitted: true });
  await prepareCoaching(testDb(), f); // the plan on b0 from Q2 and a private note by the leader
  const plan = await insertPlan(testDb(), f.orgId, {
    repUserId: f.users.rep,
    behaviourId: f.behaviourIds[1],
    cycleId: f.cycles.closed,
    targetScore: 4,
    dueOn: "2027-01-31",
    createdBy: f.users.leader,
  });
  await insertPlanActions(testDb(), f.orgId, plan.id, ["Run the weekly demo"]);
  await insertPlan(testDb(), f.orgId, {
    repUserId: f.users.rep,
    behaviourId: f.behaviourIds[2],
    cycleId: f.cycles.open,
    targetScore: 3,
    dueOn: null,
    createdBy: f.users.leader,
    status: "dropped",
  });
  const note = (author: string, body: string, shared: boolean, heldOn = "2026-11-20") =>
    insertNote(testDb(), f.orgId, f.users.rep, author, { heldOn, body, shared, behaviourIds: [] });
  await note(f.users.leader, `We agreed on follow-ups. ${s.shared}`, true);
  await note(f.users.leader, `Only mine: ${s.privateLeader}`, false);
  await note(f.users.coLeader, `Co-leader's own: ${s.privateCoLeader}`, false);
  return { f, s, planFromQ1: plan.id };
}

const figures = (r: RepReport) => r.cycle!.rows.map((row) => [row.name, row.self?.score ?? null, row.leader?.score ?? null, row.gap, row.label]);

describe("the rep report", () => {
  it("labels the gaps of a hand-computed fixture with the organisation's thresholds", async () => {
    const { f } = await handComputed();
    const leader = await report(f, "leader");
    expect(leader.cycle).toMatchObject({ id: f.cycles.open, name: "Q2", status: "open", assessment: "submitted", notYetShared: true });
    expect(figures(leader)).toEqual([
      ["Prospecting", 4, 2, 2, "blind_spot"],
      ["Presenting", 4, 4, 0, "agreed_strength"],
      ["Talking about money", 1, 2, -1, "agreed_weakness"],
    ]);
    expect(leader.legend.map((l) => l.name)).toEqual(["Blind spot", "Hidden strength", "Agreed weakness", "Agreed strength", "Aligned"]);
    expect(leader.legend[0]!.explanation).toContain("at least 2 points above");
    expect(leader).toMatchObject({ orgName: expect.stringMatching(/^Matrix /), rep: { name: "Remy Rep", teamName: "Team A" }, viewerIsRep: false });

    // The organisation's thresholds, not the defaults: a blind spot now needs a gap of 3, a strength both at 4+.
    await testDb().update(organisations).set({ blindSpotGap: 3, agreedWeaknessMax: 1 }).where(eq(organisations.id, f.orgId));
    const stricter = await report(f, "admin");
    expect(figures(stricter).map((r) => r[4])).toEqual(["aligned", "agreed_strength", "aligned"]);
    expect(stricter.legend[0]!.explanation).toContain("at least 3 points above");

    // A past cycle, chosen by id: all aligned at 3 and 3.
    const closed = await report(f, "leader", { cycle: f.cycles.closed });
    expect(figures(closed)).toEqual([
      ["Prospecting", 3, 3, 0, "aligned"],
      ["Presenting", 3, 3, 0, "aligned"],
      ["Talking about money", 3, 3, 0, "aligned"],
    ]);
    expect(closed.cycle!.notYetShared).toBe(false);
    // A draft cycle has no report; an id that is no cycle of the organisation is not found.
    expect(code(await call(f, "leader", { cycle: f.cycles.draft }))).toBe("not_found");
    expect(code(await call(f, "leader", { cycle: crypto.randomUUID() }))).toBe("not_found");
  });

  it("gives the rep only what is shared with them: no unshared leader side, no private note", async () => {
    const { f, s, planFromQ1 } = await handComputed();
    const rep = await report(f, "rep");
    const text = JSON.stringify(rep);
    expect(text).not.toContain(s.comment);
    expect(text).not.toContain(s.privateLeader);
    expect(text).not.toContain(s.privateCoLeader);
    expect(text).toContain(s.shared);
    expect(rep.viewerIsRep).toBe(true);
    expect(figures(rep)).toEqual([
      ["Prospecting", 4, null, null, null],
      ["Presenting", 4, null, null, null],
      ["Talking about money", 1, null, null, null],
    ]);
    expect(rep.cycle!.rows).toHaveLength(3);
    expect(rep.cycle!.rows.every((r) => r.leader === undefined)).toBe(true);
    // Active plans only; scores only from the shared cycle (Q1), none from Q2 yet.
    expect(rep.plans.map((p) => [p.behaviourName, p.targetScore, p.dueOn, p.then?.score ?? null, p.actions.map((a) => a.description)])).toEqual([
      ["Presenting", 4, "2027-01-31", 3, ["Run the weekly demo"]],
      ["Prospecting", 4, "2027-03-31", null, ["Shadow a discovery call"]],
    ]);
    expect(rep.plans.find((p) => p.id === planFromQ1)!.now).toBeNull(); // Q2's 4 is not shared yet
    expect(rep.plans).toHaveLength(2);
    expect(rep.plans.every((p) => !p.notYetShared)).toBe(true);
    expect(rep.notes.map((n) => [n.body, n.shared, n.own])).toEqual([[`We agreed on follow-ups. ${s.shared}`, true, false]]);

    // The leader's copy: their unshared side, marked; still no private note, not even their own.
    const leader = await report(f, "leader");
    const leaderText = JSON.stringify(leader);
    expect(leaderText).toContain(s.comment);
    expect(leaderText).not.toContain(s.privateLeader);
    expect(leaderText).not.toContain(s.privateCoLeader);
    expect(leaderText).toContain(s.shared);
    expect(leader.cycle!.rows[0]!.leader).toEqual({ score: 2, comment: s.comment });
    expect(leader.cycle!.notYetShared).toBe(true);
    expect(leader.plans.map((p) => [p.behaviourName, p.then?.score ?? null, p.now?.score ?? null, p.notYetShared])).toEqual([
      ["Presenting", 3, 4, true], // now = Q2's 4, not shared with Remy yet
      ["Prospecting", 2, null, true], // then = Q2's 2
    ]);
    for (const persona of ["coLeader", "admin"] as const) {
      const copy = JSON.stringify(await report(f, persona));
      expect(copy, persona).toContain(s.comment);
      expect(copy, persona).not.toContain(s.privateLeader);
      expect(copy, persona).not.toContain(s.privateCoLeader);
    }

    // Once shared, the rep's copy holds the leader's side, the gaps and the labels.
    await share(f, f.cycles.open);
    const shared = await report(f, "rep");
    expect(JSON.stringify(shared)).toContain(s.comment);
    expect(figures(shared).map((r) => r[4])).toEqual(["blind_spot", "agreed_strength", "agreed_weakness"]);
    expect(shared.plans.map((p) => [p.then?.score ?? null, p.now?.score ?? null])).toEqual([
      [3, 4],
      [2, null],
    ]);
    expect((await report(f, "leader")).cycle!.notYetShared).toBe(false);
  });

  it("refuses another rep and another team's leader; not found for an unknown rep or a leader's id", async () => {
    const { f } = await handComputed();
    expect(code(await call(f, "otherRep"))).toBe("forbidden");
    expect(code(await call(f, "otherLeader"))).toBe("forbidden");
    expect(code(await call(f, "outsider"))).toBe("not_found");
    expect(code(await call(f, "signedOut"))).toBe("unauthenticated");
    expect(code(await call(f, "admin", { repId: crypto.randomUUID() }))).toBe("not_found");
    expect(code(await call(f, "admin", { repId: f.users.leader }))).toBe("not_found");
  });

  it("has empty states: no self-assessment, no plan, no note; no cycle at all", async () => {
    const f = await createMatrixOrganisation(testDb());
    const rep = await report(f, "rep");
    expect(rep.cycle).toMatchObject({ id: f.cycles.open, assessment: "not_started" });
    expect(figures(rep)).toHaveLength(3);
    expect(figures(rep).every(([, self, leader, gap, label]) => self === null && leader === null && gap === null && label === null)).toBe(true);
    expect(rep).toMatchObject({ plans: [], notes: [], moreNotes: false });
    const leader = await report(f, "leader");
    expect(leader.cycle!.rows).toHaveLength(3);
    expect(leader.cycle!.rows.every((r) => r.self === undefined && r.leader?.score === null)).toBe(true);

    await testDb().update(cycles).set({ status: "draft", openedAt: null, closedAt: null }).where(eq(cycles.orgId, f.orgId));
    const none = await report(f, "rep");
    expect(none.cycle).toBeNull();
    expect(none.cycles).toEqual([]);
  });

  it("prints the most recent shared notes only, and says when there are more", async () => {
    const f = await createMatrixOrganisation(testDb());
    for (let i = 1; i <= REPORT_NOTES + 2; i++) {
      const day = String(i).padStart(2, "0");
      await insertNote(testDb(), f.orgId, f.users.rep, f.users.leader, {
        heldOn: `2026-10-${day}`,
        body: `Note ${day}`,
        shared: true,
        behaviourIds: [],
      });
    }
    const r = await report(f, "rep");
    expect(r.notes).toHaveLength(REPORT_NOTES);
    expect(r.notes[0]!.heldOn).toBe(`2026-10-${REPORT_NOTES + 2}`);
    expect(r.moreNotes).toBe(true);
  });

  it("runs the same, exact number of queries for a bare rep and a rep with history, plans and notes", async () => {
    const bare = await createMatrixOrganisation(testDb());
    const { f: full } = await handComputed();
    for (let i = 0; i < 15; i++) {
      await insertNote(testDb(), full.orgId, full.users.rep, full.users.leader, {
        heldOn: "2026-09-01",
        body: `Extra ${i}`,
        shared: i % 2 === 0,
        behaviourIds: [full.behaviourIds[i % 3]!],
      });
      const plan = await insertPlan(testDb(), full.orgId, {
        repUserId: full.users.rep,
        behaviourId: full.behaviourIds[i % 3]!,
        cycleId: full.cycles.closed,
        targetScore: 4,
        dueOn: null,
        createdBy: full.users.leader,
      });
      await insertPlanActions(testDb(), full.orgId, plan.id, ["One", "Two", "Three"]);
    }
    // Per persona: the chain (session version, the transaction's scope, membership, the rep as permission target: none
    // for an admin), the baseline (rep, cycles, behaviours, three history reads), settings, shared notes, team, active
    // plans.
    const expected = { rep: 14, leader: 14, admin: 13 } as const;
    for (const persona of ["rep", "leader", "admin"] as const) {
      actAs(bare, persona);
      const few = await countQueries(() => entry().call(bare.slug, { repId: bare.users.rep }));
      actAs(full, persona);
      const many = await countQueries(() => entry().call(full.slug, { repId: full.users.rep }));
      expect(few.result.status).toBe("ok");
      expect(many.result.status).toBe("ok");
      expect((many.result as { data: RepReport }).data.plans.length).toBe(17);
      expect([persona, few.queries]).toEqual([persona, expected[persona]]);
      expect([persona, many.queries]).toEqual([persona, few.queries]);
    }
  });
});
