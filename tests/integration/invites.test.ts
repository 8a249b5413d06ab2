import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertInvite } from "@/db/queries/invites";
import { auditEvents, invites, memberships, teamLeaders, users } from "@/db/schema";
import { createInvite, revokeInviteLink } from "@/lib/invites/actions";
import { acceptInviteAsMember, acceptInviteAsNewPerson } from "@/lib/invites/join";
import { hashToken, newToken } from "@/lib/tokens";
import { onServer, rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { snapshotTables, snapshotWithoutCounters } from "../support/snapshot";

const testDb = withTestDatabase();

const person = (label = "nia") => ({
  name: `${label} Newcomer`,
  email: `${label}.${crypto.randomUUID().slice(0, 8)}@example.test`,
  password: "a long enough password",
});

/** An invite made straight in the database, with its raw token. */
async function makeInvite(f: MatrixFixture, values: Partial<Parameters<typeof insertInvite>[2]> = {}) {
  const token = newToken();
  await insertInvite(testDb(), f.orgId, {
    tokenHash: hashToken(token),
    role: "rep",
    teamId: f.teamId,
    email: null,
    maxUses: 1,
    expiresAt: new Date(Date.now() + 3_600_000),
    createdBy: f.users.admin,
    ...values,
  });
  return token;
}

async function membershipOf(orgId: string, email: string) {
  const [row] = await testDb()
    .select({ role: memberships.role, teamId: memberships.teamId, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(users.email, email)));
  return row;
}

describe("creating invite links", () => {
  it("returns the link once and stores only the token's hash", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const state = await createInvite(f.slug, { role: "rep", teamId: f.teamId, expiresInHours: "24", maxUses: "3", email: "" });
    if (state.status !== "ok") throw new Error(JSON.stringify(state));
    const token = state.data.url.split("/").pop()!;
    expect(state.data.url).toBe(`/o/${f.slug}/join/${token}`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32); // 256 random bits

    const rows = rowsOf<{ t: string }>(await testDb().execute(sql`select i::text as t from invites i where org_id = ${f.orgId}`));
    expect(rows.some((r) => r.t.includes(token))).toBe(false);
    expect(rows.some((r) => r.t.includes(hashToken(token)))).toBe(true);
    const [audit] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "invite.create")));
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("lets a leader invite reps to their team, not leaders", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    expect((await createInvite(f.slug, { role: "rep", teamId: f.teamId, maxUses: "1" })).status).toBe("ok");
    const staff = await createInvite(f.slug, { role: "leader", teamId: f.teamId, maxUses: "1" });
    expect(staff).toMatchObject({ status: "error", code: "invalid", fieldErrors: { role: expect.stringContaining("Leaders invite reps") } });
    const otherTeam = await createInvite(f.slug, { role: "rep", teamId: f.otherTeamId, maxUses: "1" });
    expect(otherTeam.status === "error" && otherTeam.code).toBe("forbidden");
    actAs(f, "admin");
    const adminNoTeam = await createInvite(f.slug, { role: "rep", teamId: "", maxUses: "1" });
    expect(adminNoTeam.status === "error" && adminNoTeam.fieldErrors).toEqual({ teamId: "A rep joins a team: choose one." });
    const bad = await createInvite(f.slug, { role: "rep", teamId: f.teamId, expiresInHours: "721", maxUses: "0", email: "nope" });
    expect(bad.status === "error" && bad.fieldErrors).toEqual({
      expiresInHours: "A link lasts at most 30 days.",
      maxUses: "At least 1 person must be able to use it.",
      email: "Enter a valid email address, like name@company.com.",
    });
  });
});

describe("accepting invite links", () => {
  it("makes a new person a rep of the link's team, once", async () => {
    const f = await createMatrixOrganisation(testDb());
    const token = await makeInvite(f);
    const nia = person();
    actAs(f, "signedOut");
    const joined = await acceptInviteAsNewPerson(f.slug, token, nia);
    expect(joined).toMatchObject({ status: "ok", data: { slug: f.slug } });
    expect(await membershipOf(f.orgId, nia.email)).toEqual({ role: "rep", teamId: f.teamId, status: "active" });
    const [invite] = await testDb()
      .select()
      .from(invites)
      .where(and(eq(invites.orgId, f.orgId), eq(invites.tokenHash, hashToken(token))));
    expect(invite!.uses).toBe(1);
    const audit = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "invite.acceptAsNew")));
    expect(audit).toHaveLength(1);

    const again = await acceptInviteAsNewPerson(f.slug, token, person("second"));
    expect(again).toMatchObject({ status: "error", message: expect.stringContaining("already been used") });
  });

  it("lets a signed-in person join with their account, and never twice", async () => {
    const f = await createMatrixOrganisation(testDb());
    const token = await makeInvite(f, { maxUses: 5 });
    actAs(f, "outsider");
    expect((await acceptInviteAsMember(f.slug, token, {})).status).toBe("ok");
    const before = await snapshotTables(testDb());
    expect(await acceptInviteAsMember(f.slug, token, {})).toMatchObject({ status: "error", message: expect.stringContaining("already a member") });
    expect(await snapshotTables(testDb())).toEqual(before);
    const count = rowsOf<{ n: number }>(
      await testDb().execute(sql`select count(*)::int as n from memberships where org_id = ${f.orgId} and user_id = ${f.users.outsider}`),
    );
    expect(count[0]!.n).toBe(1);
  });

  it("honours the use limit", async () => {
    const f = await createMatrixOrganisation(testDb());
    const token = await makeInvite(f, { maxUses: 2 });
    actAs(f, "signedOut");
    expect((await acceptInviteAsNewPerson(f.slug, token, person("one"))).status).toBe("ok");
    expect((await acceptInviteAsNewPerson(f.slug, token, person("two"))).status).toBe("ok");
    expect((await acceptInviteAsNewPerson(f.slug, token, person("three"))).status).toBe("error");
  });

  it.each([
    ["expired", { expiresAt: new Date(Date.now() - 1000) }, "has expired"],
    ["revoked", { revokedAt: new Date() }, "was revoked"],
  ] as const)("refuses a link that is %s and changes nothing", async (_, values, message) => {
    const f = await createMatrixOrganisation(testDb());
    const { revokedAt, ...rest } = values as { revokedAt?: Date; expiresAt?: Date };
    const token = await makeInvite(f, rest);
    if (revokedAt)
      await testDb()
        .update(invites)
        .set({ revokedAt })
        .where(and(eq(invites.orgId, f.orgId), eq(invites.tokenHash, hashToken(token))));
    const before = await snapshotWithoutCounters(testDb()); // creating an account counts towards its limit, refused or not
    actAs(f, "signedOut");
    expect(await acceptInviteAsNewPerson(f.slug, token, person())).toMatchObject({ status: "error", message: expect.stringContaining(message) });
    actAs(f, "outsider");
    expect(await acceptInviteAsMember(f.slug, token, {})).toMatchObject({ status: "error", message: expect.stringContaining(message) });
    expect(await snapshotWithoutCounters(testDb())).toEqual(before);
  });

  it("revoking stops the link", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "leader");
    expect((await revokeInviteLink(f.slug, { inviteId: f.inviteId })).status).toBe("ok");
    expect(await revokeInviteLink(f.slug, { inviteId: f.inviteId })).toMatchObject({ status: "error", code: "conflict" });
    actAs(f, "signedOut");
    expect(await acceptInviteAsNewPerson(f.slug, f.tokens.invite, person())).toMatchObject({ message: expect.stringContaining("was revoked") });
  });

  it("keeps a link bound to an email for that email only, in any case", async () => {
    const f = await createMatrixOrganisation(testDb());
    const bound = person("bound");
    const token = await makeInvite(f, { email: bound.email });
    actAs(f, "signedOut");
    expect(await acceptInviteAsNewPerson(f.slug, token, person("other"))).toMatchObject({ message: expect.stringContaining("different email") });
    actAs(f, "outsider");
    expect(await acceptInviteAsMember(f.slug, token, {})).toMatchObject({ message: expect.stringContaining("different email") });
    actAs(f, "signedOut");
    expect((await acceptInviteAsNewPerson(f.slug, token, { ...bound, email: bound.email.toUpperCase() })).status).toBe("ok");
  });

  it("refuses people who are already members, active or deactivated", async () => {
    const f = await createMatrixOrganisation(testDb());
    const token = await makeInvite(f, { maxUses: 10 });
    const before = await snapshotTables(testDb());
    actAs(f, "rep");
    expect(await acceptInviteAsMember(f.slug, token, {})).toMatchObject({ message: `You are already a member of ${`Matrix ${f.slug.slice(7)}`}.` });
    actAs(f, "deactivated");
    expect(await acceptInviteAsMember(f.slug, token, {})).toMatchObject({ message: expect.stringContaining("is deactivated") });
    expect(await snapshotTables(testDb())).toEqual(before);
  });

  it("makes the joiner of a leader link lead its team", async () => {
    const f = await createMatrixOrganisation(testDb());
    const token = await makeInvite(f, { role: "leader", teamId: f.otherTeamId });
    const lead = person("lead");
    actAs(f, "signedOut");
    expect((await acceptInviteAsNewPerson(f.slug, token, lead)).status).toBe("ok");
    expect(await membershipOf(f.orgId, lead.email)).toMatchObject({ role: "leader", teamId: null });
    const leads = await testDb()
      .select()
      .from(teamLeaders)
      .where(and(eq(teamLeaders.orgId, f.orgId), eq(teamLeaders.teamId, f.otherTeamId)));
    expect(leads).toHaveLength(2);
  });

  it("tells a new person whose email has an account to sign in instead", async () => {
    const f = await createMatrixOrganisation(testDb());
    const [outsider] = await testDb().select().from(users).where(eq(users.id, f.users.outsider));
    actAs(f, "signedOut");
    const state = await acceptInviteAsNewPerson(f.slug, f.tokens.invite, { ...person(), email: outsider!.email });
    expect(state).toMatchObject({ status: "error", fieldErrors: { email: expect.stringContaining("Sign in to join") } });
  });

  it.runIf(onServer)("lets exactly one of many concurrent acceptances of a single-use link win (PostgreSQL)", async () => {
    const f = await createMatrixOrganisation(testDb());
    const token = await makeInvite(f);
    actAs(f, "signedOut");
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acceptInviteAsNewPerson(f.slug, token, person(`racer${i}`))));
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    const [invite] = await testDb()
      .select()
      .from(invites)
      .where(and(eq(invites.orgId, f.orgId), eq(invites.tokenHash, hashToken(token))));
    expect(invite!.uses).toBe(1);
    const joined = rowsOf<{ n: number }>(
      await testDb().execute(sql`select count(*)::int as n from memberships m join users u on u.id = m.user_id
        where m.org_id = ${f.orgId} and u.email like 'racer%'`),
    );
    expect(joined[0]!.n).toBe(1);
  });
});
