import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setMembershipStatus } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { users } from "@/db/schema";
import { GET as personalDataRoute } from "@/app/account/data/route";
import { loadPersonalData, PERSONAL_DATA_NOTICES, type PersonalData } from "@/lib/accounts/personal-data";
import { commentOnRating, saveSelfRating, shareResults, submitSelfAssessment } from "@/lib/assessments/actions";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { createNote, createPlan } from "@/lib/coaching/actions";
import { rateRep } from "@/lib/grid/actions";
import { withTestDatabase } from "../support/database";
import { accountEntry, organisationExportText } from "../support/entries";
import { actAs, alsoMemberOf, createMatrixOrganisation, MATRIX_PASSWORD, type Persona } from "../support/fixtures";

const testDb = withTestDatabase();

type Fixture = Awaited<ReturnType<typeof createMatrixOrganisation>>;

const PRIVATE_NOTE = "SENTINEL private note text, for its author alone";
const DRAFT_COMMENT = "SENTINEL draft self comment, before submitting";
const LEADER_COMMENT = "SENTINEL leader comment, hidden until shared";

/** The download as this persona gets it, through the chain. */
async function downloadOf(f: Fixture, persona: Persona): Promise<PersonalData> {
  actAs(f, persona);
  const outcome = await accountEntry("/account/data").call({});
  if (outcome.status !== "ok") throw new Error(`download: ${outcome.code}`);
  return (outcome.data as { data: PersonalData }).data;
}

async function organisationExportOf(f: Fixture): Promise<string> {
  const text = await organisationExportText(f);
  expect(text).toContain(f.orgId); // the whole file was read
  return text;
}

/** The leader's private note about the rep, the rep's draft with a comment, a leader's comment not yet shared. */
async function seedHidden(f: Fixture) {
  actAs(f, "leader");
  expect(
    await createNote(f.slug, { repUserId: f.users.rep, heldOn: "2026-02-03", body: PRIVATE_NOTE, shared: false, behaviourIds: [f.behaviourIds[0]] }),
  ).toMatchObject({ status: "ok" });
  expect(
    await createNote(f.slug, {
      repUserId: f.users.rep,
      heldOn: "2026-02-04",
      body: "Shared: call three new accounts.",
      shared: true,
      behaviourIds: [],
    }),
  ).toMatchObject({ status: "ok" });
  expect(
    await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], score: 2, expectedVersion: 0 }),
  ).toMatchObject({ status: "ok" });
  expect(
    await commentOnRating(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], comment: LEADER_COMMENT }),
  ).toMatchObject({ status: "ok" });
  actAs(f, "rep");
  expect(await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId: f.behaviourIds[0], score: 4, comment: DRAFT_COMMENT })).toMatchObject({
    status: "ok",
  });
}

describe("the personal data download", () => {
  it("gives the author their private note and the rep their draft, and nobody else either; the organisation export has neither", async () => {
    const f = await createMatrixOrganisation(testDb());
    await seedHidden(f);

    const leader = JSON.stringify(await downloadOf(f, "leader"));
    expect(leader).toContain(PRIVATE_NOTE);
    expect(leader).not.toContain(DRAFT_COMMENT);
    const rep = await downloadOf(f, "rep");
    const repText = JSON.stringify(rep);
    expect(repText).toContain(DRAFT_COMMENT);
    expect(repText).not.toContain(PRIVATE_NOTE); // about them, but private to its author
    expect(repText).not.toContain(LEADER_COMMENT); // not shared yet
    for (const persona of ["admin", "coLeader", "otherLeader", "otherRep", "deactivated", "outsider"] as const) {
      const text = JSON.stringify(await downloadOf(f, persona));
      expect(text, persona).not.toContain(PRIVATE_NOTE);
      expect(text, persona).not.toContain(DRAFT_COMMENT);
      expect(text, persona).not.toContain(LEADER_COMMENT);
    }
    const exported = await organisationExportOf(f);
    expect(exported).not.toContain(PRIVATE_NOTE);
    expect(exported).not.toContain(DRAFT_COMMENT);

    // What the rep's file says about the draft, the shared note and the organisation.
    expect(rep.notices).toEqual(PERSONAL_DATA_NOTICES);
    const [org] = rep.organisations;
    expect(org).toMatchObject({ id: f.orgId, membership: { role: "rep", status: "active", team: "Team A" } });
    if (!org || !("selfAssessments" in org)) throw new Error("the rep's organisation has no data");
    expect(org.selfAssessments).toEqual([
      expect.objectContaining({
        cycle: "Q2",
        status: "draft",
        submittedAt: null,
        ratings: [expect.objectContaining({ behaviour: "Prospecting", score: 4, comment: DRAFT_COMMENT })],
      }),
    ]);
    expect(org.notesSharedWithYou).toEqual([expect.objectContaining({ author: "Lee Leader", body: "Shared: call three new accounts." })]);
    expect(org.leaderRatingsSharedWithYou).toEqual([]);
    expect(org.mailSettings).toEqual({ reminders: true, resultsShared: true, weeklyDigest: true });
    const leaderOrg = (await downloadOf(f, "leader")).organisations[0]!;
    expect("notesYouWrote" in leaderOrg && leaderOrg.notesYouWrote).toEqual([
      expect.objectContaining({ about: "Remy Rep", visibility: "private", body: PRIVATE_NOTE, behaviours: ["Prospecting"] }),
      expect.objectContaining({ about: "Remy Rep", visibility: "shared" }),
    ]);
  });

  it("holds the leader's ratings of the person once their results are shared with them", async () => {
    const f = await createMatrixOrganisation(testDb());
    await seedHidden(f);
    actAs(f, "rep");
    for (const behaviourId of f.behaviourIds)
      expect(await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId, score: 3, comment: "" })).toMatchObject({ status: "ok" });
    expect(await submitSelfAssessment(f.slug, { cycleId: f.cycles.open })).toMatchObject({ status: "ok" });
    expect(JSON.stringify(await downloadOf(f, "rep"))).not.toContain(LEADER_COMMENT); // submitted, not shared
    actAs(f, "leader");
    expect(await shareResults(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep })).toMatchObject({ status: "ok" });
    const org = (await downloadOf(f, "rep")).organisations[0]!;
    expect("leaderRatingsSharedWithYou" in org && org.leaderRatingsSharedWithYou).toEqual([
      expect.objectContaining({ cycle: "Q2", behaviour: "Prospecting", score: 2, comment: LEADER_COMMENT }),
    ]);
  });

  it("holds the person's coaching plans with their checklist, without the leader's score, and their sign-in history", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    const plan = {
      repUserId: f.users.rep,
      behaviourId: f.behaviourIds[1],
      targetScore: "4",
      dueOn: "2027-02-28",
      actions: "Role-play the opening\nShadow Dana on two calls",
    };
    expect(await createPlan(f.slug, plan)).toMatchObject({ status: "ok" });
    const account = (await testDb().select().from(users).where(eq(users.id, f.users.rep)))[0]!;
    await attemptSignIn(testDb(), { email: account.email, password: "not the password" });
    await attemptSignIn(testDb(), { email: account.email, password: MATRIX_PASSWORD });

    const data = await downloadOf(f, "rep");
    const org = data.organisations[0]!;
    expect("coachingPlans" in org && org.coachingPlans).toEqual([
      {
        behaviour: "Presenting",
        targetScore: 4,
        dueOn: "2027-02-28",
        status: "active",
        createdAt: expect.any(Date),
        actions: [
          { description: "Role-play the opening", done: false },
          { description: "Shadow Dana on two calls", done: false },
        ],
      },
    ]);
    expect(data.signInHistory.map((e) => [e.kind, e.email])).toEqual([
      ["sign_in_failed", account.email],
      ["sign_in", account.email],
    ]);
    // Another rep's download holds neither.
    const other = await downloadOf(f, "otherRep");
    expect(JSON.stringify(other)).not.toContain("Role-play the opening");
    expect(other.signInHistory).toEqual([]);
  });

  it("covers every organisation where the person is active, lists a deactivated one without its data, and holds no credentials", async () => {
    const f = await createMatrixOrganisation(testDb());
    await seedHidden(f);
    const elsewhere = await alsoMemberOf(testDb(), f.users.rep, "Left Behind Ltd");
    await setMembershipStatus(testDb(), elsewhere.id, f.users.rep, "deactivated");
    const data = await downloadOf(f, "rep");
    const [account] = await testDb().select().from(users).where(eq(users.id, f.users.rep));
    expect(data.account).toEqual({
      id: account!.id,
      name: "Remy Rep",
      email: account!.email,
      emailVerifiedAt: null,
      createdAt: account!.createdAt,
      lastSignInAt: null,
    });
    expect(data.organisations.map((o) => o.name).sort()).toEqual(["Left Behind Ltd", `Matrix ${f.slug.slice("matrix-".length)}`]);
    expect(data.organisations.find((o) => o.name === "Left Behind Ltd")).toEqual({
      id: elsewhere.id,
      name: "Left Behind Ltd",
      membership: { role: "leader", status: "deactivated" },
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain(account!.passwordHash);
    expect(text).not.toMatch(/hash|sessionVersion/i);
  });

  it("reads a fixed number of statements per organisation", async () => {
    const f = await createMatrixOrganisation(testDb());
    const statements = async () => {
      actAs(f, "leader");
      return (await countQueries(() => loadPersonalData())).queries;
    };
    const one = await statements();
    const extra: number[] = [];
    for (let i = 0; i < 2; i++) {
      await alsoMemberOf(testDb(), f.users.leader, `More ${i}`);
      extra.push((await statements()) - one);
    }
    expect(extra[0]).toBeGreaterThan(0);
    expect(extra[1]).toBe(2 * extra[0]!);
    expect(extra[0]).toBeLessThanOrEqual(6);
  });

  it("reads as many statements for an organisation whose results the person sees as for one where they see none", async () => {
    const f = await createMatrixOrganisation(testDb());
    const statements = async () => {
      actAs(f, "rep");
      return (await countQueries(() => loadPersonalData())).queries;
    };
    const nothingVisible = await statements();
    await seedHidden(f);
    actAs(f, "rep");
    for (const behaviourId of f.behaviourIds)
      expect(await saveSelfRating(f.slug, { cycleId: f.cycles.open, behaviourId, score: 3, comment: "" })).toMatchObject({ status: "ok" });
    expect(await submitSelfAssessment(f.slug, { cycleId: f.cycles.open })).toMatchObject({ status: "ok" });
    actAs(f, "leader");
    expect(await shareResults(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep })).toMatchObject({ status: "ok" });
    expect(await statements()).toBe(nothingVisible);
  });

  it("downloads as a JSON file through the route handler", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "otherRep");
    const response = await personalDataRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="coachgrid-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as PersonalData;
    expect(body).toMatchObject({ format: "coachgrid-personal-data", version: 1, account: { id: f.users.otherRep, name: "Ora Otherrep" } });
  });
});
