import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertUser } from "@/db/queries/accounts";
import { insertMembership } from "@/db/queries/organisations";
import { countQueries } from "@/db/query-counter";
import { auditEvents, memberships, teamLeaders, teams } from "@/db/schema";
import { registeredEntries } from "@/lib/chain/registry";
import { changeRole, deactivateMember, moveToTeam, reactivateMember } from "@/lib/members/actions";
import { loadMembersPage } from "@/lib/members/loaders";
import { addTeamLeader, archiveTeam, createTeam, removeTeamLeader, renameTeam, restoreTeam } from "@/lib/teams/actions";
import { withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import { snapshotTables } from "../support/snapshot";

const testDb = withTestDatabase();
void loadMembersPage; // registers the members page loader

function membersPage() {
  const entry = registeredEntries().find((e) => e.name === "/o/[slug]/members");
  if (entry?.entry !== "member") throw new Error("members page not registered");
  return async (slug: string, filter: Record<string, string> = {}) => {
    const outcome = await entry.call(slug, filter);
    if (outcome.status !== "ok") throw new Error(outcome.code);
    return (outcome.data as { members: { name: string; userId: string }[] }).members.map((m) => m.name);
  };
}

async function membership(orgId: string, userId: string) {
  const [row] = await testDb()
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row!;
}

describe("teams", () => {
  it("are created with unique names, renamed, archived when empty and restored", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect(await createTeam(f.slug, { name: "team a" })).toMatchObject({ fieldErrors: { name: "A team with this name already exists." } });
    const created = await createTeam(f.slug, { name: "Team North" });
    if (created.status !== "ok") throw new Error("not created");
    expect(await renameTeam(f.slug, { teamId: created.data.teamId, name: "Team B" })).toMatchObject({ fieldErrors: { name: expect.any(String) } });
    expect((await renameTeam(f.slug, { teamId: created.data.teamId, name: "Team Northeast" })).status).toBe("ok");

    expect(await archiveTeam(f.slug, { teamId: f.teamId })).toMatchObject({ code: "conflict", message: expect.stringContaining("2 active reps") });
    expect((await archiveTeam(f.slug, { teamId: created.data.teamId })).status).toBe("ok");
    const [archived] = await testDb()
      .select()
      .from(teams)
      .where(and(eq(teams.orgId, f.orgId), eq(teams.id, created.data.teamId)));
    expect(archived!.archivedAt).not.toBeNull();
    expect((await restoreTeam(f.slug, { teamId: created.data.teamId })).status).toBe("ok");

    const log = await testDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.orgId, f.orgId));
    expect(log.map((e) => e.action).sort()).toEqual(["team.archive", "team.create", "team.rename", "team.restore"]);
  });

  it("get leaders only from members with the leader role, and lose them again", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect(await addTeamLeader(f.slug, { teamId: f.otherTeamId, userId: f.users.rep })).toMatchObject({
      fieldErrors: { userId: expect.any(String) },
    });
    expect((await addTeamLeader(f.slug, { teamId: f.otherTeamId, userId: f.users.leader })).status).toBe("ok");
    expect((await removeTeamLeader(f.slug, { teamId: f.teamId, userId: f.users.leader })).status).toBe("ok");
    expect(await removeTeamLeader(f.slug, { teamId: f.teamId, userId: f.users.leader })).toMatchObject({ code: "conflict" });
    const leads = await testDb()
      .select({ teamId: teamLeaders.teamId })
      .from(teamLeaders)
      .where(and(eq(teamLeaders.orgId, f.orgId), eq(teamLeaders.userId, f.users.leader)));
    expect(leads).toEqual([{ teamId: f.otherTeamId }]);
  });
});

describe("members", () => {
  it("never lose their last active admin", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const before = await snapshotTables(testDb());
    expect(await changeRole(f.slug, { userId: f.users.admin, role: "leader" })).toMatchObject({
      message: expect.stringContaining("last active admin"),
    });
    expect(await deactivateMember(f.slug, { userId: f.users.admin })).toMatchObject({ message: "You cannot deactivate yourself." });
    expect(await snapshotTables(testDb())).toEqual(before);

    expect((await changeRole(f.slug, { userId: f.users.leader, role: "admin" })).status).toBe("ok");
    actAs(f, "leader"); // now an admin too
    expect(await deactivateMember(f.slug, { userId: f.users.admin })).toMatchObject({ status: "ok" });
    expect(await changeRole(f.slug, { userId: f.users.leader, role: "rep", teamId: f.teamId })).toMatchObject({
      message: expect.stringContaining("last active admin"),
    });
  });

  it("change role with their team: reps need one, ex-leaders stop leading", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect(await changeRole(f.slug, { userId: f.users.leader, role: "rep" })).toMatchObject({
      fieldErrors: { teamId: "A rep belongs to a team: choose one." },
    });
    expect((await changeRole(f.slug, { userId: f.users.leader, role: "rep", teamId: f.otherTeamId })).status).toBe("ok");
    expect(await membership(f.orgId, f.users.leader)).toMatchObject({ role: "rep", teamId: f.otherTeamId });
    const leads = await testDb()
      .select()
      .from(teamLeaders)
      .where(and(eq(teamLeaders.orgId, f.orgId), eq(teamLeaders.userId, f.users.leader)));
    expect(leads).toEqual([]);
    expect((await changeRole(f.slug, { userId: f.users.rep, role: "leader" })).status).toBe("ok");
    expect(await membership(f.orgId, f.users.rep)).toMatchObject({ role: "leader", teamId: null });
  });

  it("move between teams, deactivate and reactivate, each audited", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    expect(await moveToTeam(f.slug, { userId: f.users.leader, teamId: f.otherTeamId })).toMatchObject({ code: "invalid" });
    expect(await moveToTeam(f.slug, { userId: f.users.rep, teamId: f.archivedTeamId })).toMatchObject({
      fieldErrors: { teamId: "Choose an active team." },
    });
    expect((await moveToTeam(f.slug, { userId: f.users.rep, teamId: f.otherTeamId })).status).toBe("ok");
    expect((await deactivateMember(f.slug, { userId: f.users.rep })).status).toBe("ok");
    expect(await membership(f.orgId, f.users.rep)).toMatchObject({ status: "deactivated", teamId: f.otherTeamId });
    expect((await reactivateMember(f.slug, { userId: f.users.rep })).status).toBe("ok");
    const [moved] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "member.moveTeam")));
    expect(moved).toMatchObject({ targetLabel: "Remy Rep", before: { team: "Team A" }, after: { team: "Team B" } });
  });

  it("are listed a page at a time, with the size of the whole filtered list", async () => {
    const f = await createMatrixOrganisation(testDb());
    const hash = "not-a-real-hash";
    for (let i = 1; i <= 230; i++) {
      const user = await insertUser(testDb(), {
        name: `Rep ${String(i).padStart(3, "0")}`,
        email: `paged.${i}.${f.slug}@example.test`,
        passwordHash: hash,
      });
      await insertMembership(testDb(), f.orgId, { userId: user.id, role: "rep", teamId: f.teamId });
    }
    const entry = registeredEntries().find((e) => e.name === "/o/[slug]/members");
    if (entry?.entry !== "member") throw new Error("members page not registered");
    const page = async (filter: Record<string, string>) => {
      const outcome = await entry.call(f.slug, filter);
      if (outcome.status !== "ok") throw new Error(outcome.code);
      const data = outcome.data as { members: { userId: string }[]; page: { number: number; size: number; total: number } };
      return { ids: data.members.map((m) => m.userId), page: data.page };
    };
    actAs(f, "admin");
    const pages = [await page({}), await page({ page: "2" }), await page({ page: "3" })];
    expect(pages.map((p) => p.ids.length)).toEqual([100, 100, 37]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3].map((number) => ({ number, size: 100, total: 237 })));
    // The pages, one after another, are the whole list in its order: every member once.
    const all = await testDb().select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, f.orgId));
    const joined = pages.flatMap((p) => p.ids);
    expect(new Set(joined).size).toBe(237);
    expect([...joined].sort()).toEqual(all.map((m) => m.userId).sort());
    expect(await page({ page: "4" })).toEqual({ ids: [], page: { number: 4, size: 100, total: 0 } });
    // A filter counts what it keeps.
    const filtered = await page({ q: "Rep 1" });
    expect(filtered.page.total).toBe(100); // Rep 100 to Rep 199
    expect(filtered.ids).toHaveLength(100);
  });

  it("are listed with search and filters; leaders see only their teams' people", async () => {
    const f = await createMatrixOrganisation(testDb());
    const list = membersPage();
    actAs(f, "admin");
    expect(await list(f.slug)).toEqual([
      "Ada Admin",
      "Cory Coleader",
      "Dee Deactivated",
      "Lee Leader",
      "Olu Otherleader",
      "Ora Otherrep",
      "Remy Rep",
    ]);
    expect(await list(f.slug, { q: "REP" })).toEqual(["Ora Otherrep", "Remy Rep"]);
    expect(await list(f.slug, { role: "leader" })).toEqual(["Cory Coleader", "Lee Leader", "Olu Otherleader"]);
    expect(await list(f.slug, { status: "deactivated" })).toEqual(["Dee Deactivated"]);
    expect(await list(f.slug, { team: f.otherTeamId })).toEqual(["Olu Otherleader"]);
    expect(await list(f.slug, { role: "nonsense", team: "not-a-uuid" })).toHaveLength(7); // bad filters are ignored
    actAs(f, "otherLeader");
    expect(await list(f.slug)).toEqual(["Olu Otherleader"]);
    actAs(f, "leader");
    expect(await list(f.slug)).toEqual(["Cory Coleader", "Dee Deactivated", "Lee Leader", "Ora Otherrep", "Remy Rep"]);
  });

  it("page loads in the same number of queries for 7 and for 57 members", async () => {
    const db = testDb();
    const small = await createMatrixOrganisation(db);
    const large = await createMatrixOrganisation(db);
    for (let i = 0; i < 50; i++) {
      const user = await insertUser(db, { name: `Extra ${i}`, email: `extra.${i}.${crypto.randomUUID()}@example.test`, passwordHash: "x" });
      await insertMembership(db, large.orgId, { userId: user.id, role: "rep", teamId: large.teamId });
    }
    const entry = registeredEntries().find((e) => e.name === "/o/[slug]/members")!;
    if (entry.entry !== "member") throw new Error("members page not registered");
    actAs(small, "admin");
    const few = await countQueries(() => entry.call(small.slug, {}));
    actAs(large, "admin");
    const many = await countQueries(() => entry.call(large.slug, {}));
    expect(few.queries).toBe(5); // session, organisation (db/tenant.ts), membership, members, teams
    expect(many.queries).toBe(few.queries);
  });
});
