import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findUserById } from "@/db/queries/accounts";
import { hitThrottle } from "@/db/queries/throttles";
import { signUp } from "@/lib/accounts/actions";
import { resendVerificationMail, verifyEmail } from "@/lib/accounts/email-verification";
import { updateMailPreferences, unsubscribe } from "@/lib/accounts/mail-preferences";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { RESET_ANSWER_MS } from "@/lib/accounts/reset-links";
import { accountKey, attemptSignIn, SIGN_IN_THROTTLE } from "@/lib/accounts/sign-in";
import { verificationToken } from "@/lib/accounts/verification-links";
import { getSessionUser } from "@/lib/auth/session";
import { registeredEntries } from "@/lib/chain/registry";
import { queueMail } from "@/lib/mail/queue";
import { smtpTransport } from "@/lib/mail/transport";
import { unsubscribeOneClick } from "@/lib/mail/unsubscribe";
import { deliverDueMails } from "@/lib/mail/worker";
import { sendPasswordReset } from "@/lib/members/password-reset";
import { loadOrganisationSettings } from "@/lib/organisations/loaders";
import { rowsOf, withTestDatabase } from "../support/database";
import { actAs, createMatrixOrganisation, MATRIX_PASSWORD } from "../support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

vi.mock("@/lib/mail/kinds", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/mail/kinds")>();
  const { testReminder } = await import("../support/mail-kinds");
  const kinds = { ...original.mailKinds, test_reminder: testReminder };
  return { ...original, mailKinds: kinds, isMailKind: (kind: string) => Object.hasOwn(kinds, kind) };
});

const testDb = withTestDatabase();
void loadOrganisationSettings;
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const deliver = () => deliverDueMails(testDb(), { transport: smtpTransport(smtp.url, "Coachgrid <mail@coachgrid.test>"), retrySeconds: 1 });
const emailOf = async (userId: string) => (await findUserById(testDb(), userId))!.email;
/** Delivers what is due and returns the mail that reached this address. */
async function deliveredTo(email: string, subject?: string) {
  smtp.received.length = 0;
  await deliver();
  const mails = await smtp.waitFor(1);
  const mail = mails.find((m) => (m.to as { text: string }).text === email && (!subject || m.subject === subject));
  if (!mail) throw new Error(`no mail to ${email}`);
  return mail;
}
const linkIn = (text: string, path: string) => new RegExp(`http://localhost:3000${path}/([\\w.-]+)`).exec(text)?.[1];
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
async function accountMailsTo(email: string) {
  return rowsOf<{ kind: string; props: { token: string } | string | null }>(
    await testDb().execute(sql`select kind, props from account_mail_outbox where to_email = ${email} order by created_at`),
  );
}

describe("password reset", () => {
  it("answers the same for a known and an unknown address, no sooner than the floor, and mails only the known one", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    const known = await emailOf(fixture.users.rep);
    const unknown = `nobody-${crypto.randomUUID()}@example.test`;
    for (const email of [known, unknown]) {
      const started = performance.now();
      const answer = await requestPasswordReset({ email });
      expect(performance.now() - started).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 5);
      expect(answer).toEqual({ status: "ok", data: { email } });
    }
    expect(await accountMailsTo(known)).toHaveLength(1);
    expect(await accountMailsTo(unknown)).toEqual([]);
  });

  it("sends at most three links an hour per address, with the same answer", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    const email = await emailOf(fixture.users.otherRep);
    for (let i = 0; i < 5; i++) expect((await requestPasswordReset({ email })).status).toBe("ok");
    expect(await accountMailsTo(email)).toHaveLength(3);
  });

  it("mails a single-use link that sets a new password, ends every session, lifts a sign-in lock and verifies the address", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    const email = await emailOf(fixture.users.leader);
    // Locked out by failed sign-ins.
    for (let i = 0; i < SIGN_IN_THROTTLE.account.limit; i++) await hitThrottle(testDb(), accountKey(email), SIGN_IN_THROTTLE.account);
    expect((await attemptSignIn(testDb(), { email, password: MATRIX_PASSWORD })).user).toBeNull();

    await requestPasswordReset({ email });
    const mail = await deliveredTo(email);
    expect(mail!.subject).toBe("Reset your Coachgrid password");
    const token = linkIn(mail!.text!, "/reset-password")!;
    expect(token).toHaveLength(43); // 256 bits, base64url
    // Stored only as a hash; the outbox's copy is erased once sent.
    const stored = rowsOf<{ token_hash: string }>(await testDb().execute(sql`select token_hash from password_reset_tokens`));
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(JSON.stringify(await accountMailsTo(email))).not.toContain(token);

    actAs(fixture, "leader"); // a session from before the reset
    expect(await getSessionUser()).not.toBeNull();
    const mismatch = await resetPassword({ status: "idle" }, form({ token, password: "new password 123", confirmPassword: "other" }));
    expect(mismatch).toMatchObject({ status: "error", code: "invalid" });
    expect(await resetPassword({ status: "idle" }, form({ token, password: "new password 123", confirmPassword: "new password 123" }))).toMatchObject(
      { status: "ok" },
    );
    expect(await getSessionUser()).toBeNull(); // the old session version is refused
    expect((await attemptSignIn(testDb(), { email, password: "new password 123" })).user).not.toBeNull(); // lock lifted
    const account = (await findUserById(testDb(), fixture.users.leader))!;
    expect(account.emailVerifiedAt).not.toBeNull();
    const events = rowsOf<{ kind: string }>(
      await testDb().execute(sql`select kind from auth_events where user_id = ${fixture.users.leader} and kind = 'password_reset'`),
    );
    expect(events).toHaveLength(1);

    const again = await resetPassword({ status: "idle" }, form({ token, password: "another password", confirmPassword: "another password" }));
    expect(again).toMatchObject({ status: "error", code: "not_found" });
  });

  it("refuses an expired link", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    const email = await emailOf(fixture.users.coLeader);
    await requestPasswordReset({ email });
    const token = linkIn((await deliveredTo(email)).text!, "/reset-password")!;
    await testDb().execute(sql`update password_reset_tokens set expires_at = now() - interval '1 second' where user_id = ${fixture.users.coLeader}`);
    expect(await resetPassword({ token, password: "new password 123", confirmPassword: "new password 123" })).toMatchObject({
      status: "error",
      code: "not_found",
    });
  });

  it("an admin sends a member a link through the organisation's outbox, shown in Email delivery without the link", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "admin");
    expect(await sendPasswordReset(fixture.slug, { userId: fixture.users.rep })).toMatchObject({ status: "ok" });
    const mail = await deliveredTo(await emailOf(fixture.users.rep));
    expect(mail!.text).toContain("Ada Admin, an admin of Matrix");
    const token = linkIn(mail!.text!, "/reset-password")!;
    const settings = registeredEntries().find((e) => e.name === "/o/[slug]/settings")!;
    const outcome = await (settings as { call: (slug: string, input: unknown) => Promise<{ status: string; data?: unknown }> }).call(
      fixture.slug,
      {},
    );
    const shown = JSON.stringify(outcome.data);
    expect(shown).toContain("Reset your Coachgrid password");
    expect(shown).not.toContain(token);
    expect(shown).toContain('"status":"sent"');
  });
});

describe("email verification", () => {
  it("a new account gets a verification mail, and its link verifies the address", async () => {
    const email = `newcomer-${crypto.randomUUID()}@example.test`;
    const created = await signUp(
      { status: "idle" },
      form({ name: "Nia New", email, password: "a long password", organisationName: "Nia Co", timeZone: "UTC" }),
    );
    expect(created.status).toBe("ok");
    const mail = await deliveredTo(email);
    expect(mail.subject).toBe("Confirm your email address for Coachgrid");
    const token = linkIn(mail.text!, "/verify-email")!;
    expect(await verifyEmail({ token: `${token}x` })).toMatchObject({ status: "error", code: "not_found" });
    expect(await verifyEmail({ token })).toMatchObject({ status: "ok", data: { email } });
    const [user] = rowsOf<{ email_verified_at: unknown }>(await testDb().execute(sql`select email_verified_at from users where email = ${email}`));
    expect(user!.email_verified_at).not.toBeNull();
  });

  it("a link for another address, or an expired one, verifies nothing", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    expect(await verifyEmail({ token: verificationToken(fixture.users.rep, "old@example.test") })).toMatchObject({
      status: "error",
      code: "not_found",
    });
    const old = verificationToken(fixture.users.rep, await emailOf(fixture.users.rep), Date.now() - 8 * 24 * 60 * 60_000);
    expect(await verifyEmail({ token: old })).toMatchObject({ status: "error", code: "not_found" });
    expect((await findUserById(testDb(), fixture.users.rep))!.emailVerifiedAt).toBeNull();
  });

  it("the account page can send the link again, three times an hour", async () => {
    const fixture = await createMatrixOrganisation(testDb());
    actAs(fixture, "otherRep");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await resendVerificationMail({}));
    expect(results.map((r) => (r.status === "ok" ? r.data.sent : r.status))).toEqual([true, true, true, false]);
  });
});

describe("preferences and unsubscribe", () => {
  async function verifiedRep() {
    const fixture = await createMatrixOrganisation(testDb());
    await testDb().execute(sql`update users set email_verified_at = now() where id = ${fixture.users.rep}`);
    const email = await emailOf(fixture.users.rep);
    const reminder = () =>
      testDb().transaction((tx) =>
        queueMail(tx, fixture.orgId, { kind: "test_reminder", to: { email, userId: fixture.users.rep }, props: { org: "Matrix" } } as never),
      );
    return { fixture, email, reminder };
  }

  it("the account page turns a category off for one organisation", async () => {
    const { fixture, reminder } = await verifiedRep();
    expect(await reminder()).toBe(true);
    actAs(fixture, "rep");
    expect(await updateMailPreferences({ status: "idle" }, form({ orgId: fixture.orgId, resultsShared: "on", weeklyDigest: "on" }))).toMatchObject({
      status: "ok",
    });
    expect(await reminder()).toBe(false);
    // Not a member: refused, nothing written.
    expect(await updateMailPreferences({ orgId: fixture.elsewhere.orgId, reminders: true, resultsShared: true, weeklyDigest: true })).toMatchObject({
      status: "error",
      code: "not_found",
    });
  });

  it("a received mail's one-click unsubscribe (RFC 8058) works signed out, and no more mails of its kind are queued", async () => {
    const { fixture, email, reminder } = await verifiedRep();
    expect(await reminder()).toBe(true);
    const mail = await deliveredTo(email, "A reminder from Matrix");
    const header = mail!.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
    const token = /\/api\/unsubscribe\/([\w.-]+)>/.exec(header)![1]!;
    actAs(fixture, "signedOut");
    expect(await unsubscribeOneClick({ token })).toMatchObject({ status: "ok", data: { category: "reminders" } });
    expect(await reminder()).toBe(false);
    const audit = rowsOf<{ action: string }>(
      await testDb().execute(sql`select action from audit_events where org_id = ${fixture.orgId} and action = 'mail.unsubscribe'`),
    );
    expect(audit).toHaveLength(1);
    // The page's button does the same; a forged token does nothing.
    expect(await unsubscribe({ token })).toMatchObject({ status: "ok" });
    expect(await unsubscribe({ token: token.replace(/.$/, (c) => (c === "A" ? "B" : "A")) })).toMatchObject({ status: "error", code: "not_found" });
  });
});
