import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertCheckIn } from "@/db/queries/check-ins";
import { findInviteByTokenHash } from "@/db/queries/invites";
import { countQueries } from "@/db/query-counter";
import { auditEvents, invites, leaderDigests, mailOutbox, selfAssessmentReminders, users } from "@/db/schema";
import { onServer, rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation } from "../support/fixtures";
import type { MatrixFixture } from "../support/matrix";
import { MATRIX_IDS, prepareRelationship } from "../support/matrix/relationships";
import { createCheckIn } from "@/lib/check-ins/actions";
import { openCycle } from "@/lib/cycles/actions";
import { runWeeklyDigests } from "@/lib/digest/run";
import { bulkInvite, createInvite, sendInviteEmail } from "@/lib/invites/actions";
import { acceptInviteAsNewPerson } from "@/lib/invites/join";
import { remindPendingSelfAssessments } from "@/lib/reminders/actions";
import { hashToken } from "@/lib/tokens";

const testDb = withTestDatabase();
void insertCheckIn;

type Mail = { kind: string; toEmail: string; toUserId: string | null; props: Record<string, unknown> };

async function mailsOf(orgId: string, kind?: string): Promise<Mail[]> {
  const rows = await testDb()
    .select({ kind: mailOutbox.kind, toEmail: mailOutbox.toEmail, toUserId: mailOutbox.toUserId, props: mailOutbox.props })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.orgId, orgId), kind ? eq(mailOutbox.kind, kind) : undefined));
  return rows.map((r) => ({ ...r, props: (typeof r.props === "string" ? JSON.parse(r.props) : r.props) as Record<string, unknown> }));
}

/** Every person of the organisation has a verified address (optional mails go only to those). */
async function verifyEveryone(db: Db, orgId: string) {
  await db.execute(sql`update users set email_verified_at = now() where id in (select user_id from memberships where org_id = ${orgId})`);
}

async function fixture() {
  const f = await createMatrixOrganisation(testDb());
  await verifyEveryone(testDb(), f.orgId);
  return f;
}

/** Adds `count` active reps to team B (led by otherLeader), in two statements, with verified addresses. */
async function addReps(db: Db, f: MatrixFixture, count: number, teamId = f.otherTeamId) {
  const tag = crypto.randomUUID().slice(0, 8);
  await db.execute(sql`
    with added as (
      insert into users (name, email, password_hash, email_verified_at)
      select 'Bulk Rep ' || n, 'bulk.' || n || '.' || ${tag} || '@example.test', 'x', now() from generate_series(1, ${count}) n
      returning id)
    insert into memberships (org_id, user_id, role, team_id) select ${f.orgId}, id, 'rep', ${teamId} from added`);
}

const ok = <T>(state: { status: string; data?: T; message?: string }): T => {
  if (state.status !== "ok") throw new Error(JSON.stringify(state));
  return state.data as T;
};

describe("Remind those who have not submitted", () => {
  it("mails each pending rep of the leader's teams once, with the link to their own self-assessment, and at most once a day", async () => {
    const f = await fixture();
    await addReps(testDb(), f, 2); // team B: not the leader's
    actAs(f, "leader");
    expect(ok(await remindPendingSelfAssessments(f.slug, { teamId: "" }))).toEqual({ reminded: 2 });
    const mails = await mailsOf(f.orgId, "self_assessment_reminder");
    expect(mails.map((m) => m.toUserId).sort()).toEqual([f.users.rep, f.users.otherRep].sort());
    expect(mails.every((m) => m.props.slug === f.slug && m.props.cycleName === "Q2")).toBe(true);

    // Twice within a day: nobody is mailed again, whoever asks.
    actAs(f, "coLeader");
    expect(ok(await remindPendingSelfAssessments(f.slug, { teamId: f.teamId }))).toEqual({ reminded: 0 });
    actAs(f, "admin");
    expect(ok(await remindPendingSelfAssessments(f.slug, { teamId: "" }))).toEqual({ reminded: 2 }); // team B's two only
    expect(await mailsOf(f.orgId, "self_assessment_reminder")).toHaveLength(4);

    // A day later, they can be reminded again.
    await testDb().execute(
      sql`update self_assessment_reminders set last_reminded_at = now() - interval '24 hours 1 minute' where org_id = ${f.orgId} and rep_user_id = ${f.users.rep}`,
    );
    actAs(f, "leader");
    expect(ok(await remindPendingSelfAssessments(f.slug, { teamId: "" }))).toEqual({ reminded: 1 });
    const [reminder] = await testDb()
      .select()
      .from(selfAssessmentReminders)
      .where(and(eq(selfAssessmentReminders.orgId, f.orgId), eq(selfAssessmentReminders.repUserId, f.users.rep)));
    expect(reminder!.remindedBy).toBe(f.users.leader);
    expect(Date.now() - reminder!.lastRemindedAt.getTime()).toBeLessThan(60_000);
  });

  it("leaves out reps who submitted, deactivated reps, unverified addresses and reps who turned reminders off", async () => {
    const f = await fixture();
    await testDb().execute(
      sql`insert into assessments (org_id, cycle_id, rep_user_id, submitted_at) values (${f.orgId}, ${f.cycles.open}, ${f.users.otherRep}, now())`,
    );
    actAs(f, "leader");
    expect(ok(await remindPendingSelfAssessments(f.slug, { teamId: f.teamId }))).toEqual({ reminded: 1 });
    expect((await mailsOf(f.orgId)).map((m) => m.toUserId)).toEqual([f.users.rep]);

    const g = await fixture();
    await testDb().execute(sql`update users set email_verified_at = null where id = ${g.users.rep}`);
    await testDb().execute(sql`insert into mail_preferences (org_id, user_id, reminders) values (${g.orgId}, ${g.users.otherRep}, false)`);
    actAs(g, "leader");
    expect(ok(await remindPendingSelfAssessments(g.slug, { teamId: "" }))).toEqual({ reminded: 0 });
    expect(await mailsOf(g.orgId)).toEqual([]);
    // Nobody was mailed, so nobody counts as reminded: they can be reminded once they can receive it.
    expect(await testDb().select().from(selfAssessmentReminders).where(eq(selfAssessmentReminders.orgId, g.orgId))).toEqual([]);
  });

  it("refuses a leader another team's reps, and changes nothing", async () => {
    const f = await fixture();
    actAs(f, "otherLeader");
    const state = await remindPendingSelfAssessments(f.slug, { teamId: f.teamId });
    expect(state.status === "error" && state.code).toBe("forbidden");
    expect(await mailsOf(f.orgId)).toEqual([]);
  });

  it("costs the same number of statements for 500 reps as for 2", async () => {
    const small = await fixture();
    const large = await fixture();
    await addReps(testDb(), large, 500, large.teamId);
    actAs(small, "leader");
    const few = await countQueries(() => remindPendingSelfAssessments(small.slug, { teamId: small.teamId }));
    actAs(large, "leader");
    const many = await countQueries(() => remindPendingSelfAssessments(large.slug, { teamId: large.teamId }));
    expect(ok(few.result)).toEqual({ reminded: 2 });
    expect(ok(many.result)).toEqual({ reminded: 502 });
    expect(many.queries).toBe(few.queries);
    expect(await mailsOf(large.orgId, "self_assessment_reminder")).toHaveLength(502);
  });
});

describe("opening a cycle", () => {
  it("mails every active rep a direct link to their own self-assessment, in the same transaction", async () => {
    const f = await fixture();
    await addReps(testDb(), f, 3);
    actAs(f, "admin");
    ok(await openCycle(f.slug, { cycleId: f.cycles.draft, closeCurrent: true }));
    const mails = await mailsOf(f.orgId, "cycle_opened");
    expect(mails).toHaveLength(5); // rep, otherRep and the 3 of team B; not the deactivated rep
    expect(mails.map((m) => m.toUserId)).not.toContain(f.users.deactivated);
    expect(new Set(mails.map((m) => m.props.cycleName))).toEqual(new Set(["Q3"]));

    // A refused opening queues nothing.
    const g = await fixture();
    actAs(g, "admin");
    const state = await openCycle(g.slug, { cycleId: g.cycles.draft, closeCurrent: false });
    expect(state.status).toBe("error");
    expect(await mailsOf(g.orgId)).toEqual([]);
  });
});

describe("invitations by email", () => {
  it("bulk: one single-use invite bound to each new address, each mailed; members and pending invitees skipped and reported", async () => {
    const f = await fixture();
    actAs(f, "leader");
    const [member] = rowsOf<{ email: string }>(await testDb().execute(sql`select email from users where id = ${f.users.otherRep}`));
    ok(
      await createInvite(f.slug, {
        role: "rep",
        teamId: f.teamId,
        expiresInHours: "24",
        maxUses: "1",
        email: "pending@example.test",
        sendEmail: "off",
      }),
    );
    const result = ok(
      await bulkInvite(f.slug, {
        role: "rep",
        teamId: f.teamId,
        expiresInHours: "168",
        emails: `Ana Diaz <ANA@example.test>, ben@example.test; ana@example.test\n${member!.email.toUpperCase()}\npending@example.test`,
      }),
    ) as { invited: string[]; alreadyMembers: string[]; alreadyInvited: string[] };
    expect(result).toEqual({
      invited: ["ana@example.test", "ben@example.test"],
      alreadyMembers: [member!.email],
      alreadyInvited: ["pending@example.test"],
    });

    const made = await testDb()
      .select()
      .from(invites)
      .where(and(eq(invites.orgId, f.orgId), eq(invites.createdBy, f.users.leader)));
    const bulk = made.filter((i) => i.email === "ana@example.test" || i.email === "ben@example.test");
    expect(bulk.map((i) => [i.email, i.maxUses, i.role, i.teamId, i.emailedAt !== null]).sort()).toEqual([
      ["ana@example.test", 1, "rep", f.teamId, true],
      ["ben@example.test", 1, "rep", f.teamId, true],
    ]);
    const mails = await mailsOf(f.orgId, "invitation");
    expect(mails.map((m) => m.toEmail).sort()).toEqual(["ana@example.test", "ben@example.test"]);
    // Each mail carries its own invite's token: its hash finds that invite.
    for (const mail of mails) {
      const invite = await findInviteByTokenHash(testDb(), f.orgId, hashToken(String(mail.props.token)));
      expect(invite?.email).toBe(mail.toEmail);
    }
    expect(mails[0]!.props).toMatchObject({ inviterName: "Lee Leader", orgName: `Matrix ${f.slug.slice(7)}`, role: "rep", teamName: "Team A" });
  });

  it("bulk: refuses a list with something that is not an address, naming it, and creates nothing", async () => {
    const f = await fixture();
    actAs(f, "admin");
    const state = await bulkInvite(f.slug, { role: "rep", teamId: f.teamId, expiresInHours: "168", emails: "ok@example.test, not-an-address" });
    expect(state.status === "error" && state.fieldErrors?.emails).toContain("not-an-address");
    expect(await mailsOf(f.orgId)).toEqual([]);
  });

  it("creating an invite can mail it; sending again makes a new link and the old one stops working", async () => {
    const f = await fixture();
    actAs(f, "admin");
    const created = ok(
      await createInvite(f.slug, { role: "leader", teamId: "", expiresInHours: "24", maxUses: "1", email: "lead@example.test", sendEmail: "on" }),
    ) as { url: string };
    const first = created.url.split("/").pop()!;
    const [mail] = await mailsOf(f.orgId, "invitation");
    expect(mail).toMatchObject({ toEmail: "lead@example.test", props: { token: first, role: "leader", teamName: null } });

    const [invite] = await testDb()
      .select()
      .from(invites)
      .where(and(eq(invites.orgId, f.orgId), eq(invites.email, "lead@example.test")));
    ok(await sendInviteEmail(f.slug, { inviteId: invite!.id }));
    const resent = (await mailsOf(f.orgId, "invitation")).map((m) => String(m.props.token));
    expect(resent).toHaveLength(2);
    const second = resent.find((t) => t !== first)!;
    expect(await findInviteByTokenHash(testDb(), f.orgId, hashToken(first))).toBeUndefined();
    expect((await findInviteByTokenHash(testDb(), f.orgId, hashToken(second)))?.id).toBe(invite!.id);
    const [audit] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, f.orgId), eq(auditEvents.action, "invite.sendEmail")));
    expect(JSON.stringify(audit)).not.toContain(second);
  });

  it("refuses to send an invite that is not bound to an address, or no longer active", async () => {
    const f = await fixture();
    actAs(f, "admin");
    const unbound = await sendInviteEmail(f.slug, { inviteId: f.inviteId });
    expect(unbound.status === "error" && unbound.code).toBe("conflict");
    await testDb()
      .update(invites)
      .set({ email: "x@example.test", revokedAt: new Date() })
      .where(and(eq(invites.orgId, f.orgId), eq(invites.id, f.inviteId)));
    const revoked = await sendInviteEmail(f.slug, { inviteId: f.inviteId });
    expect(revoked.status === "error" && revoked.code).toBe("conflict");
    expect(await mailsOf(f.orgId)).toEqual([]);
  });

  it("joining through a link mailed to the address verifies it; through a link only copied, a verification mail is sent", async () => {
    const f = await fixture();
    actAs(f, "admin");
    ok(await bulkInvite(f.slug, { role: "rep", teamId: f.teamId, expiresInHours: "24", emails: "mailed@example.test" }));
    const [mail] = await mailsOf(f.orgId, "invitation");
    const copied = ok(
      await createInvite(f.slug, {
        role: "rep",
        teamId: f.teamId,
        expiresInHours: "24",
        maxUses: "1",
        email: "copied@example.test",
        sendEmail: "off",
      }),
    ) as { url: string };
    actAs(f, "signedOut");
    const password = "a long enough password";
    ok(await acceptInviteAsNewPerson(f.slug, String(mail!.props.token), { name: "Mai Mailed", email: "mailed@example.test", password }));
    ok(await acceptInviteAsNewPerson(f.slug, copied.url.split("/").pop()!, { name: "Cal Copied", email: "copied@example.test", password }));
    const joined = await testDb()
      .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(sql`${users.email} in ('mailed@example.test', 'copied@example.test')`);
    expect(joined.map((u) => [u.email, u.verifiedAt !== null]).sort()).toEqual([
      ["copied@example.test", false],
      ["mailed@example.test", true],
    ]);
    // The one whose address is not proven gets a verification mail, as after a sign-up.
    const verifications = rowsOf<{ to_email: string }>(
      await testDb().execute(
        sql`select to_email from account_mail_outbox where kind = 'email_verification' and to_email in ('mailed@example.test', 'copied@example.test')`,
      ),
    );
    expect(verifications.map((v) => v.to_email)).toEqual(["copied@example.test"]);
  });
});

describe("check-in links by email", () => {
  it("mails the link to the counterpart with the leader's name", async () => {
    const f = await fixture();
    await prepareRelationship(testDb(), f);
    actAs(f, "leader");
    const created = ok(
      await createCheckIn(f.slug, { relationshipId: MATRIX_IDS.relationship, expiresInDays: "14", email: "Fran@Finance.example" }),
    ) as { url: string };
    const [mail] = await mailsOf(f.orgId, "check_in_link");
    expect(mail).toMatchObject({
      toEmail: "fran@finance.example",
      toUserId: null,
      props: { leaderName: "Lee Leader", counterpartName: "Fran Finance", slug: f.slug },
    });
    expect(created.url).toBe(`/o/${f.slug}/check-in/${String(mail!.props.token)}`);
  });
});

describe("the weekly digest", () => {
  // Monday 2027-01-04, 09:00 in London (the fixture's zone).
  const monday = new Date("2027-01-04T09:00:00Z");

  it("is queued once per leader and week, only when there is something to do", async () => {
    const f = await fixture();
    // Team A's reps have not submitted Q2: leader and coLeader have something to do; otherLeader's team B is empty.
    const first = await runWeeklyDigests(testDb(), monday);
    const digests = (await mailsOf(f.orgId, "leader_digest")).filter((m) => m.props.slug === f.slug);
    expect(digests.map((m) => m.toUserId).sort()).toEqual([f.users.leader, f.users.coLeader].sort());
    const [digest] = digests;
    expect(digest!.props).toMatchObject({ week: "2027-01-04", digest: { pendingSelfAssessments: { count: 2 } } });
    expect(first.queued).toBeGreaterThanOrEqual(2);

    await runWeeklyDigests(testDb(), new Date("2027-01-04T15:00:00Z"));
    expect((await mailsOf(f.orgId, "leader_digest")).length).toBe(2);
    const keys = await testDb().select().from(leaderDigests).where(eq(leaderDigests.orgId, f.orgId));
    expect(keys.map((k) => [k.leaderUserId, k.sentAt !== null]).sort()).toEqual(
      [
        [f.users.leader, true],
        [f.users.coLeader, true],
        [f.users.otherLeader, false],
      ].sort(),
    );
    // Not on another day.
    await testDb().delete(leaderDigests).where(eq(leaderDigests.orgId, f.orgId));
    await runWeeklyDigests(testDb(), new Date("2027-01-05T09:00:00Z"));
    expect(await testDb().select().from(leaderDigests).where(eq(leaderDigests.orgId, f.orgId))).toEqual([]);
  });

  it.runIf(onServer)("two concurrent runs queue one digest per leader (PostgreSQL)", async () => {
    const f = await fixture();
    const week = new Date("2027-01-11T09:00:00Z");
    await Promise.all([runWeeklyDigests(testDb(), week), runWeeklyDigests(testDb(), week), runWeeklyDigests(testDb(), week)]);
    const digests = (await mailsOf(f.orgId, "leader_digest")).filter((m) => m.props.week === "2027-01-11");
    expect(digests.map((m) => m.toUserId).sort()).toEqual([f.users.leader, f.users.coLeader].sort());
  });
});
