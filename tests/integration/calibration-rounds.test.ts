import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listBehaviours } from "@/db/queries/behaviours";
import { listRaterFigures } from "@/db/queries/calibration";
import { listRatingPairs } from "@/db/queries/calibration-rounds";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { calibrationRounds, ratings, secondRatings } from "@/db/schema";
import type { NewRoundPage, RoundPage } from "@/lib/calibration/round-loaders";
import type { CalibrationPage } from "@/lib/calibration/loaders";
import { raterOffsets } from "@/lib/calibration/rounds";
import { LENIENCY_MIN_RATINGS, shapeRaterFigures } from "@/lib/calibration/rules";
import { DEMO_ORG, DEMO_TEAMS } from "@/scripts/seed/demo-people";
import { seedDemo } from "@/scripts/seed/index";
import { krippendorffAlpha } from "@/lib/statistics/agreement";
import { withTestDatabase } from "../support/database";
import { memberEntry } from "../support/entries";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import { matrixCase, type MatrixFixture } from "../support/matrix";
import { loadRegistry } from "../support/registry";

const testDb = withTestDatabase();

async function call(name: string, f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  await loadRegistry();
  actAs(f, persona);
  return memberEntry(name).call(f.slug, input);
}

async function ok<T>(name: string, f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}): Promise<T> {
  const outcome = await call(name, f, persona, input);
  if (outcome.status !== "ok") throw new Error(`${name} as ${persona}: ${outcome.code} ${JSON.stringify(outcome)}`);
  return outcome.data as T;
}

const ROUND = "/o/[slug]/calibration/rounds/[roundId]";
const SECOND_NOTE = "Second rater's private reading of the anchors";
const FIRST_NOTE = "Lee's note on the second behaviour";

/** Lee (leader of team A) rates Remy on b0 and b1; the admin starts a round where Olu rates team A a second time. */
async function started() {
  const f = await createMatrixOrganisation(testDb());
  await testDb()
    .insert(ratings)
    .values([
      {
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId: f.users.rep,
        behaviourId: f.behaviourIds[0],
        score: 2,
        comment: "Lee's note on the first behaviour",
        updatedBy: f.users.leader,
      },
      {
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId: f.users.rep,
        behaviourId: f.behaviourIds[1],
        score: 5,
        comment: FIRST_NOTE,
        updatedBy: f.users.leader,
      },
    ]);
  const proposal = await ok<NewRoundPage>("/o/[slug]/calibration/rounds/new", f, "admin");
  const teamA = proposal.teams.find((t) => t.id === f.teamId)!;
  const { roundId } = await ok<{ roundId: string }>("calibration.startRound", f, "admin", {
    cycleId: proposal.cycle!.id,
    reps: teamA.reps.filter((r) => r.proposed).map((r) => r.userId),
    raters: [`${f.teamId}:${teamA.proposedRaterUserId}`],
  });
  return { f, roundId, proposal };
}

describe("starting a calibration round", () => {
  it("proposes every team with reps, at least 3 reps (all when fewer), and only raters who do not lead the team", async () => {
    const { f, proposal, roundId } = await started();
    expect(proposal.cycle?.id).toBe(f.cycles.open);
    // Team B has no reps: it is not proposed. Team A has two reps: both are sampled.
    expect(proposal.teams.map((t) => t.id)).toEqual([f.teamId]);
    const teamA = proposal.teams[0]!;
    expect(
      teamA.reps
        .filter((r) => r.proposed)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([f.users.rep, f.users.otherRep].sort());
    // Lee and Cole lead team A; reps never rate: the admin and Olu remain, and a leader is proposed before an admin.
    expect(teamA.raters.map((r) => r.userId).sort()).toEqual([f.users.admin, f.users.otherLeader].sort());
    expect(teamA.proposedRaterUserId).toBe(f.users.otherLeader);
    const round = await ok<RoundPage>(ROUND, f, "admin", { roundId });
    expect(round.progress.map((p) => [p.repUserId, p.secondRaterName]).sort()).toEqual(
      [
        [f.users.otherRep, "Olu Otherleader"],
        [f.users.rep, "Olu Otherleader"],
      ].sort(),
    );
  });

  it("refuses the team's own leader, a rep or a closed cycle as what the round is made of", async () => {
    const f = await createMatrixOrganisation(testDb());
    const start = (input: Record<string, unknown>) =>
      call("calibration.startRound", f, "admin", {
        cycleId: f.cycles.open,
        reps: [f.users.rep],
        raters: [`${f.teamId}:${f.users.otherLeader}`],
        ...input,
      });
    const ownLeader = await start({ raters: [`${f.teamId}:${f.users.leader}`] });
    expect(ownLeader).toMatchObject({ status: "error", code: "invalid", fieldErrors: { raters: expect.stringMatching(/does not lead the team/) } });
    const repRater = await start({ raters: [`${f.teamId}:${f.users.otherRep}`] });
    expect(repRater).toMatchObject({ status: "error", fieldErrors: { raters: expect.stringMatching(/leader or an admin/) } });
    expect(await start({ raters: [] })).toMatchObject({ status: "error", fieldErrors: { raters: expect.stringMatching(/second rater/) } });
    expect(await start({ cycleId: f.cycles.closed })).toMatchObject({
      status: "error",
      fieldErrors: { cycleId: expect.stringMatching(/open cycle/) },
    });
    expect(await start({ reps: [f.users.leader] })).toMatchObject({ status: "error", fieldErrors: { reps: expect.any(String) } });
    for (const persona of ["leader", "otherLeader", "rep"] as const)
      expect(
        await call("calibration.startRound", f, persona, {
          cycleId: f.cycles.open,
          reps: [f.users.rep],
          raters: [`${f.teamId}:${f.users.otherLeader}`],
        }),
      ).toMatchObject({ status: "error", code: "forbidden" });
  });
});

describe("second ratings, blind", () => {
  it("shows neither rating beside the other until both are in, and then only that behaviour's", async () => {
    const { f, roundId } = await started();
    const before = await ok<RoundPage>(ROUND, f, "otherLeader", { roundId });
    const remy = before.toRate.find((r) => r.repUserId === f.users.rep)!;
    expect(remy.scores.map((s) => s.first)).toEqual([null, null, null]);
    expect(JSON.stringify(before)).not.toContain("Lee's note");
    // Olu is the second rater, not an admin: no progress, no agreement, only their own reps.
    expect(before.progress).toEqual([]);
    expect(before.agreement).toBeNull();

    await ok("calibration.rateSecond", f, "otherLeader", {
      roundId,
      repUserId: f.users.rep,
      [`score.${f.behaviourIds[0]}`]: "4",
      [`comment.${f.behaviourIds[0]}`]: SECOND_NOTE,
      [`score.${f.behaviourIds[2]}`]: "3",
    });
    const after = await ok<RoundPage>(ROUND, f, "otherLeader", { roundId });
    const rated = after.toRate.find((r) => r.repUserId === f.users.rep)!;
    // b0: both in, revealed. b1: only Lee's, hidden. b2: only Olu's (Lee gave none), nothing to reveal.
    expect(rated.scores.map((s) => [s.score, s.first])).toEqual([
      [4, 2],
      [null, null],
      [3, null],
    ]);
    expect(JSON.stringify(after)).not.toContain(FIRST_NOTE);
    expect(rated.rated).toBe(2);
  });

  it("lets only the assigned second rater save, and refuses everyone else the round page except admins", async () => {
    const { f, roundId } = await started();
    const input = { roundId, repUserId: f.users.rep, [`score.${f.behaviourIds[0]}`]: "4" };
    for (const persona of ["admin", "leader", "coLeader", "rep", "otherRep"] as const)
      expect(await call("calibration.rateSecond", f, persona, input), persona).toMatchObject({ status: "error", code: "forbidden" });
    for (const persona of ["leader", "coLeader", "rep", "otherRep"] as const)
      expect(await call(ROUND, f, persona, { roundId }), persona).toMatchObject({ status: "error", code: "forbidden" });
    expect(await call("calibration.rateSecond", f, "otherLeader", { ...input, [`score.${f.behaviourIds[0]}`]: "6" })).toMatchObject({
      status: "error",
      code: "invalid",
    });
    expect(await call("calibration.rateSecond", f, "otherLeader", { roundId, repUserId: f.users.rep })).toMatchObject({
      status: "error",
      fieldErrors: { form: expect.any(String) },
    });
    // Finished: nothing changes any more.
    await ok("calibration.finishRound", f, "admin", { roundId });
    expect(await call("calibration.rateSecond", f, "otherLeader", input)).toMatchObject({ status: "error", code: "conflict" });
    expect(await call("calibration.finishRound", f, "admin", { roundId })).toMatchObject({ status: "error", code: "conflict" });
  });

  it("changes no grid, queue or calibration figure, and reaches nothing a rep can load", async () => {
    const { f, roundId } = await started();
    const views = async () => ({
      grid: await ok("/o/[slug]/grid", f, "admin"),
      queue: await ok("/o/[slug]/coaching", f, "admin"),
      leaderGrid: await ok("/o/[slug]/grid", f, "leader"),
      raters: (await ok<CalibrationPage>("/o/[slug]/calibration", f, "admin")).raters,
    });
    const before = await views();
    await ok("calibration.rateSecond", f, "otherLeader", {
      roundId,
      repUserId: f.users.rep,
      [`score.${f.behaviourIds[0]}`]: "5",
      [`comment.${f.behaviourIds[0]}`]: SECOND_NOTE,
      [`score.${f.behaviourIds[1]}`]: "1",
    });
    expect(await views()).toEqual(before);

    // Every page a rep may load, with its matrix input: none holds the second rater's note or the round.
    const entries = (await loadRegistry()).filter(
      (e) => e.entry === "member" && e.kind !== "action" && e.expect.allow.includes("rep") && !matrixCase(e).prepare,
    );
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) {
      if (entry.entry !== "member") continue;
      actAs(f, "rep");
      const outcome = await entry.call(f.slug, matrixCase(entry).input(f));
      const text = JSON.stringify(outcome);
      expect(text, entry.name).not.toContain(SECOND_NOTE);
      expect(text, entry.name).not.toContain(roundId);
    }
    for (const name of ["/o/[slug]/calibration", "/o/[slug]/calibration/rounds/new", ROUND])
      expect(await call(name, f, "rep", { roundId }), name).toMatchObject({ status: "error", code: "forbidden" });
  });
});

describe("agreement", () => {
  /** Twelve reps in team A, rated by Lee on b0 (1..5 round) and b1; Olu's second scores: b0 the same, b1 reversed. */
  async function twelveRated(reps = 12) {
    const f = await createMatrixOrganisation(testDb());
    const ids: string[] = [];
    for (let i = 0; i < reps; i += 1) {
      const user = await insertUser(testDb(), {
        name: `Rep ${String(i).padStart(2, "0")}`,
        email: `r${i}.${crypto.randomUUID().slice(0, 8)}@example.test`,
        passwordHash: "x",
      });
      await insertMembership(testDb(), f.orgId, { userId: user.id, role: "rep", teamId: f.teamId });
      ids.push(user.id);
    }
    const first = (i: number) => (i % 5) + 1;
    await testDb()
      .insert(ratings)
      .values(
        ids.flatMap((repUserId, i) =>
          [0, 1].map((b) => ({
            orgId: f.orgId,
            cycleId: f.cycles.open,
            repUserId,
            behaviourId: f.behaviourIds[b]!,
            score: first(i),
            comment: b === 1 ? `Lee on ${i}` : null,
            updatedBy: f.users.leader,
          })),
        ),
      );
    const { roundId } = await ok<{ roundId: string }>("calibration.startRound", f, "admin", {
      cycleId: f.cycles.open,
      reps: ids,
      raters: [`${f.teamId}:${f.users.otherLeader}`],
    });
    await testDb()
      .insert(secondRatings)
      .values(
        ids.flatMap((repUserId, i) => [
          { orgId: f.orgId, roundId, repUserId, behaviourId: f.behaviourIds[0], score: first(i) },
          { orgId: f.orgId, roundId, repUserId, behaviourId: f.behaviourIds[1], score: 6 - first(i), comment: `Olu on ${i}` },
        ]),
      );
    return { f, roundId, first };
  }

  it("gives exact, within-one and alpha per behaviour from 10 reps rated twice, and flags the one read differently", async () => {
    const { f, roundId, first } = await twelveRated();
    const page = await ok<RoundPage>(ROUND, f, "admin", { roundId });
    const [b0, b1, b2] = page.agreement!.behaviours;
    expect(b0).toMatchObject({ behaviourId: f.behaviourIds[0], reps: 12, exact: 1, withinOne: 1, alpha: 1, flagged: false });
    const reversed = Array.from({ length: 12 }, (_, i) => [first(i), 6 - first(i)]);
    const exact = reversed.filter(([a, b]) => a === b).length / 12;
    const within = reversed.filter(([a, b]) => Math.abs(a! - b!) <= 1).length / 12;
    expect(b1).toMatchObject({ behaviourId: f.behaviourIds[1], reps: 12, exact, withinOne: within, flagged: true });
    expect(b1!.alpha).toBeCloseTo(krippendorffAlpha(reversed, "ordinal")!, 10);
    expect(b1!.comments).toHaveLength(12);
    expect(b1!.comments[0]).toMatchObject({ repName: "Rep 00", first: 1, second: 5, firstComment: "Lee on 0", secondComment: "Olu on 0" });
    // b2: nobody rated it on either side, so it has no row.
    expect(b2).toBeUndefined();
    expect(page.agreement!.overall).toMatchObject({ reps: 12, exact: (12 + 12 * exact) / 24 });
    expect(page.progress).toHaveLength(12);
    expect(page.progress[0]).toMatchObject({ secondCount: 2, firstCount: 2, bothCount: 2 });
    // Who rates higher: b0 the same; on b1 Lee minus Olu is 2 x first - 6, summing to 2 x 33 - 72 = -6 over 24 pairs.
    expect(page.raters.map((r) => [r.userId, r.count, r.offset, r.tendency])).toEqual([
      [f.users.otherLeader, 24, 0.25, null],
      [f.users.leader, 24, -0.25, null],
    ]);
    expect((await ok<RoundPage>(ROUND, f, "otherLeader", { roundId })).raters).toEqual([]);
  });

  it("shows no figure under 10 reps rated twice, in the same number of statements", async () => {
    const small = await twelveRated(9);
    const { result: page, queries: fewer } = await countQueries(() => ok<RoundPage>(ROUND, small.f, "admin", { roundId: small.roundId }));
    expect(page.agreement!.behaviours.map((b) => [b.reps, b.alpha, b.exact, b.flagged])).toEqual([
      [9, null, null, false],
      [9, null, null, false],
    ]);
    const large = await twelveRated(12);
    const { queries } = await countQueries(() => ok<RoundPage>(ROUND, large.f, "admin", { roundId: large.roundId }));
    expect(fewer).toBeGreaterThan(0);
    expect(queries).toBe(fewer);
  });

  it("lists a round on the calibration page for admins and for its second rater only", async () => {
    const { f, roundId } = await started();
    expect((await ok<CalibrationPage>("/o/[slug]/calibration", f, "admin")).rounds.map((r) => [r.id, r.reps])).toEqual([[roundId, 2]]);
    expect((await ok<CalibrationPage>("/o/[slug]/calibration", f, "otherLeader")).rounds.map((r) => [r.id, r.ownReps])).toEqual([[roundId, 2]]);
    expect((await ok<CalibrationPage>("/o/[slug]/calibration", f, "leader")).rounds).toEqual([]);
  });
});

describe("the demo's finished round", () => {
  it("marks the lenient leader on How leaders rate and on the round, and no one else on the round", async () => {
    await seedDemo(testDb());
    const org = (await findOrganisationBySlug(testDb(), DEMO_ORG.slug))!;
    const [round] = await testDb().select().from(calibrationRounds).where(eq(calibrationRounds.orgId, org.id));
    const behaviours = await listBehaviours(testDb(), org.id);
    const figures = shapeRaterFigures(await listRaterFigures(testDb(), org.id, round!.cycleId), behaviours);
    const [priya, marcus] = [DEMO_TEAMS[1]!.leader, DEMO_TEAMS[0]!.leader].map((p) => figures.raters.find((r) => r.name === p.name)!);
    expect(priya!.overall.count).toBeGreaterThanOrEqual(LENIENCY_MIN_RATINGS);
    expect(priya!.overall.tendency).toBe("higher");
    // With two leaders, one rating higher means the other rates lower: the round's pairs settle which.
    expect(marcus!.overall.tendency).toBe("lower");
    const pairs = await listRatingPairs(testDb(), org.id, round!.id, round!.cycleId);
    const names = new Map(pairs.map((p) => [p.firstRaterUserId, p.firstRaterName]));
    const offsets = raterOffsets(pairs);
    expect(offsets[0]!.tendency).toBe("higher");
    expect(names.get(offsets[0]!.userId)).toBe(DEMO_TEAMS[1]!.leader.name);
    expect(offsets.slice(1).map((o) => o.tendency)).toEqual([null, null]);
  });
});
