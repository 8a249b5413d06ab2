import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserById, insertUser } from "@/db/queries/accounts";
import { ensureAssessment, setAssessmentState, upsertSelfRating } from "@/db/queries/assessments";
import { insertPasswordResetToken } from "@/db/queries/password-resets";
import {
  auditEvents,
  authEvents,
  emailChangeTokens,
  mailOutbox,
  memberships,
  oneOnOneNotes,
  organisations,
  ratings,
  selfRatings,
  teamLeaders,
  throttles,
  users,
} from "@/db/schema";
import { signUp } from "@/lib/accounts/actions";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { confirmEmailChange, requestEmailChange } from "@/lib/accounts/email-change";
import { attemptSignIn } from "@/lib/accounts/sign-in";
import { signOutSession } from "@/lib/accounts/sign-out";
import { getSessionUser } from "@/lib/auth/session";
import { loadAuditLog } from "@/lib/audit/loaders";
import { createNote } from "@/lib/coaching/actions";
import { loadRepCoaching } from "@/lib/coaching/loaders";
import { loadDashboard } from "@/lib/dashboards/loaders";
import { rateRep } from "@/lib/grid/actions";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDueMails } from "@/lib/mail/worker";
import { leaveOrganisation, reactivateMember } from "@/lib/members/actions";
import { sendPasswordReset } from "@/lib/members/password-reset";
import { hashToken } from "@/lib/tokens";
import { rowsOf, withTestDatabase } from "../support/database";
import { memberEntry } from "../support/entries";
import { actAs, alsoMemberOf, createMatrixOrganisation, MATRIX_PASSWORD } from "../support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

const testDb = withTestDatabase();
void loadAuditLog;
void loadRepCoaching;
void loadDashboard;
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

type Fixture = Awaited<ReturnType<typeof createMatrixOrganisation>>;

const account = async (userId: string) => (await findUserById(testDb(), userId))!;
const newAddress = () => `moved.${crypto.randomUUID().slice(0, 8)}@example.test`;

/** Delivers what is due and returns the mails that reached this address. */
async function mailsTo(email: string) {
  smtp.received.length = 0;
  await deliverDueMails(testDb(), { transport: smtpTransport(smtp.url, "Coachgrid <mail@coachgrid.test>"), retrySeconds: 1 });
  return smtp.received.filter((m) => (m.to as { text: string }).text === email);
}
const linkIn = (text: string, path: string) => new RegExp(`http://localhost:3000${path}/([\\w.-]+)`).exec(text)?.[1];

/** A member entry's answer, as the chain gives it to a page. */
const load = (name: string, slug: string, input: Record<string, unknown>) => memberEntry(name).call(slug, input);

async function auditOf(orgId: string) {
  return testDb().select().from(auditEvents).where(eq(auditEvents.orgId, orgId));
}

describe("changing one's email address", () => {
  it("mails a single-use link to the new address after the current password; following it signed in makes the change", async () => {
    const f = await createMatrixOrganisation(testDb());
    const before = await account(f.users.rep);
    const target = newAddress();
    actAs(f, "rep");

    const wrong = await requestEmailChange({ newEmail: target, currentPassword: "not my password" });
    expect(wrong).toMatchObject({ status: "error", code: "invalid", fieldErrors: { currentPassword: "That is not your current password." } });
    expect(await testDb().select().from(emailChangeTokens).where(eq(emailChangeTokens.userId, f.users.rep))).toEqual([]);

    expect(await requestEmailChange({ newEmail: target.toUpperCase(), currentPassword: MATRIX_PASSWORD })).toEqual({
      status: "ok",
      data: { newEmail: target },
    });
    expect((await account(f.users.rep)).email).toBe(before.email); // nothing changes until the link is followed
    const [mail] = await mailsTo(target);
    expect(mail!.subject).toBe("Confirm your new email address for Coachgrid");
    const token = linkIn(mail!.text!, "/account/confirm-email")!;
    expect(token).toHaveLength(43); // 256 bits
    const stored = await testDb().select().from(emailChangeTokens).where(eq(emailChangeTokens.userId, f.users.rep));
    expect(stored.map((row) => row.tokenHash)).toEqual([hashToken(token)]);
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeLessThan(24.1 * 3_600_000);

    // A reset link sent to the old address before the change must not reach the account after it.
    await insertPasswordResetToken(testDb(), f.users.rep, hashToken(`old-reset-${f.orgId}`), 60);
    // Someone else signed in cannot use the link.
    actAs(f, "otherRep");
    expect(await confirmEmailChange({ token })).toMatchObject({ status: "error", code: "not_found" });
    actAs(f, "rep");
    expect(await getSessionUser()).not.toBeNull();
    expect(await confirmEmailChange({ token })).toEqual({ status: "ok", data: { email: target } });

    const after = await account(f.users.rep);
    expect(after.email).toBe(target);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(await getSessionUser()).toBeNull(); // every session ended, this one too
    expect((await attemptSignIn(testDb(), { email: target, password: MATRIX_PASSWORD })).user?.id).toBe(f.users.rep);
    expect((await attemptSignIn(testDb(), { email: before.email, password: MATRIX_PASSWORD })).user).toBeNull();
    const reset = rowsOf<{ used_at: Date | null }>(
      await testDb().execute(sql`select used_at from password_reset_tokens where user_id = ${f.users.rep}`),
    );
    expect(reset.every((row) => row.used_at !== null)).toBe(true);

    const [notice] = await mailsTo(before.email);
    expect(notice!.subject).toBe("Your Coachgrid email address was changed");
    expect(notice!.text).toContain(target);

    const events = (await auditOf(f.orgId)).filter((e) => e.action === "account.confirmEmailChange");
    expect(events).toMatchObject([{ actorUserId: f.users.rep, targetId: f.users.rep }]);
    expect(JSON.stringify(events)).not.toContain(target); // the log names no address
    const kinds = await testDb().select({ kind: authEvents.kind }).from(authEvents).where(eq(authEvents.userId, f.users.rep));
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["email_change_requested", "email_changed"]));

    // Used once.
    actAs(f, "rep", 2);
    expect(await confirmEmailChange({ token })).toMatchObject({ status: "error", code: "not_found" });
  });

  it("refuses the same address and one another account has, at the request and again at the confirmation", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "rep");
    const mine = (await account(f.users.rep)).email;
    const theirs = (await account(f.users.leader)).email;
    expect(await requestEmailChange({ newEmail: mine, currentPassword: MATRIX_PASSWORD })).toMatchObject({
      fieldErrors: { newEmail: "This is already your email address." },
    });
    expect(await requestEmailChange({ newEmail: theirs.toUpperCase(), currentPassword: MATRIX_PASSWORD })).toMatchObject({
      fieldErrors: { newEmail: "Another account already uses this email address." },
    });

    const target = newAddress();
    expect(await requestEmailChange({ newEmail: target, currentPassword: MATRIX_PASSWORD })).toMatchObject({ status: "ok" });
    const token = linkIn((await mailsTo(target))[0]!.text!, "/account/confirm-email")!;
    await insertUser(testDb(), { name: "Quick Taker", email: target, passwordHash: "!" }); // takes the address meanwhile
    expect(await confirmEmailChange({ token })).toMatchObject({
      status: "error",
      code: "conflict",
      message: expect.stringContaining("Another account already uses"),
    });
    expect((await account(f.users.rep)).email).toBe(mine);
    expect(await getSessionUser()).not.toBeNull(); // nothing changed, sessions included
  });

  it("sends three links an hour; only the latest works, and an expired one does not", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "coLeader");
    const addresses = [newAddress(), newAddress(), newAddress()];
    for (const newEmail of addresses)
      expect(await requestEmailChange({ newEmail, currentPassword: MATRIX_PASSWORD })).toMatchObject({ status: "ok" });
    const fourth = await requestEmailChange({ newEmail: newAddress(), currentPassword: MATRIX_PASSWORD });
    expect(fourth).toMatchObject({
      status: "error",
      code: "conflict",
      message: expect.stringContaining("several confirmation links in the last hour"),
    });

    await mailsTo(addresses[0]!); // delivers all three
    const tokens = addresses.map((address) => {
      const mail = smtp.received.find((m) => (m.to as { text: string }).text === address);
      return linkIn(mail!.text!, "/account/confirm-email")!;
    });
    expect(await confirmEmailChange({ token: tokens[0]! })).toMatchObject({ status: "error", code: "not_found" });
    await testDb()
      .update(emailChangeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailChangeTokens.tokenHash, hashToken(tokens[2]!)));
    expect(await confirmEmailChange({ token: tokens[2]! })).toMatchObject({ status: "error", code: "not_found" });
    expect((await account(f.users.coLeader)).email).not.toContain("moved.");
  });
});

describe("leaving an organisation", () => {
  it("deactivates one's own membership, audited there, and leaves the person's other organisations alone", async () => {
    const f = await createMatrixOrganisation(testDb());
    const other = await alsoMemberOf(testDb(), f.users.leader, "Second Home");
    actAs(f, "leader");
    expect(await leaveOrganisation(f.slug, {})).toMatchObject({ status: "ok", data: { organisation: expect.stringMatching(/^Matrix /) } });

    const [membership] = await testDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.leader)));
    expect(membership).toMatchObject({ status: "deactivated", deactivatedAt: expect.any(Date) });
    const [event] = (await auditOf(f.orgId)).filter((e) => e.action === "member.leave");
    expect(event).toMatchObject({
      actorUserId: f.users.leader,
      targetId: f.users.leader,
      targetLabel: "Lee Leader",
      after: { status: "deactivated" },
    });
    expect(await load("/o/[slug]", f.slug, {})).toMatchObject({ status: "error", code: "not_found" }); // refused at once
    expect(await load("/o/[slug]", other.slug, {})).toMatchObject({ status: "ok" });

    // An admin can let them back in.
    actAs(f, "admin");
    expect(await reactivateMember(f.slug, { userId: f.users.leader })).toMatchObject({ status: "ok" });
  });

  it("refuses the last active admin, with what to do, and changes nothing", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "admin");
    const refused = await leaveOrganisation(f.slug, {});
    expect(refused).toMatchObject({ status: "error", code: "conflict" });
    expect(refused.status === "error" && refused.message).toBe(
      `You are the last active admin of Matrix ${f.slug.slice("matrix-".length)}, so you cannot leave it. Make someone else an admin first.`,
    );
    const [membership] = await testDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.admin)));
    expect(membership!.status).toBe("active");
    expect((await auditOf(f.orgId)).filter((e) => e.action === "member.leave")).toEqual([]);
  });
});

/** The leader rates the rep, writes a shared and a private note; the rep has a submitted cycle and a draft. */
async function organisationWithHistory(f: Fixture) {
  const db = testDb();
  actAs(f, "leader");
  expect(
    await rateRep(f.slug, { cycleId: f.cycles.open, repUserId: f.users.rep, behaviourId: f.behaviourIds[0], score: 4, expectedVersion: 0 }),
  ).toMatchObject({ status: "ok" });
  for (const [body, shared] of [
    ["Shared: keep prospecting daily.", true],
    ["SENTINEL private worry about Remy.", false],
  ] as const) {
    expect(await createNote(f.slug, { repUserId: f.users.rep, heldOn: "2026-01-05", body, shared, behaviourIds: [] })).toMatchObject({
      status: "ok",
    });
  }
  for (const cycleId of [f.cycles.closed, f.cycles.open]) {
    await ensureAssessment(db, f.orgId, cycleId, f.users.rep);
    await upsertSelfRating(
      db,
      f.orgId,
      { cycleId, repUserId: f.users.rep, behaviourId: f.behaviourIds[1] },
      { score: 2, comment: `Self comment in ${cycleId}` },
    );
  }
  await setAssessmentState(db, f.orgId, f.cycles.closed, f.users.rep, { submittedAt: new Date() });
}

describe("deleting one's account", () => {
  it("is refused while the person is the last active admin of any organisation, naming each, and deletes nothing", async () => {
    const f = await createMatrixOrganisation(testDb());
    await alsoMemberOf(testDb(), f.users.admin, "Solo Works", "admin");
    actAs(f, "admin");
    const refused = await deleteAccount({ currentPassword: MATRIX_PASSWORD, confirmation: "delete my account" });
    expect(refused).toMatchObject({ status: "error", code: "conflict" });
    const message = refused.status === "error" ? refused.message : "";
    expect(message).toContain(`You are the last active admin of Matrix ${f.slug.slice("matrix-".length)} and Solo Works.`);
    expect(message).toContain("Nothing was deleted.");
    expect((await account(f.users.admin)).deletedAt).toBeNull();
    expect(await getSessionUser()).not.toBeNull();
  });

  it("asks for the current password and the typed confirmation", async () => {
    const f = await createMatrixOrganisation(testDb());
    actAs(f, "rep");
    expect(await deleteAccount({ currentPassword: "wrong password", confirmation: "delete my account" })).toMatchObject({
      fieldErrors: { currentPassword: "That is not your current password." },
    });
    expect(await deleteAccount({ currentPassword: MATRIX_PASSWORD, confirmation: "delete" })).toMatchObject({
      fieldErrors: { confirmation: "Type “delete my account” to confirm." },
    });
    expect((await account(f.users.rep)).deletedAt).toBeNull();
  });

  it("erases the leader's name, address and credentials; their ratings, shared notes and audit entries stay, as a former member", async () => {
    const f = await createMatrixOrganisation(testDb());
    await organisationWithHistory(f);
    const before = await account(f.users.leader);
    const ratingsBefore = await testDb().select().from(ratings).where(eq(ratings.orgId, f.orgId));
    await testDb()
      .insert(throttles)
      .values({ key: `sign-in:account:${before.email}`, count: 2 });

    actAs(f, "leader");
    expect(await deleteAccount({ currentPassword: MATRIX_PASSWORD, confirmation: "  Delete My Account " })).toEqual({
      status: "ok",
      data: { organisations: 1 },
    });

    const after = await account(f.users.leader);
    expect(after).toMatchObject({
      name: "A former member",
      email: `deleted-${f.users.leader}@deleted.invalid`,
      emailVerifiedAt: null,
      deletedAt: expect.any(Date),
    });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await getSessionUser()).toBeNull();
    // The browser then signs out, as the page does: that leaves no trace of the deleted account either.
    expect(await signOutSession({ userId: f.users.leader, sessionId: crypto.randomUUID() })).toMatchObject({ status: "ok" });
    const traces = rowsOf<{ n: number }>(
      await testDb().execute(sql`select (select count(*) from auth_events where user_id = ${f.users.leader} or lower(email) = ${before.email})
        + (select count(*) from throttles where key like ${`%${before.email}%`} or key like ${`%${f.users.leader}%`})
        + (select count(*) from ended_sessions where user_id = ${f.users.leader}) as n`),
    );
    expect(Number(traces[0]!.n)).toBe(0);
    // Neither address nor any password opens the account any more.
    expect((await attemptSignIn(testDb(), { email: before.email, password: MATRIX_PASSWORD })).user).toBeNull();
    expect((await attemptSignIn(testDb(), { email: after.email, password: MATRIX_PASSWORD })).user).toBeNull();

    // The membership ends for good; the ratings stay as they were.
    const [membership] = await testDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, f.orgId), eq(memberships.userId, f.users.leader)));
    expect(membership!.status).toBe("deactivated");
    expect(await testDb().select().from(teamLeaders).where(eq(teamLeaders.userId, f.users.leader))).toEqual([]);
    expect(await testDb().select().from(ratings).where(eq(ratings.orgId, f.orgId))).toEqual(ratingsBefore);
    // The shared note stays with its text; the private one keeps its day, not its text.
    const notes = await testDb().select().from(oneOnOneNotes).where(eq(oneOnOneNotes.authorUserId, f.users.leader));
    expect(notes.map((n) => [n.shared, n.body]).sort()).toEqual([
      [false, ""],
      [true, "Shared: keep prospecting daily."],
    ]);

    // Shown as a former member where the author is shown: the rep's notes, the audit log.
    actAs(f, "rep");
    const coaching = await load("/o/[slug]/reps/[repId]/coaching", f.slug, { repId: f.users.rep });
    expect(coaching).toMatchObject({
      status: "ok",
      data: { notes: [expect.objectContaining({ authorName: "A former member", body: "Shared: keep prospecting daily." })] },
    });
    actAs(f, "admin");
    const log = await load("/o/[slug]/audit", f.slug, {});
    const sentences = log.status === "ok" ? (log.data as { events: { sentence: string }[] }).events.map((e) => e.sentence) : [];
    expect(sentences).toContain(`A former member rated Remy Rep on Prospecting (Q2) 4`);
    expect(sentences).toContain(
      "A former member deleted their account; their ratings, notes about others and entries here stay with the organisation",
    );
    const everything = JSON.stringify(await auditOf(f.orgId));
    expect(everything).not.toContain("Lee Leader");
    expect(everything).not.toContain(before.email);

    // The address is free again.
    actAs(f, "signedOut");
    const again = await signUp({
      name: "Lee Again",
      email: before.email,
      password: "a long enough password",
      organisationName: "Fresh Start",
      timeZone: "UTC",
    });
    expect(again).toMatchObject({ status: "ok" });
  });

  it("deletes the rep's drafts nobody has seen and keeps their submitted self-assessment, as a former member's", async () => {
    const f = await createMatrixOrganisation(testDb());
    await organisationWithHistory(f);
    actAs(f, "rep");
    expect(await deleteAccount({ currentPassword: MATRIX_PASSWORD, confirmation: "delete my account" })).toMatchObject({ status: "ok" });
    const left = await testDb().select().from(selfRatings).where(eq(selfRatings.repUserId, f.users.rep));
    expect(left.map((r) => r.cycleId)).toEqual([f.cycles.closed]);
    // The leader's log entries about the rep no longer name them.
    const labels = (await auditOf(f.orgId)).map((e) => e.targetLabel);
    expect(labels).toEqual(expect.arrayContaining(["A former member · Prospecting · Q2", "A former member"]));
    expect(JSON.stringify(labels)).not.toContain("Remy Rep");
    const [gone] = await testDb().select({ name: users.name }).from(users).where(eq(users.id, f.users.rep));
    expect(gone!.name).toBe("A former member");
    actAs(f, "admin");
    expect(await reactivateMember(f.slug, { userId: f.users.rep })).toMatchObject({
      status: "error",
      code: "conflict",
      message: expect.stringContaining("deleted their account"),
    });
  });

  it("leaves no link or account mail of the person, and the organisation's mails to them without address or content, unsent", async () => {
    const f = await createMatrixOrganisation(testDb());
    const before = await account(f.users.rep);
    actAs(f, "admin");
    expect(await sendPasswordReset(f.slug, { userId: f.users.rep })).toMatchObject({ status: "ok" });
    expect(await mailsTo(before.email)).toHaveLength(1); // sent
    expect(await sendPasswordReset(f.slug, { userId: f.users.rep })).toMatchObject({ status: "ok" }); // still queued
    actAs(f, "rep");
    const target = newAddress();
    expect(await requestEmailChange({ newEmail: target, currentPassword: MATRIX_PASSWORD })).toMatchObject({ status: "ok" }); // queued too

    expect(await deleteAccount({ currentPassword: MATRIX_PASSWORD, confirmation: "delete my account" })).toMatchObject({ status: "ok" });
    const left = rowsOf<{ n: number }>(
      await testDb().execute(sql`select (select count(*) from password_reset_tokens where user_id = ${f.users.rep})
        + (select count(*) from email_change_tokens where user_id = ${f.users.rep})
        + (select count(*) from account_mail_outbox where to_user_id = ${f.users.rep} or to_email in (${before.email}, ${target})) as n`),
    );
    expect(Number(left[0]!.n)).toBe(0);
    const mails = await testDb()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, f.orgId), eq(mailOutbox.toUserId, f.users.rep)));
    expect(mails.map((m) => [m.toEmail, m.props, m.status, m.lastError]).sort()).toEqual([
      ["A former member", null, "failed", "Not sent: the account was deleted."],
      ["A former member", null, "sent", null],
    ]);
    expect(await mailsTo(before.email)).toEqual([]);
    expect(await mailsTo(target)).toEqual([]);
  });

  it("keeps a draft's self ratings when blind mode is off: its coaches have already seen them", async () => {
    const f = await createMatrixOrganisation(testDb());
    await testDb().update(organisations).set({ blindMode: false }).where(eq(organisations.id, f.orgId));
    await organisationWithHistory(f);
    actAs(f, "rep");
    expect(await deleteAccount({ currentPassword: MATRIX_PASSWORD, confirmation: "delete my account" })).toMatchObject({ status: "ok" });
    const left = await testDb().select().from(selfRatings).where(eq(selfRatings.repUserId, f.users.rep));
    expect(left.map((r) => r.cycleId).sort()).toEqual([f.cycles.closed, f.cycles.open].sort());
  });
});
