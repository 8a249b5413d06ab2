import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { insertUser } from "@/db/queries/accounts";
import { findOrganisationBySlug, insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { assessments, coachingPlans, measures, organisations, ratings, results, selfRatings, users } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import type { ResultsAnalysisPage } from "@/lib/results/analysis-loaders";
import "@/lib/results/analysis-loaders";
import "@/lib/framework/loaders";
import { DEMO_ADMIN, DEMO_ORG, DEMO_TEAMS } from "@/scripts/seed/demo-people";
import { DEMO_RESULTS } from "@/scripts/seed/demo-results";
import { seedDemo } from "@/scripts/seed/index";
import { withTestDatabase } from "../support/database";
import { setFakeSession } from "../support/fake-session";
import { actAs, createMatrixOrganisation, type Persona } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";

const testDb = withTestDatabase();

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} not registered`);
  return found;
}

const ROUTE = "/o/[slug]/results/analysis";

async function page(slug: string, input: Record<string, unknown> = {}) {
  const outcome = await entry(ROUTE).call(slug, input);
  if (outcome.status !== "ok") throw new Error(outcome.code);
  return outcome.data as ResultsAnalysisPage;
}

async function addRep(f: MatrixFixture, name: string, teamId: string) {
  const user = await insertUser(testDb(), {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, ".")}.${crypto.randomUUID().slice(0, 8)}@example.test`,
    passwordHash: "x",
  });
  await insertMembership(testDb(), f.orgId, { userId: user.id, role: "rep", teamId });
  return user.id;
}

/**
 * `perTeam` reps in each of the fixture's two teams (team A's first two are the fixture's own), rated in the open
 * cycle on the first behaviour 1..5 by position and given a quota result that follows it exactly (rho 1), with a
 * submitted self-assessment for `submitted` of them (self = leader score).
 */
async function organisation(perTeam: number, submitted = perTeam * 2) {
  const f = await createMatrixOrganisation(testDb());
  const reps: string[] = [f.users.rep, f.users.otherRep];
  for (let i = 2; i < perTeam; i += 1) reps.push(await addRep(f, `Rep A${i}`, f.teamId));
  for (let i = 0; i < perTeam; i += 1) reps.push(await addRep(f, `Rep B${i}`, f.otherTeamId));
  const [measure] = await testDb()
    .insert(measures)
    .values({ orgId: f.orgId, name: "Quota attainment", unit: "percent", isMain: true, position: 1 })
    .returning();
  const score = (i: number) => (i % 5) + 1;
  await testDb()
    .insert(ratings)
    .values(
      reps.map((repUserId, i) => ({
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId,
        behaviourId: f.behaviourIds[0],
        score: score(i),
        updatedBy: f.users.leader,
      })),
    );
  await testDb()
    .insert(results)
    .values(
      reps.map((repUserId, i) => ({
        orgId: f.orgId,
        cycleId: f.cycles.open,
        repUserId,
        measureId: measure!.id,
        value: 50 + 10 * score(i) + i / 100,
      })),
    );
  await testDb()
    .insert(assessments)
    .values(reps.map((repUserId, i) => ({ orgId: f.orgId, cycleId: f.cycles.open, repUserId, submittedAt: i < submitted ? new Date() : null })));
  await testDb()
    .insert(selfRatings)
    .values(reps.map((repUserId, i) => ({ orgId: f.orgId, cycleId: f.cycles.open, repUserId, behaviourId: f.behaviourIds[0], score: score(i) })));
  return { f, reps, measure: measure! };
}

const first = (p: ResultsAnalysisPage, behaviourId: string) => p.relations[0]!.behaviours.find((b) => b.behaviourId === behaviourId)!;

async function as(f: MatrixFixture, persona: Persona, input: Record<string, unknown> = {}) {
  actAs(f, persona);
  return page(f.slug, input);
}

describe("what predicts results", () => {
  it("gives the relation across the reps the viewer may see: admins all, a leader their teams' only, reps nothing", async () => {
    const { f } = await organisation(6);
    const admin = await as(f, "admin");
    const b0 = first(admin, f.behaviourIds[0]).leader.cycle;
    // 12 reps, the result in the score's order (ties broken by a hundredth): rho from ranks with ties, about 0.96.
    expect(b0).toMatchObject({ kind: "figure", reps: 12, n: 12, verdict: "better" });
    if (b0.kind === "figure") expect(b0.rho).toBeGreaterThan(0.9);
    // The other behaviours have no scores: not enough reps.
    expect(first(admin, f.behaviourIds[1]).leader.cycle).toEqual({ kind: "not_enough", reps: 0 });

    // Lee leads team A: six reps, below the ten a figure needs.
    const leader = await as(f, "leader");
    expect(leader.scope).toBe("teams");
    expect(first(leader, f.behaviourIds[0]).leader.cycle).toEqual({ kind: "not_enough", reps: 6 });

    actAs(f, "rep");
    expect((await entry(ROUTE).call(f.slug, {})).status).toBe("error");
    expect(await entry(ROUTE).call(f.slug, {})).toMatchObject({ code: "forbidden" });
  });

  it("gives a leader only the plans on their teams' reps, compared with their teams' reps only", async () => {
    const { f, reps } = await organisation(6);
    // Closed cycle -> open cycle on behaviour 0: every rep scored 2 in the closed cycle; the open cycle's scores above.
    await testDb()
      .insert(ratings)
      .values(
        reps.map((repUserId) => ({
          orgId: f.orgId,
          cycleId: f.cycles.closed,
          repUserId,
          behaviourId: f.behaviourIds[0],
          score: 2,
          updatedBy: f.users.leader,
        })),
      );
    const planOn = (repUserId: string, createdBy: string) => ({
      orgId: f.orgId,
      repUserId,
      behaviourId: f.behaviourIds[0],
      cycleId: f.cycles.closed,
      targetScore: 4,
      scoreThen: 2,
      createdBy,
    });
    // Team A's first rep (Lee's plan) and team B's first two (Olu's).
    await testDb()
      .insert(coachingPlans)
      .values([planOn(reps[0]!, f.users.leader), planOn(reps[6]!, f.users.otherLeader), planOn(reps[7]!, f.users.otherLeader)]);
    const admin = await as(f, "admin");
    expect(admin.effect.byLeader.map((g) => [g.label, g.plans])).toEqual([
      ["Lee Leader", 1],
      ["Olu Otherleader", 2],
    ]);
    const lee = await as(f, "leader");
    expect(lee.effect.plans).toBe(1);
    expect(lee.effect.byLeader.map((g) => g.label)).toEqual(["Lee Leader"]);
    const olu = await as(f, "otherLeader");
    expect(olu.effect.byLeader.map((g) => [g.label, g.plans])).toEqual([["Olu Otherleader", 2]]);
  });

  it("counts only the self ratings blind mode lets the coach see", async () => {
    const { f } = await organisation(6, 9);
    await testDb().update(organisations).set({ blindMode: false }).where(eq(organisations.id, f.orgId));
    const open = first(await as(f, "admin"), f.behaviourIds[0]).self!.cycle;
    expect(open).toMatchObject({ kind: "figure", reps: 12 });
    await testDb().update(organisations).set({ blindMode: true }).where(eq(organisations.id, f.orgId));
    // Blind mode: only the nine who submitted count, one short of a figure.
    const blind = first(await as(f, "admin"), f.behaviourIds[0]).self!.cycle;
    expect(blind).toEqual({ kind: "not_enough", reps: 9 });
  });

  it("reads in the same number of statements for 4 reps and for 40", async () => {
    const small = await organisation(2);
    const large = await organisation(20);
    // A plan on each side, so the plans' scores are read too.
    for (const { f, reps } of [small, large])
      await testDb().insert(coachingPlans).values({
        orgId: f.orgId,
        repUserId: reps[0]!,
        behaviourId: f.behaviourIds[0],
        cycleId: f.cycles.closed,
        targetScore: 4,
        createdBy: f.users.leader,
      });
    actAs(small.f, "admin");
    const { queries: few } = await countQueries(() => page(small.f.slug));
    actAs(large.f, "admin");
    const { result, queries: many } = await countQueries(() => page(large.f.slug));
    expect(first(result, large.f.behaviourIds[0]).leader.cycle).toMatchObject({ kind: "figure", reps: 40 });
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });

  it("shows the main measure's relation beside each behaviour on the framework page, to admins only", async () => {
    const { f } = await organisation(6);
    actAs(f, "admin");
    const admin = await entry("/o/[slug]/framework").call(f.slug, {});
    if (admin.status !== "ok") throw new Error(admin.code);
    const data = admin.data as { active: { id: string; relation: { text: string; detail: string | null } | null }[] };
    const b0 = data.active.find((b) => b.id === f.behaviourIds[0])!;
    expect(b0.relation!.text).toMatch(/^Quota attainment \(.+\): goes with better results$/);
    expect(b0.relation!.detail).toMatch(/^ρ 0\.9\d, 95% CI 0\.\d\d to 1\.00, 12 reps$/);
    expect(data.active.find((b) => b.id === f.behaviourIds[1])!.relation!.text).toMatch(/not enough data \(0 of 10 reps\)$/);
    actAs(f, "leader");
    const leader = await entry("/o/[slug]/framework").call(f.slug, {});
    if (leader.status !== "ok") throw new Error(leader.code);
    expect((leader.data as { active: { relation: unknown }[] }).active.every((b) => b.relation === null)).toBe(true);
  });
});

describe("the demo's results", () => {
  it("has one behaviour that clearly goes with attainment, one that does not, and plans whose effect shows", async () => {
    await seedDemo(testDb());
    const org = (await findOrganisationBySlug(testDb(), DEMO_ORG.slug))!;
    const [admin] = await testDb().select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN.email));
    setFakeSession({ user: { id: admin!.id, name: "admin", email: DEMO_ADMIN.email }, sv: 1 });
    const p = await page(org.slug);
    expect(p.pooledCycleNames).toEqual(["Q4 2026", "Q3 2026", "Q2 2026", "Q1 2026"]);
    const attainment = p.relations.find((m) => m.measure.name === DEMO_RESULTS.attainment)!;
    const byName = (name: string) => attainment.behaviours.find((b) => b.name === name)!;
    // Q4: each team leaves a rep unrated, so 8 reps: no single-cycle figure. Pooled over Q1-Q4: 38 observations.
    expect(byName(DEMO_RESULTS.drivesAttainment).leader.cycle).toEqual({ kind: "not_enough", reps: 8 });
    const drives = byName(DEMO_RESULTS.drivesAttainment).leader.pooled;
    expect(drives).toMatchObject({ kind: "figure", reps: 10, verdict: "better" });
    if (drives.kind === "figure") expect(drives.low).toBeGreaterThan(0.5);
    expect(attainment.behaviours[0]!.name).toBe(DEMO_RESULTS.drivesAttainment);
    expect(byName("Prospecting").leader.pooled).toMatchObject({ kind: "figure", verdict: "unclear" });
    // In Q3 every rep is rated: the single-cycle figure shows there.
    const q3 = p.cycles.find((c) => c.name === "Q3 2026")!;
    const inQ3 = (await page(org.slug, { cycle: q3.id })).relations.find((m) => m.measure.name === DEMO_RESULTS.attainment)!;
    expect(inQ3.behaviours.find((b) => b.name === DEMO_RESULTS.drivesAttainment)!.leader.cycle).toMatchObject({
      kind: "figure",
      reps: 10,
      verdict: "better",
    });

    // The Q1 plans: five per coached behaviour and per leader, each with matched reps; coached reps rose more.
    for (const name of DEMO_RESULTS.coached) {
      const group = p.effect.byBehaviour.find((g) => g.label === name)!;
      expect(group.matched.shown, name).toBe(true);
      if (group.matched.shown) expect(group.matched.difference, name).toBeGreaterThan(0.5);
    }
    for (const team of DEMO_TEAMS) expect(p.effect.byLeader.find((g) => g.label === team.leader.name)!.matched.shown).toBe(true);

    // The framework page: Q3, the latest cycle with ten reps rated and a result.
    const framework = await entry("/o/[slug]/framework").call(org.slug, {});
    if (framework.status !== "ok") throw new Error(framework.code);
    const cards = (framework.data as { active: { name: string; relation: { text: string } | null }[] }).active;
    expect(cards.find((b) => b.name === DEMO_RESULTS.drivesAttainment)!.relation!.text).toBe("Quota attainment (Q3 2026): goes with better results");
  });
});
