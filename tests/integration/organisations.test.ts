import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertMembership } from "@/db/queries/organisations";
import { insertTeam } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { auditEvents, organisations } from "@/db/schema";
import { updateOrganisationSettings } from "@/lib/organisations/actions";
import { loadOrganisationHome } from "@/lib/organisations/loaders";
import { registeredEntries } from "@/lib/chain/registry";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";

const testDb = withTestDatabase();
void loadOrganisationHome; // registers the overview loader

function entry(name: string) {
  const found = registeredEntries().find((e) => e.name === name);
  if (found?.entry !== "member") throw new Error(`${name} is not a registered member entry`);
  return found;
}

describe("organisation settings", () => {
  it("saves name and time zone and audits the change with before and after", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    const state = await updateOrganisationSettings(fixture.slug, { name: "Harbour Light Trading", timeZone: "Asia/Tokyo" });
    expect(state.status).toBe("ok");
    const [org] = await testDb().select().from(organisations).where(eq(organisations.id, fixture.orgId));
    expect(org).toMatchObject({ name: "Harbour Light Trading", timeZone: "Asia/Tokyo" });
    const [audit] = await testDb().select().from(auditEvents).where(eq(auditEvents.orgId, fixture.orgId));
    expect(audit).toMatchObject({
      action: "organisation.updateSettings",
      actorUserId: fixture.users.admin,
      targetId: fixture.orgId,
      before: { name: expect.stringMatching(/^Matrix /), timeZone: "Europe/London" },
      after: { name: "Harbour Light Trading", timeZone: "Asia/Tokyo", blindMode: true },
    });
  });

  it("turns blind mode off from the form's checkbox fields, and leaves it alone when they are absent", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    const form = new FormData();
    form.set("name", "Blind Test");
    form.set("timeZone", "UTC");
    form.append("blindMode", "off"); // the hidden field; the unticked checkbox sends nothing
    expect(await updateOrganisationSettings(fixture.slug, { status: "idle" }, form)).toMatchObject({ status: "ok", data: { blindMode: false } });
    form.append("blindMode", "on"); // ticked
    expect(await updateOrganisationSettings(fixture.slug, { status: "idle" }, form)).toMatchObject({ status: "ok", data: { blindMode: true } });
  });

  it("refuses an unknown time zone next to the field and keeps the typed name", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    const state = await updateOrganisationSettings(fixture.slug, { name: "Typed Name", timeZone: "Atlantis/Capital" });
    expect(state).toMatchObject({
      status: "error",
      code: "invalid",
      fieldErrors: { timeZone: "Choose a time zone from the list." },
      values: { name: "Typed Name" },
    });
  });
});

describe("organisation overview", () => {
  it("shows each role only the teams it may see", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    const home = entry("/o/[slug]");
    const teamsFor = async (persona: "admin" | "leader" | "otherLeader" | "rep") => {
      actAs(fixture, persona);
      const outcome = await home.call(fixture.slug, {});
      if (outcome.status !== "ok") throw new Error(outcome.code);
      return (outcome.data as { teams: { name: string }[] }).teams;
    };
    expect(await teamsFor("admin")).toEqual([
      {
        id: fixture.teamId,
        name: "Team A",
        archivedAt: null,
        leaders: [
          { id: fixture.users.coLeader, name: "Cory Coleader" },
          { id: fixture.users.leader, name: "Lee Leader" },
        ],
        repCount: 2,
      },
      { id: fixture.otherTeamId, name: "Team B", archivedAt: null, leaders: [{ id: fixture.users.otherLeader, name: "Olu Otherleader" }], repCount: 0 },
    ]);
    expect((await teamsFor("leader")).map((t) => t.name)).toEqual(["Team A"]);
    expect((await teamsFor("otherLeader")).map((t) => t.name)).toEqual(["Team B"]);
    expect((await teamsFor("rep")).map((t) => t.name)).toEqual(["Team A"]);
  });

  it("runs the same number of queries for 2 teams and for 40", async () => {
    const db = testDb();
    const small = await createMatrixOrganisation(db);
    const large = await createMatrixOrganisation(db);
    for (let i = 0; i < 38; i++) {
      const team = await insertTeam(db, large.orgId, `Extra team ${i}`);
      const rep = small.users.outsider; // any existing user id; memberships only need a user row
      if (i === 0) await insertMembership(db, large.orgId, { userId: rep, role: "rep", teamId: team.id });
    }
    const home = entry("/o/[slug]");
    actAs(small, "admin");
    const few = await countQueries(() => home.call(small.slug, {}));
    actAs(large, "admin");
    const many = await countQueries(() => home.call(large.slug, {}));
    expect(few.result.status).toBe("ok");
    expect((many.result.status === "ok" && (many.result.data as { teams: unknown[] }).teams.length) || 0).toBe(40);
    expect(few.queries).toBe(3); // session, membership, teams
    expect(many.queries).toBe(few.queries);
  });
});
