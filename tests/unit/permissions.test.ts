import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, roleMay, teamScope, type Member, type Permission } from "@/lib/permissions";

const admin: Member = { userId: "a", role: "admin", teamId: null, ledTeamIds: [] };
const leader: Member = { userId: "l", role: "leader", teamId: null, ledTeamIds: ["east", "north"] };
const rep: Member = { userId: "r", role: "rep", teamId: "east", ledTeamIds: [] };

describe("the role -> permission table", () => {
  it("answers the role test for every permission", () => {
    const table = Object.fromEntries(
      (Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, (["admin", "leader", "rep"] as const).filter((r) => roleMay(r, p))]),
    );
    expect(table).toEqual({
      "org.view": ["admin", "leader", "rep"],
      "org.manage": ["admin"],
      "team.view": ["admin", "leader", "rep"],
      "people.view": ["admin", "leader"],
      "people.manage": ["admin"],
      "people.import": ["admin", "leader"],
      "invites.manage": ["admin", "leader"],
      "invites.inviteStaff": ["admin"],
      "framework.view": ["admin", "leader", "rep"],
      "framework.manage": ["admin"],
      "cycles.manage": ["admin"],
      "cycles.remind": ["admin", "leader"],
      "grid.view": ["admin", "leader"],
      "org.audit": ["admin"],
      "rep.coach": ["admin", "leader"],
      "self.assess": ["rep"],
      "rep.viewResults": ["admin", "leader", "rep"],
      "coaching.view": ["admin", "leader"],
      "calibration.view": ["admin", "leader"],
      "results.analyse": ["admin", "leader"],
      "calibration.manageRounds": ["admin"],
      "calibration.rateSecond": ["admin", "leader"],
      "coaching.tickAction": ["admin", "leader", "rep"],
      "coaching.editNote": ["admin", "leader"],
      "relationships.keep": ["admin", "leader"],
      "relationships.edit": ["admin", "leader"],
      "relationships.checkIn": ["admin", "leader"],
      "results.view": ["admin", "leader", "rep"],
      "results.enter": ["admin", "leader"],
      "results.upload": ["admin", "leader"],
      "results.manage": ["admin"],
    });
  });

  it("lets a leader coach only reps of the teams they lead", () => {
    expect(can(leader, "rep.coach", { repTeamId: "east" })).toBe(true);
    expect(can(leader, "rep.coach", { repTeamId: "north" })).toBe(true);
    expect(can(leader, "rep.coach", { repTeamId: "west" })).toBe(false);
    expect(can(leader, "rep.coach", {})).toBe(false);
    expect(can(admin, "rep.coach", { repTeamId: "west" })).toBe(true);
    expect(can(rep, "rep.coach", { repTeamId: "east" })).toBe(false);
  });

  it("lets a leader type results only for reps of the teams they lead, and only admins manage measures and tokens", () => {
    expect(can(leader, "results.enter", { repTeamId: "east" })).toBe(true);
    expect(can(leader, "results.enter", { repTeamId: "west" })).toBe(false);
    expect(can(leader, "results.enter", {})).toBe(false);
    expect(can(admin, "results.enter", { repTeamId: "west" })).toBe(true);
    expect(can(rep, "results.enter", { repTeamId: "east" })).toBe(false);
    expect(can(leader, "results.upload")).toBe(true);
    expect(can(rep, "results.upload")).toBe(false);
    expect(can(admin, "results.manage")).toBe(true);
    expect(can(leader, "results.manage")).toBe(false);
    expect(can(rep, "results.view")).toBe(true);
  });

  it("lets a rep see their own results and team only", () => {
    expect(can(rep, "rep.viewResults", { repUserId: "r" })).toBe(true);
    expect(can(rep, "rep.viewResults", { repUserId: "someone else" })).toBe(false);
    expect(can(rep, "team.view", { teamId: "east" })).toBe(true);
    expect(can(rep, "team.view", { teamId: "west" })).toBe(false);
    expect(can(leader, "team.view", { teamId: "north" })).toBe(true);
    expect(can(leader, "team.view", { teamId: "west" })).toBe(false);
  });

  it("lets a leader invite to the teams they lead only", () => {
    expect(can(leader, "invites.manage", { teamId: "north" })).toBe(true);
    expect(can(leader, "invites.manage", { teamId: "west" })).toBe(false);
    expect(can(leader, "invites.inviteStaff")).toBe(false);
    expect(can(admin, "invites.manage", { teamId: "west" })).toBe(true);
    expect(can(rep, "invites.manage", { teamId: "east" })).toBe(false);
  });

  it("scopes people lists by team", () => {
    expect(teamScope(admin)).toBeUndefined();
    expect(teamScope(leader)).toEqual(["east", "north"]);
    expect(teamScope(rep)).toEqual(["east"]);
    expect(teamScope({ ...rep, teamId: null })).toEqual([]);
  });

  it("lets a leader edit only the relationships they keep; admins any; reps none", () => {
    expect(can(leader, "relationships.edit", { ownerUserId: "l" })).toBe(true);
    expect(can(leader, "relationships.edit", { ownerUserId: "someone else" })).toBe(false);
    expect(can(leader, "relationships.edit", {})).toBe(false);
    expect(can(admin, "relationships.edit", { ownerUserId: "l" })).toBe(true);
    expect(can(rep, "relationships.edit", { ownerUserId: "r" })).toBe(false);
    expect([admin, leader, rep].map((m) => can(m, "relationships.keep"))).toEqual([true, true, false]);
  });

  it("lets a rep tick actions of their own plans, their coaches any of their team's; notes are edited by their author only", () => {
    expect(can(rep, "coaching.tickAction", { repUserId: "r", repTeamId: "east" })).toBe(true);
    expect(can(rep, "coaching.tickAction", { repUserId: "someone else", repTeamId: "east" })).toBe(false);
    expect(can(leader, "coaching.tickAction", { repUserId: "x", repTeamId: "north" })).toBe(true);
    expect(can(leader, "coaching.tickAction", { repUserId: "x", repTeamId: "west" })).toBe(false);
    expect(can(admin, "coaching.tickAction", { repUserId: "x", repTeamId: "west" })).toBe(true);
    expect(can(leader, "coaching.editNote", { ownerUserId: "l" })).toBe(true);
    expect(can(leader, "coaching.editNote", { ownerUserId: "another leader" })).toBe(false);
    expect(can(admin, "coaching.editNote", { ownerUserId: "l" })).toBe(false);
    expect(can(admin, "coaching.editNote", { ownerUserId: "a" })).toBe(true);
    expect(can(rep, "coaching.editNote", { ownerUserId: "r" })).toBe(false);
    expect([admin, leader, rep].map((m) => can(m, "coaching.view"))).toEqual([true, true, false]);
  });

  it("lets only the keeper of a relationship send and withdraw its check-in links, admins included", () => {
    expect(can(leader, "relationships.checkIn", { ownerUserId: "l" })).toBe(true);
    expect(can(leader, "relationships.checkIn", { ownerUserId: "someone else" })).toBe(false);
    expect(can(admin, "relationships.checkIn", { ownerUserId: "a" })).toBe(true);
    expect(can(admin, "relationships.checkIn", { ownerUserId: "l" })).toBe(false);
    expect(can(admin, "relationships.checkIn", {})).toBe(false);
    expect(can(rep, "relationships.checkIn", { ownerUserId: "r" })).toBe(false);
  });

  it("keeps organisation management to admins", () => {
    expect([admin, leader, rep].map((m) => can(m, "org.manage"))).toEqual([true, false, false]);
  });
});
