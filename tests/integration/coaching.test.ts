import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertBehaviours } from "@/db/queries/behaviours";
import {
  coachingRollups,
  insertNote,
  listNotesVisibleTo,
  listSharedNotesOfRep,
  listOverduePlanActions,
  listActivePlansOfRep,
} from "@/db/queries/coaching";
import { findOrganisationBySlug, insertMembership } from "@/db/queries/organisations";
import { insertTeam, listTeams } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { assessments, coachingPlans, oneOnOneNotes, organisations, ratings, selfRatings } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import type { AuditLog } from "@/lib/audit/loaders";
import "@/lib/audit/loaders";
import {
  addPlanAction,
  createNote,
  createPlan,
  deleteNote,
  removePlanAction,
  setPlanActionDone,
  updateCoachingSettings,
  updateNote,
  updatePlan,
} from "@/lib/coaching/actions";
import type { CoachingQueuePage, RepCoachingPage } from "@/lib/coaching/loaders";
import "@/lib/coaching/loaders";
import { buildCoachingQueue, listRepsOverdueForOneOnOne } from "@/lib/coaching/queue";
import { addDays, todayIn } from "@/lib/dates";
import { seedLargeCoaching } from "@/scripts/seed/demo-coaching";
import { DEMO_ORG, DEMO_TEAMS } from "@/scripts/seed/demo-people";
import { seedDemo } from "@/scripts/seed/index";

const testDb = withTestDatabase();

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} not registered`);
  return found;
}

async function queuePage(f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  actAs(f, persona);
  const outcome = await entry("/o/[slug]/coaching").call(f.slug, input);
  if (outcome.status !== "ok") throw new Error(`${persona}: ${outcome.code}`);
  return outcome.data as CoachingQueuePage;
}

async function repPage(f: MatrixFixture, persona: Persona, repId = f.users.rep) {
  actAs(f, persona);
  const outcome = await entry("/o/[slug]/reps/[repId]/coaching").call(f.slug, { repId });
  if (outcome.status !== "ok") throw new Error(`${persona}: ${outcome.code}`);
  return outcome.data as RepCoachingPage;
}

async function rate(f: MatrixFixture, repUserId: string, scores: number[], cycleId = f.cycles.open) {
  await testDb()
    .insert(ratings)
    .values(scores.map((score, i) => ({ orgId: f.orgId, cycleId, repUserId, behaviourId: f.behaviourIds[i]!, score, updatedBy: f.users.leader })));
}

async function selfAssess(
  f: MatrixFixture,
  repUserId: string,
  scores: number[],
  state: { submitted?: boolean; shared?: boolean },
  cycleId = f.cycles.open,
) {
  const at = new Date();
  await testDb()
    .insert(assessments)
    .values({ orgId: f.orgId, cycleId, repUserId, submittedAt: state.submitted || state.shared ? at : null, sharedAt: state.shared ? at : null });
  await testDb()
    .insert(selfRatings)
    .values(scores.map((score, i) => ({ orgId: f.orgId, cycleId, repUserId, behaviourId: f.behaviourIds[i]!, score })));
}

async function addRep(f: MatrixFixture, name: string, teamId: string | null) {
  const user = await insertUser(testDb(), {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}.${crypto.randomUUID().slice(0, 8)}@example.test`,
    passwordHash: "x",
  });
  await insertMembership(testDb(), f.orgId, { userId: user.id, role: "rep", teamId });
  return user.id;
}

const ok = (outcome: { status: string; code?: string }) => expect(outcome.status === "ok" ? "ok" : outcome.code).toBe("ok");
const daysAgo = (f: MatrixFixture, n: number) => addDays(todayIn("Europe/London"), -n);

/**
 * The hand-computed fixture. Behaviours b0, b1, b2. Team A:
 * - Remy (rep):       leader 2 4 2, self 4 4 1 (submitted) -> blind spot +2, agreed strength 0, agreed weakness -1
 * - Ora (otherRep):   leader 3 1 5, self 1 1 1 (draft: hidden from coaches) -> no gaps, ranked by the leader
 * - Nia (added):      leader 2 5 3, self 2 2 4 (submitted) -> agreed weakness 0, hidden strength -3, aligned +1
 * Team B: Bo, leader 5 3 1, no self-assessment. Remy had a 1:1 three days ago; Nia and Ora none.
 */
async function handComputed() {
  const f = await createMatrixOrganisation(testDb());
  const nia = await addRep(f, "Nia Newcomer", f.teamId);
  const bo = await addRep(f, "Bo Bravo", f.otherTeamId);
  await rate(f, f.users.rep, [2, 4, 2]);
  await rate(f, f.users.otherRep, [3, 1, 5]);
  await rate(f, nia, [2, 5, 3]);
  await rate(f, bo, [5, 3, 1]);
  await selfAssess(f, f.users.rep, [4, 4, 1], { submitted: true });
  await selfAssess(f, f.users.otherRep, [1, 1, 1], {});
  await selfAssess(f, nia, [2, 2, 4], { submitted: true });
  await insertNote(testDb(), f.orgId, f.users.rep, f.users.leader, { heldOn: daysAgo(f, 3), body: "Catch-up.", shared: true, behaviourIds: [] });
  return { f, nia, bo };
}

describe("the coaching queue", () => {
  it("labels and orders a hand-computed fixture", async () => {
    const { f, nia } = await handComputed();
    const [b0, b1, b2] = f.behaviourIds;
    const page = await queuePage(f, "leader");
    expect(page.cycle?.id).toBe(f.cycles.open);
    // Lowest leader score first (Ora: 1); Remy and Nia tie at 2: Nia has never had a 1:1, Remy three days ago.
    expect(page.reps.map((r) => r.userId)).toEqual([f.users.otherRep, nia, f.users.rep]);
    const items = (id: string) => page.reps.find((r) => r.userId === id)!.items.map((i) => [i.behaviourId, i.leader, i.self, i.gap, i.label]);
    expect(items(f.users.rep)).toEqual([
      [b0, 2, 4, 2, "blind_spot"],
      [b2, 2, 1, -1, "agreed_weakness"],
      [b1, 4, 4, 0, "agreed_strength"],
    ]);
    expect(items(f.users.otherRep)).toEqual([
      [b1, 1, null, null, null],
      [b0, 3, null, null, null],
      [b2, 5, null, null, null],
    ]);
    expect(items(nia)).toEqual([
      [b0, 2, 2, 0, "agreed_weakness"],
      [b2, 3, 4, 1, "aligned"],
      [b1, 5, 2, -3, "hidden_strength"],
    ]);
    expect(page.reps.find((r) => r.userId === f.users.rep)!.oneOnOne).toMatchObject({ lastNoteOn: daysAgo(f, 3), overdue: false });
    expect(page.legend.map((l) => l.name)).toEqual(["Blind spot", "Hidden strength", "Agreed weakness", "Agreed strength", "Aligned"]);
    // The draft's self ratings never reach the coach.
    expect(page.reps[0]).toMatchObject({ userId: f.users.otherRep, selfVisible: false });
  });

  it("rolls up per team and, for admins, across the organisation with the spread between teams", async () => {
    const { f } = await handComputed();
    const [b0, b1, b2] = f.behaviourIds;
    const leader = await queuePage(f, "leader");
    expect(leader.organisationRollup).toBeNull();
    expect(leader.teamRollups.map((t) => t.teamId)).toEqual([f.teamId]);
    expect(leader.ratedTeams).toBe(1);
    const teamA = leader.teamRollups[0]!.behaviours.map((b) => [
      b.behaviourId,
      b.average,
      b.rated,
      b.blindSpots,
      b.hiddenStrengths,
      b.agreedWeaknesses,
      b.agreedStrengths,
      b.aligned,
    ]);
    // Weakest first: b0 2.3; then b1 and b2 at 3.3, b1 more mis-seen (a hidden strength).
    expect(teamA).toEqual([
      [b0, 2.3, 3, 1, 0, 1, 0, 0],
      [b1, 3.3, 3, 0, 1, 0, 1, 0],
      [b2, 3.3, 3, 0, 0, 1, 0, 1],
    ]);

    const admin = await queuePage(f, "admin");
    expect(admin.teamRollups.map((t) => t.teamId).sort()).toEqual([f.teamId, f.otherTeamId].sort());
    expect(admin.ratedTeams).toBe(2);
    expect(
      admin.organisationRollup!.map((b) => [b.behaviourId, b.average, b.lowestTeam, b.highestTeam, b.spread, b.lowestTeamName, b.highestTeamName]),
    ).toEqual([
      [b2, 2.8, 1, 3.3, 2.3, "Team B", "Team A"],
      [b0, 3, 2.3, 5, 2.7, "Team A", "Team B"],
      [b1, 3.3, 3, 3.3, 0.3, "Team B", "Team A"],
    ]);
    // A team filter narrows the admin's queue to that team, without the organisation roll-up.
    const teamB = await queuePage(f, "admin", { team: f.otherTeamId });
    expect(teamB.reps.map((r) => r.name)).toEqual(["Bo Bravo"]);
    expect(teamB.organisationRollup).toBeNull();
    // A leader cannot pick a team they do not lead.
    actAs(f, "leader");
    const refused = await entry("/o/[slug]/coaching").call(f.slug, { team: f.otherTeamId });
    expect(refused.status === "ok" ? "ok" : refused.code).toBe("not_found");
  });

  it("lists a rep without a team in the admin's queue, and counts them in the organisation's roll-up only", async () => {
    const { f } = await handComputed();
    const [b0, b1, b2] = f.behaviourIds;
    const loner = await addRep(f, "Lu Loner", null);
    await rate(f, loner, [1, 1, 1]);
    const admin = await queuePage(f, "admin");
    expect(admin.reps.find((r) => r.userId === loner)).toMatchObject({ name: "Lu Loner", teamId: null, teamName: null });
    expect(admin.totalReps).toBe(5);
    actAs(f, "admin");
    const page = await entry("/o/[slug]/reps/[repId]/coaching").call(f.slug, { repId: loner });
    expect(page.status).toBe("ok");
    const { rows, ratedTeams } = await coachingRollups(testDb(), f.orgId, f.cycles.open, {}, "raw");
    expect(ratedTeams).toBe(2);
    // One organisation row per behaviour, the loner's 1 averaged in; the teams' spread is the teams' alone.
    expect(
      rows
        .filter((r) => r.teamId === null)
        .map((r) => [r.behaviourId, r.average, r.rated, r.lowestTeam, r.highestTeam])
        .sort(),
    ).toEqual(
      [
        [b0, 2.6, 5, 2.3, 5],
        [b1, 2.8, 5, 3, 3.3],
        [b2, 2.4, 5, 1, 3.3],
      ].sort(),
    );
    expect(new Set(rows.map((r) => r.teamId))).toEqual(new Set([null, f.teamId, f.otherTeamId]));
    // Asked for at most as many teams' rows as are rated, all come back; for fewer, the organisation's rows alone.
    const upTo = (teamRowsUpTo: number) => coachingRollups(testDb(), f.orgId, f.cycles.open, {}, "raw", { teamRowsUpTo });
    expect(await upTo(2)).toEqual({ rows, ratedTeams: 2 });
    expect(await upTo(1)).toEqual({ rows: rows.filter((r) => r.teamId === null), ratedTeams: 2 });
  });

  it("names the teams at either end of a behaviour's spread, ties going to the first and the last name", async () => {
    const { f } = await handComputed();
    const [b0] = f.behaviourIds;
    // Team C ties Team A's 2.3 on b0 (lowest: Team A, first by name) and a Team D ties Team B's 5 (highest: Team D).
    const teamC = await insertTeam(testDb(), f.orgId, "Team C");
    const teamD = await insertTeam(testDb(), f.orgId, "Team D");
    await rate(f, await addRep(f, "Cy Charlie", teamC.id), [2, 3, 3]);
    await rate(f, await addRep(f, "Cy Charlie Two", teamC.id), [3, 3, 3]);
    await rate(f, await addRep(f, "Cy Charlie Three", teamC.id), [2, 3, 3]);
    await rate(f, await addRep(f, "Di Delta", teamD.id), [5, 3, 3]);
    const { rows, ratedTeams } = await coachingRollups(testDb(), f.orgId, f.cycles.open, {}, "raw", { teamRowsUpTo: 3 });
    expect(ratedTeams).toBe(4);
    expect(rows.every((r) => r.teamId === null)).toBe(true);
    const b0Row = rows.find((r) => r.behaviourId === b0)!;
    expect([b0Row.lowestTeam, b0Row.lowestTeamName, b0Row.highestTeam, b0Row.highestTeamName]).toEqual([2.3, "Team A", 5, "Team D"]);
    // Four rated teams are more than the queue shows at once: the admin's page has their count, not their rows.
    const admin = await queuePage(f, "admin");
    expect([admin.ratedTeams, admin.teamRollups]).toEqual([4, []]);
  });

  it("follows the organisation's thresholds", async () => {
    const { f } = await handComputed();
    actAs(f, "admin");
    const invalid = await updateCoachingSettings(f.slug, {
      blindSpotGap: "1",
      hiddenStrengthGap: "1",
      agreedWeaknessMax: "4",
      agreedStrengthMin: "4",
      oneOnOneCadenceDays: "14",
      gapBasis: "raw",
    });
    expect(invalid).toMatchObject({ status: "error", code: "invalid", fieldErrors: { agreedStrengthMin: expect.any(String) } });
    ok(
      await updateCoachingSettings(f.slug, {
        blindSpotGap: "3",
        hiddenStrengthGap: "1",
        agreedWeaknessMax: "2",
        agreedStrengthMin: "4",
        oneOnOneCadenceDays: "2",
        gapBasis: "raw",
      }),
    );
    const page = await queuePage(f, "leader");
    const rep = page.reps.find((r) => r.userId === f.users.rep)!;
    // +2 is no longer a blind spot (needs 3); -1 is now a hidden strength; the 1:1 three days ago is overdue at 2.
    expect(rep.items.map((i) => i.label)).toEqual(["aligned", "hidden_strength", "agreed_strength"]);
    expect(rep.oneOnOne.overdue).toBe(true);
    expect(page.legend[0]!.explanation).toContain("at least 3 points higher");
    // The roll-up labels in SQL with the same thresholds. Remy: b0 +2 aligned, b1 agreed strength, b2 -1 hidden
    // strength; Nia: b0 agreed weakness, b1 -3 hidden strength, b2 +1 aligned (Ora's draft is not counted).
    const [b0, b1, b2] = f.behaviourIds;
    const counts = page.teamRollups[0]!.behaviours.map((b) => [
      b.behaviourId,
      b.blindSpots,
      b.hiddenStrengths,
      b.agreedWeaknesses,
      b.agreedStrengths,
      b.aligned,
    ]);
    expect(counts.sort()).toEqual(
      [
        [b0, 0, 0, 1, 0, 1],
        [b1, 0, 1, 0, 1, 0],
        [b2, 0, 1, 0, 0, 1],
      ].sort(),
    );
  });

  it("labels by the gap relative to each rep's tendency when the organisation or the page says so, in the queue and the roll-ups alike", async () => {
    const { f, nia } = await handComputed();
    // Two more behaviours, so the lenient rep below has five rated on both sides.
    const more = await insertBehaviours(testDb(), f.orgId, [
      { name: "Follow-up", description: "Follows up.", level1: "rarely", level3: "usually", level5: "always" },
      { name: "Forecasting", description: "Forecasts.", level1: "rarely", level3: "usually", level5: "always" },
    ]);
    const [b0, b1, b2] = f.behaviourIds;
    const five = [b0!, b1!, b2!, more[0]!.id, more[1]!.id];
    // Lee rates themself 2 above the leader everywhere except b2, where they agree: four raw blind spots.
    const lee = await addRep(f, "Lee Lenient", f.teamId);
    const at = new Date();
    await testDb()
      .insert(ratings)
      .values(
        [3, 2, 3, 2, 3].map((score, i) => ({
          orgId: f.orgId,
          cycleId: f.cycles.open,
          repUserId: lee,
          behaviourId: five[i]!,
          score,
          updatedBy: f.users.leader,
        })),
      );
    await testDb().insert(assessments).values({ orgId: f.orgId, cycleId: f.cycles.open, repUserId: lee, submittedAt: at });
    await testDb()
      .insert(selfRatings)
      .values([5, 4, 3, 4, 5].map((score, i) => ({ orgId: f.orgId, cycleId: f.cycles.open, repUserId: lee, behaviourId: five[i]!, score })));
    const labelsOf = (page: CoachingQueuePage, id: string) => {
      const rep = page.reps.find((r) => r.userId === id)!;
      return Object.fromEntries([...rep.items, ...rep.more].map((i) => [i.behaviourId, i.label]));
    };

    const raw = await queuePage(f, "leader");
    expect(raw.basis).toBe("raw");
    const leeRaw = raw.reps.find((r) => r.userId === lee)!;
    expect(labelsOf(raw, lee)).toEqual({
      [b0!]: "blind_spot",
      [b1!]: "blind_spot",
      [b2!]: "aligned",
      [five[3]!]: "blind_spot",
      [five[4]!]: "blind_spot",
    });
    // Mean gap (2+2+0+2+2)/5 = 1.6: shown in words on either basis; under the blind-spot threshold of 2, so no scale item.
    expect(leeRaw.tendency).toBe("Rates themself 1.6 higher than you overall (over 5 behaviours rated by both).");
    expect(leeRaw.scale).toBeNull();
    // Self ranks 4.5, 2.5, 1, 2.5, 4.5 against leader ranks 4, 1.5, 4, 1.5, 4: rho = 2.5 / sqrt(9 x 7.5) = 0.30.
    expect(leeRaw.agreement).toBe("You partly agree on what is strong and weak (rank correlation 0.30 over 5 behaviours).");
    // Remy has 3 pairs: a tendency (+1/3) but no agreement figure; Ora's self ratings are hidden: neither.
    expect(raw.reps.find((r) => r.userId === f.users.rep)).toMatchObject({ tendency: expect.stringContaining("0.3 higher"), agreement: null });
    expect(raw.reps.find((r) => r.userId === f.users.otherRep)).toMatchObject({ tendency: null, agreement: null });

    // The page's switch: relative labels. Lee's +2 gaps are +0.4 against his tendency; b2 is -1.6. Nothing passes 2.
    const relative = await queuePage(f, "leader", { gaps: "relative" });
    expect(relative.basis).toBe("relative");
    expect(relative.legend[0]!.explanation).toMatch(/^Beyond how they rate themself overall/);
    expect(raw.legend[0]!.explanation).not.toMatch(/overall/);
    expect(labelsOf(relative, lee)).toEqual({ [b0!]: "aligned", [b1!]: "aligned", [b2!]: "aligned", [five[3]!]: "aligned", [five[4]!]: "aligned" });
    // Nia: gaps 0, -3, +1 (mean -2/3), relative +2/3, -7/3, +5/3: b1 stays a hidden strength, b0 and b2 as before.
    expect(labelsOf(relative, nia)).toEqual(labelsOf(raw, nia));
    // The roll-ups count the same labels as the queue on both bases.
    for (const page of [raw, relative]) {
      const counted = new Map<string, number>();
      for (const rep of page.reps)
        for (const item of [...rep.items, ...rep.more])
          if (item.label === "blind_spot") counted.set(item.behaviourId, (counted.get(item.behaviourId) ?? 0) + 1);
      const rolled = new Map(page.teamRollups[0]!.behaviours.filter((b) => b.blindSpots > 0).map((b) => [b.behaviourId, b.blindSpots]));
      expect(rolled, page.basis).toEqual(counted);
    }
    expect(raw.teamRollups[0]!.behaviours.find((b) => b.behaviourId === b0)!.blindSpots).toBe(2); // Remy and Lee
    expect(relative.teamRollups[0]!.behaviours.find((b) => b.behaviourId === b0)!.blindSpots).toBe(0);

    // The organisation's setting makes relative the default; a tendency past the threshold asks for the scale first.
    actAs(f, "admin");
    ok(
      await updateCoachingSettings(f.slug, {
        blindSpotGap: "1",
        hiddenStrengthGap: "2",
        agreedWeaknessMax: "1",
        agreedStrengthMin: "5",
        oneOnOneCadenceDays: "14",
        gapBasis: "relative",
      }),
    );
    const byDefault = await queuePage(f, "leader");
    expect(byDefault.basis).toBe("relative");
    expect(byDefault.reps.find((r) => r.userId === lee)!.scale).toMatchObject({
      title: "Talk about the scale first",
      explanation: expect.stringContaining("1.6 points higher"),
    });
    expect((await queuePage(f, "leader", { gaps: "raw" })).basis).toBe("raw");
  });

  it("flags a rep overdue for a 1:1 from the day after the cadence, in the organisation's time zone", async () => {
    const f = await createMatrixOrganisation(testDb());
    await testDb().update(organisations).set({ timeZone: "America/Chicago" }).where(eq(organisations.id, f.orgId));
    await insertNote(testDb(), f.orgId, f.users.rep, f.users.leader, { heldOn: "2026-11-13", body: "1:1", shared: false, behaviourIds: [] });
    const org = { id: f.orgId, timeZone: "America/Chicago", blindMode: true };
    const scope = { teamIds: [f.teamId] };
    // What the pages use (the coaching queue's badge, the leader dashboard's list: buildCoachingQueue) and what the
    // weekly digest uses (listRepsOverdueForOneOnOne), at one instant.
    const overdue = async (instant: string) => {
      const now = new Date(instant);
      const queue = await buildCoachingQueue(testDb(), org, scope, { now });
      expect(queue.reps.map((r) => r.userId).sort()).toEqual([f.users.rep, f.users.otherRep].sort());
      const onPages = queue.reps.filter((r) => r.oneOnOne.overdue).map((r) => r.userId);
      const inDigest = (await listRepsOverdueForOneOnOne(testDb(), org, scope, now)).map((r) => r.userId);
      expect(inDigest, instant).toEqual(onPages);
      return { today: queue.today, onPages };
    };
    // 14 days after the 13th is the 27th in Chicago until 06:00 UTC on the 28th: due that day, not overdue.
    expect(await overdue("2026-11-28T05:59:00Z")).toEqual({ today: "2026-11-27", onPages: [] });
    // From the 28th in Chicago, overdue. otherRep joined today and has had no 1:1: not overdue yet.
    expect(await overdue("2026-11-28T06:01:00Z")).toEqual({ today: "2026-11-28", onPages: [f.users.rep] });
  });
});

describe("coaching plans", () => {
  it("turn a queue item into a plan, which the rep sees and ticks, with scores then and now by blind mode", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b0] = f.behaviourIds;
    await rate(f, f.users.rep, [2, 3, 3], f.cycles.closed);
    await selfAssess(f, f.users.rep, [3, 3, 3], { submitted: true }, f.cycles.closed);
    // The plan starts in the closed cycle (as if made then).
    actAs(f, "leader");
    const created = await createPlan(f.slug, {
      repUserId: f.users.rep,
      behaviourId: b0,
      targetScore: "4",
      dueOn: "2027-01-31",
      actions: "Role-play openings\n  \nShadow a call",
    });
    ok(created);
    const planId = (created as { data: { planId: string } }).data.planId;
    await testDb()
      .update(coachingPlans)
      .set({ cycleId: f.cycles.closed, scoreThen: 2 })
      .where(and(eq(coachingPlans.orgId, f.orgId), eq(coachingPlans.id, planId)));

    // The coach sees then (Q1: 2) and no "now" until a later cycle is rated.
    let coach = await repPage(f, "leader");
    expect(coach.plans[0]).toMatchObject({ status: "active", targetScore: 4, then: { score: 2, cycleName: "Q1" }, now: null });
    expect(coach.plans[0]!.actions.map((a) => a.description)).toEqual(["Role-play openings", "Shadow a call"]);
    await rate(f, f.users.rep, [4, 3, 3]);
    coach = await repPage(f, "leader");
    expect(coach.plans[0]).toMatchObject({ then: { score: 2 }, now: { score: 4, cycleName: "Q2" }, progress: { change: 2, reached: true } });

    // The rep: Q1 results not shared yet -> no scores; shared Q1 -> then; Q2 shared -> now.
    let mine = await repPage(f, "rep");
    expect(mine.plans[0]).toMatchObject({ then: null, now: null });
    await testDb()
      .update(assessments)
      .set({ sharedAt: new Date() })
      .where(and(eq(assessments.orgId, f.orgId), eq(assessments.cycleId, f.cycles.closed)));
    mine = await repPage(f, "rep");
    expect(mine.plans[0]).toMatchObject({ then: { score: 2 }, now: null });
    await selfAssess(f, f.users.rep, [4, 4, 4], { shared: true });
    mine = await repPage(f, "rep");
    expect(mine.plans[0]).toMatchObject({ then: { score: 2 }, now: { score: 4 } });

    // The rep ticks an action of their active plan; not once the plan is dropped. Another rep cannot.
    const actionId = mine.plans[0]!.actions[0]!.id;
    actAs(f, "otherRep");
    expect((await setPlanActionDone(f.slug, { planId, actionId, done: true })).status === "error").toBe(true);
    actAs(f, "rep");
    ok(await setPlanActionDone(f.slug, { planId, actionId, done: true }));
    expect((await repPage(f, "rep")).plans[0]!.actions[0]!.done).toBe(true);
    actAs(f, "coLeader");
    ok(await updatePlan(f.slug, { planId, targetScore: "4", dueOn: "", status: "dropped" }));
    actAs(f, "rep");
    expect(await setPlanActionDone(f.slug, { planId, actionId, done: false })).toMatchObject({ status: "error", code: "conflict" });
    // A dropped plan leaves the rep's page; the coach still sees it.
    expect((await repPage(f, "rep")).plans).toEqual([]);
    expect((await repPage(f, "leader")).plans.map((p) => p.status)).toEqual(["dropped"]);
  });

  it("keeps a plan's score then as it was when the plan was made, whatever later edits of that rating", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b0] = f.behaviourIds;
    await rate(f, f.users.rep, [2, 3, 3]);
    actAs(f, "leader");
    const created = await createPlan(f.slug, { repUserId: f.users.rep, behaviourId: b0, targetScore: "4", dueOn: "", actions: "Role-play openings" });
    ok(created);
    const planId = (created as { data: { planId: string } }).data.planId;
    await testDb()
      .update(ratings)
      .set({ score: 5 })
      .where(and(eq(ratings.orgId, f.orgId), eq(ratings.cycleId, f.cycles.open), eq(ratings.behaviourId, b0!)));
    expect((await repPage(f, "leader")).plans[0]).toMatchObject({ then: { score: 2, cycleName: "Q2" } });

    // Plans made before the column existed get the rating as it stands (migration 0008's backfill).
    await testDb()
      .update(coachingPlans)
      .set({ scoreThen: null })
      .where(and(eq(coachingPlans.orgId, f.orgId), eq(coachingPlans.id, planId)));
    const backfill = fs.readFileSync("db/migrations/0008_plan_score_then.sql", "utf8").split("--> statement-breakpoint").at(-1)!;
    await testDb().execute(sql.raw(backfill));
    expect((await repPage(f, "leader")).plans[0]).toMatchObject({ then: { score: 5 } });
  });

  it("lists overdue actions of active plans and a rep's active plans, for dashboards", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    ok(
      await createPlan(f.slug, {
        repUserId: f.users.rep,
        behaviourId: f.behaviourIds[0],
        targetScore: "3",
        dueOn: "2026-01-05",
        actions: "Late one\nDone one",
      }),
    );
    ok(
      await createPlan(f.slug, {
        repUserId: f.users.otherRep,
        behaviourId: f.behaviourIds[1],
        targetScore: "3",
        dueOn: "2099-01-05",
        actions: "Not due",
      }),
    );
    const active = await listActivePlansOfRep(testDb(), f.orgId, f.users.rep);
    expect(active).toHaveLength(1);
    const [, done] = active[0]!.actions;
    actAs(f, "rep");
    ok(await setPlanActionDone(f.slug, { planId: active[0]!.id, actionId: done!.id, done: true }));
    const overdue = await listOverduePlanActions(testDb(), f.orgId, "2026-01-06", { teamIds: [f.teamId] });
    expect(overdue.map((a) => [a.description, a.repUserId, a.dueOn])).toEqual([["Late one", f.users.rep, "2026-01-05"]]);
    expect(await listOverduePlanActions(testDb(), f.orgId, "2026-01-05", { teamIds: [f.teamId] })).toEqual([]);
    expect(await listOverduePlanActions(testDb(), f.orgId, "2026-01-06", { teamIds: [f.otherTeamId] })).toEqual([]);
  });
});

describe("1:1 notes", () => {
  const PRIVATE = `PRIVATE-SENTINEL-${crypto.randomUUID()}`;
  const SHARED = `SHARED-SENTINEL-${crypto.randomUUID()}`;

  async function withNotes() {
    const f = await createMatrixOrganisation(testDb());
    await rate(f, f.users.rep, [2, 4, 2]);
    actAs(f, "leader");
    ok(await createNote(f.slug, { repUserId: f.users.rep, heldOn: daysAgo(f, 1), body: PRIVATE, behaviourIds: f.behaviourIds[0] }));
    ok(
      await createNote(f.slug, {
        repUserId: f.users.rep,
        heldOn: daysAgo(f, 1),
        body: SHARED,
        shared: "on",
        behaviourIds: [f.behaviourIds[1], f.behaviourIds[2]],
      }),
    );
    return f;
  }

  it("refuses a note whose 'share' box holds anything but a checkbox's values, instead of filing it as private", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    for (const shared of ["yes please", "x".repeat(100_000)]) {
      const outcome = await createNote(f.slug, { repUserId: f.users.rep, heldOn: daysAgo(f, 1), body: "1:1", shared });
      expect(outcome).toMatchObject({ status: "error", code: "invalid", fieldErrors: { shared: "Tick the box or leave it empty." } });
    }
  });

  it("returns a private note to its author only, at the data-access layer", async () => {
    const f = await withNotes();
    const bodies = async (viewer: string) => (await listNotesVisibleTo(testDb(), f.orgId, f.users.rep, viewer)).map((n) => n.body).sort();
    expect(await bodies(f.users.leader)).toEqual([PRIVATE, SHARED].sort());
    for (const viewer of [f.users.rep, f.users.otherRep, f.users.coLeader, f.users.admin, f.users.otherLeader]) {
      expect(await bodies(viewer)).toEqual([SHARED]);
    }
    expect((await listSharedNotesOfRep(testDb(), f.orgId, f.users.rep)).map((n) => n.body)).toEqual([SHARED]);
  });

  it("keeps a private note out of every other person's page payload, and out of the audit log", async () => {
    const f = await withNotes();
    const author = JSON.stringify(await repPage(f, "leader"));
    expect(author).toContain(PRIVATE);
    expect(author).toContain(SHARED);
    for (const persona of ["rep", "coLeader", "admin"] as const) {
      const payload = JSON.stringify(await repPage(f, persona));
      expect(payload, persona).toContain(SHARED);
      expect(payload, persona).not.toContain(PRIVATE);
      expect(JSON.stringify(await queuePage(f, persona === "rep" ? "leader" : persona))).not.toContain(PRIVATE);
    }
    for (const persona of ["otherRep", "otherLeader"] as const) {
      actAs(f, persona);
      const refused = await entry("/o/[slug]/reps/[repId]/coaching").call(f.slug, { repId: f.users.rep });
      expect(refused.status === "ok" ? "ok" : refused.code).toBe("forbidden");
    }
    const [audit] = rowsOf<{ n: number; sentinels: number }>(
      await testDb()
        .execute(sql`select count(*)::int as n, (count(*) filter (where concat(before::text, after::text, target_label) like '%SENTINEL%'))::int as sentinels
        from audit_events where org_id = ${f.orgId} and action = 'coaching.createNote'`),
    );
    expect(audit).toEqual({ n: 2, sentinels: 0 });
  });

  it("lets only the author edit or delete a note; the co-leader and the admin cannot, even knowing its id", async () => {
    const f = await withNotes();
    const [note] = await testDb()
      .select()
      .from(oneOnOneNotes)
      .where(and(eq(oneOnOneNotes.orgId, f.orgId), eq(oneOnOneNotes.body, PRIVATE)));
    for (const persona of ["coLeader", "admin", "rep"] as const) {
      actAs(f, persona);
      expect((await updateNote(f.slug, { noteId: note!.id, heldOn: note!.heldOn, body: "hijacked", shared: "on" })).status, persona).toBe("error");
      expect((await deleteNote(f.slug, { noteId: note!.id })).status, persona).toBe("error");
    }
    actAs(f, "leader");
    ok(await updateNote(f.slug, { noteId: note!.id, heldOn: note!.heldOn, body: "Now shared.", shared: "on", behaviourIds: [] }));
    expect((await listNotesVisibleTo(testDb(), f.orgId, f.users.rep, f.users.rep)).map((n) => n.body).sort()).toEqual(["Now shared.", SHARED].sort());
    ok(await deleteNote(f.slug, { noteId: note!.id }));
    expect(await listNotesVisibleTo(testDb(), f.orgId, f.users.rep, f.users.leader)).toHaveLength(1);
  });

  it("refuses a 1:1 in the future and keeps what was typed", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    const outcome = await createNote(f.slug, { repUserId: f.users.rep, heldOn: "2099-01-01", body: "  Soon.  " });
    expect(outcome).toMatchObject({ status: "error", code: "invalid", fieldErrors: { heldOn: expect.any(String) }, values: { body: "  Soon.  " } });
    expect(await createNote(f.slug, { repUserId: f.users.rep, heldOn: daysAgo(f, 0), body: "   " })).toMatchObject({
      fieldErrors: { body: "Write the note." },
    });
  });

  it("proposes the largest gaps as the next 1:1's agenda once the rep's results are revealed", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [b0, b1, b2] = f.behaviourIds;
    await rate(f, f.users.rep, [2, 4, 3]);
    await selfAssess(f, f.users.rep, [5, 3, 1], { submitted: true });
    expect((await repPage(f, "leader")).coach?.agenda).toBeNull(); // submitted, not shared yet
    await testDb()
      .update(assessments)
      .set({ sharedAt: new Date() })
      .where(and(eq(assessments.orgId, f.orgId), eq(assessments.repUserId, f.users.rep)));
    const agenda = (await repPage(f, "leader")).coach!.agenda!;
    expect(agenda.behaviourIds).toEqual([b0, b2, b1]); // +3, -2, -1
    expect(agenda.text.split("\n")).toEqual([
      "Agenda: the largest gaps from Q2",
      "- Prospecting: self 5, leader 2, gap +3 (blind spot)",
      "- Talking about money: self 1, leader 3, gap -2 (hidden strength)",
      "- Presenting: self 3, leader 4, gap -1 (aligned)",
    ]);
    actAs(f, "leader");
    ok(await createNote(f.slug, { repUserId: f.users.rep, heldOn: daysAgo(f, 0), body: agenda.text, behaviourIds: agenda.behaviourIds }));
    expect((await repPage(f, "leader")).coach?.agenda).toBeNull(); // the next note is written
    expect((await repPage(f, "coLeader")).coach?.agenda).not.toBeNull(); // the co-leader has not written theirs
  });
});

describe("the audit log of coaching", () => {
  it("tells every coaching change in its own sentence, and never a note's text", async () => {
    const f = await createMatrixOrganisation(testDb());
    const SECRET = `NOTE-SENTINEL-${crypto.randomUUID()}`;
    actAs(f, "admin");
    ok(
      await updateCoachingSettings(f.slug, {
        blindSpotGap: "3",
        hiddenStrengthGap: "2",
        agreedWeaknessMax: "2",
        agreedStrengthMin: "4",
        oneOnOneCadenceDays: "21",
        gapBasis: "raw",
      }),
    );
    actAs(f, "leader");
    const created = await createPlan(f.slug, {
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[0],
      targetScore: "4",
      dueOn: "2027-02-28",
      actions: "Role-play openings\nShadow a call",
    });
    ok(created);
    const planId = (created as { data: { planId: string } }).data.planId;
    const added = await addPlanAction(f.slug, { planId, description: "Ask for a referral" });
    ok(added);
    const actionId = (added as { data: { actionId: string } }).data.actionId;
    actAs(f, "rep");
    ok(await setPlanActionDone(f.slug, { planId, actionId, done: true }));
    actAs(f, "leader");
    ok(await removePlanAction(f.slug, { planId, actionId }));
    ok(await updatePlan(f.slug, { planId, targetScore: "5", dueOn: "2027-02-28", status: "done" }));
    const noted = await createNote(f.slug, { repUserId: f.users.rep, heldOn: "2026-01-05", body: SECRET });
    ok(noted);
    const noteId = (noted as { data: { noteId: string } }).data.noteId;
    ok(await updateNote(f.slug, { noteId, heldOn: "2026-01-05", body: `${SECRET} (edited)`, shared: "on" }));
    ok(await deleteNote(f.slug, { noteId }));

    actAs(f, "admin");
    const outcome = await entry("/o/[slug]/audit").call(f.slug, {});
    if (outcome.status !== "ok") throw new Error(outcome.code);
    const log = outcome.data as AuditLog;
    const sentences = log.events.filter((e) => e.action.startsWith("coaching.")).map((e) => e.sentence);
    expect(JSON.stringify(log)).not.toContain(SECRET);
    // Compared as sets: two events of one millisecond may list in either order.
    expect(sentences.sort()).toEqual(
      [
        "Ada Admin changed the coaching settings: blind spots from a gap of 3 (was 2), a 1:1 every 21 days (was 14)",
        "Lee Leader made a coaching plan for Remy Rep on Prospecting: target 4, due 28 Feb 2027, 2 actions",
        "Lee Leader added an action to the coaching plan for Remy Rep on Prospecting: Ask for a referral",
        "Remy Rep marked an action of the coaching plan for Remy Rep on Prospecting as done: Ask for a referral",
        "Lee Leader removed an action from the coaching plan for Remy Rep on Prospecting: Ask for a referral",
        "Lee Leader edited the coaching plan for Remy Rep on Prospecting: status done (was active), target 5 (was 4)",
        "Lee Leader wrote a private 1:1 note about Remy Rep (the 1:1 of 5 Jan 2026)",
        "Lee Leader edited a 1:1 note about Remy Rep (the 1:1 of 5 Jan 2026) and shared it with the rep",
        "Lee Leader deleted a shared 1:1 note about Remy Rep (the 1:1 of 5 Jan 2026)",
      ].sort(),
    );
    expect(new Set(log.options.actions.filter((a) => a.value.startsWith("coaching.")).map((a) => a.label)).size).toBe(9);
  });
});

describe("coaching query counts", () => {
  async function populated(size: number) {
    const f = await createMatrixOrganisation(testDb());
    const extra = [];
    for (let i = 0; i < size - 2; i++) extra.push(await addRep(f, `Rep ${i}`, f.teamId));
    const repIds = [f.users.rep, f.users.otherRep, ...extra];
    await testDb()
      .insert(ratings)
      .values(
        repIds.flatMap((repUserId, r) =>
          f.behaviourIds.map((behaviourId, i) => ({
            orgId: f.orgId,
            cycleId: f.cycles.open,
            repUserId,
            behaviourId,
            score: ((r + i) % 5) + 1,
            updatedBy: f.users.leader,
          })),
        ),
      );
    await seedLargeCoaching(testDb(), f.orgId, {
      cycleId: f.cycles.open,
      behaviourIds: f.behaviourIds,
      teams: [{ leaderId: f.users.leader, repIds }],
      timeZone: "Europe/London",
    });
    return f;
  }

  it("build a page of the queue that is the first reps of the whole queue, with the same items, counts and roll-ups", async () => {
    const f = await populated(60);
    // Lowest scores of 1, 2 and none (every rep has a 1 otherwise), so the head is ordered on all three keys.
    await testDb().execute(sql`update ${ratings} set score = greatest(score, 2) where org_id = ${f.orgId}
      and rep_user_id in (select user_id from memberships where org_id = ${f.orgId} and role = 'rep' order by user_id limit 20)`);
    await testDb().execute(sql`delete from ${ratings} where org_id = ${f.orgId}
      and rep_user_id in (select user_id from memberships where org_id = ${f.orgId} and role = 'rep' order by user_id desc limit 5)`);
    const row = (await findOrganisationBySlug(testDb(), f.slug))!;
    const org = { id: row.id, timeZone: row.timeZone, blindMode: row.blindMode };
    const whole = await buildCoachingQueue(testDb(), org, {}, { rollups: {} });
    expect(whole.reps).toHaveLength(60);
    const lowest = new Set(whole.reps.map((r) => (r.items.length ? Math.min(...r.items.map((i) => i.leader)) : null)));
    expect([...lowest]).toEqual(expect.arrayContaining([1, 2, null]));
    for (const limit of [1, 7, 41, 50, 59]) {
      const page = await buildCoachingQueue(testDb(), org, {}, { rollups: {}, limit });
      expect(page.reps).toEqual(whole.reps.slice(0, limit));
      expect(page.totalReps).toBe(60);
      expect(page.overdueCount).toBe(whole.reps.filter((r) => r.oneOnOne.overdue).length);
      expect(page.rollups).toEqual(whole.rollups);
    }
  }, 120_000);

  it("are the same, exact and non-zero for 10 and 60 reps", async () => {
    const counts: Record<string, number[]> = {};
    for (const size of [10, 60]) {
      const f = await populated(size);
      for (const [label, persona, name, input] of [
        ["queue as leader", "leader", "/o/[slug]/coaching", {}],
        ["queue as admin", "admin", "/o/[slug]/coaching", { all: "1" }],
        // otherRep has submitted (seedLargeCoaching: two in three reps), so the coach's page reads self scores.
        ["rep page as coach", "leader", "/o/[slug]/reps/[repId]/coaching", { repId: f.users.otherRep }],
        ["rep page as rep", "otherRep", "/o/[slug]/reps/[repId]/coaching", { repId: f.users.otherRep }],
      ] as const) {
        actAs(f, persona);
        const { result, queries } = await countQueries(() => entry(name).call(f.slug, input));
        expect(result.status, label).toBe("ok");
        if (name === "/o/[slug]/coaching") expect((result as { data: CoachingQueuePage }).data.totalReps).toBe(size);
        (counts[label] ??= []).push(queries);
      }
    }
    expect(counts).toEqual({
      // session, scope, membership; settings, cycle, behaviours, teams; the queue's head (reps ordered in SQL, with
      // their assessment states), roll-ups; the page's leader and self scores
      "queue as leader": [11, 11],
      // session, scope, membership; settings, cycle, behaviours, reps, teams; assessments, roll-ups; leader and self scores
      "queue as admin": [12, 12],
      // session, scope, membership, rep target; states, cycles, notes; the queue of one rep (7), plans
      "rep page as coach": [15, 15],
      // session, scope, membership, rep target; states, cycles, notes; plans
      "rep page as rep": [8, 8],
    });
  }, 120_000);
});

describe("the demo's coaching", () => {
  it("has every label in each leader's queue, plans in each status, private and shared notes, one rep overdue", async () => {
    await seedDemo(testDb());
    const org = (await findOrganisationBySlug(testDb(), DEMO_ORG.slug))!;
    const coaching = { id: org.id, timeZone: org.timeZone, blindMode: org.blindMode };
    const teams = await listTeams(testDb(), org.id);
    expect(teams).toHaveLength(2);
    for (const team of teams) {
      const queue = await buildCoachingQueue(testDb(), coaching, { teamIds: [team.id] });
      const labels = new Set(queue.reps.flatMap((r) => r.items.map((i) => i.label)).filter(Boolean));
      expect([...labels].sort(), team.name).toEqual(["agreed_strength", "agreed_weakness", "aligned", "blind_spot", "hidden_strength"]);
    }
    // Sam rates himself high across the board: blind spots by the raw gap, hardly any relative to his tendency.
    const sam = async (basis: "raw" | "relative") =>
      (await buildCoachingQueue(testDb(), coaching, {}, { basis })).reps.find((r) => r.name === "Sam Okafor")!;
    const [raw, relative] = [await sam("raw"), await sam("relative")];
    const blindSpots = (rep: typeof raw) => rep.items.filter((i) => i.label === "blind_spot").length;
    expect(raw.tendency!.mean).toBeGreaterThan(1);
    expect(blindSpots(raw)).toBeGreaterThanOrEqual(4);
    expect(blindSpots(relative)).toBe(0);
    const plans = await testDb().select({ status: coachingPlans.status }).from(coachingPlans).where(eq(coachingPlans.orgId, org.id));
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(["active", "done", "dropped"]));
    const notes = await testDb().select({ shared: oneOnOneNotes.shared }).from(oneOnOneNotes).where(eq(oneOnOneNotes.orgId, org.id));
    expect(new Set(notes.map((n) => n.shared))).toEqual(new Set([true, false]));
    const overdue = await listRepsOverdueForOneOnOne(testDb(), coaching, {});
    expect(overdue.map((r) => r.name)).toEqual([DEMO_TEAMS[0]!.reps[0]!.name]);
  });
});

describe("the large-organisation generator's coaching", () => {
  it("gives every label, plans in each status, private and shared notes", async () => {
    const f = await createMatrixOrganisation(testDb());
    const repIds = [f.users.rep, f.users.otherRep];
    for (let i = 0; i < 10; i++) repIds.push(await addRep(f, `Rep ${i}`, f.teamId));
    await testDb()
      .insert(ratings)
      .values(
        repIds.flatMap((repUserId, r) =>
          f.behaviourIds.map((behaviourId, i) => ({
            orgId: f.orgId,
            cycleId: f.cycles.open,
            repUserId,
            behaviourId,
            score: ((r + i + 3) % 5) + 1,
            updatedBy: f.users.leader,
          })),
        ),
      );
    await seedLargeCoaching(testDb(), f.orgId, {
      cycleId: f.cycles.open,
      behaviourIds: f.behaviourIds,
      teams: [{ leaderId: f.users.leader, repIds }],
      timeZone: "Europe/London",
    });
    const queue = await buildCoachingQueue(testDb(), { id: f.orgId, timeZone: "Europe/London", blindMode: true }, { teamIds: [f.teamId] });
    const labels = new Set(queue.reps.flatMap((r) => r.items.map((i) => i.label)));
    expect([...labels].sort()).toEqual(["agreed_strength", "agreed_weakness", "aligned", "blind_spot", "hidden_strength", null].sort());
    const plans = await testDb().select({ status: coachingPlans.status }).from(coachingPlans).where(eq(coachingPlans.orgId, f.orgId));
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(["active", "done", "dropped"]));
    const notes = await testDb().select({ shared: oneOnOneNotes.shared }).from(oneOnOneNotes).where(eq(oneOnOneNotes.orgId, f.orgId));
    expect(new Set(notes.map((n) => n.shared))).toEqual(new Set([true, false]));
  });
});
