import { sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle, Db } from "@/db/client";
import { claimDueMails } from "@/db/queries/mail";
import { countQueries, inBackground } from "@/db/query-counter";
import { clipSubject, queueMail, queueMails } from "@/lib/mail/queue";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDueMails, startMailWorker } from "@/lib/mail/worker";
import { freshDatabase, rowsOf } from "../support/database";
import { createMatrixOrganisation } from "../support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

// An optional kind, for the rules that only optional mails follow (the real ones come with their senders).
vi.mock("@/lib/mail/kinds", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/mail/kinds")>();
  const { testReminder } = await import("../support/mail-kinds");
  const kinds = { ...original.mailKinds, test_reminder: testReminder };
  return { ...original, mailKinds: kinds, isMailKind: (kind: string) => Object.hasOwn(kinds, kind) };
});

let handle: DatabaseHandle;
let smtp: TestSmtpServer;
let fixture: Awaited<ReturnType<typeof createMatrixOrganisation>>;
const db = (): Db => handle.db;

beforeAll(async () => {
  handle = await freshDatabase();
  smtp = await startSmtpServer();
  fixture = await createMatrixOrganisation(handle.db);
});
afterAll(async () => {
  await smtp.close();
  await handle.close();
});

const options = (url = smtp.url) => ({ transport: smtpTransport(url, "Coachgrid <mail@coachgrid.test>"), retrySeconds: 1 });
/** Moves every waiting mail's next attempt to now, as if its retry delay had passed. */
async function fastForward() {
  await db().execute(sql`update mail_outbox set next_attempt_at = now()`);
  await db().execute(sql`update account_mail_outbox set next_attempt_at = now()`);
}
/** A header as sent, from the raw lines. */
const rawHeader = (mail: ParsedMail, key: string) =>
  mail.headerLines
    .find((h) => h.key === key)
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, " ");
const resetMail = (email: string, token = "tok") => ({ kind: "password_reset" as const, to: { email }, props: { name: "Ann", token } });

type Row = { id: string; status: string; attempts: number; last_error: string | null; props: unknown };
async function outbox(table = "mail_outbox"): Promise<Row[]> {
  return rowsOf<Row>(await db().execute(sql.raw(`select id, status, attempts, last_error, props from ${table} order by created_at`)));
}
async function clearOutboxes() {
  await db().execute(sql`delete from mail_outbox`);
  await db().execute(sql`delete from account_mail_outbox`);
  smtp.received.length = 0;
  smtp.behave({ accept: true });
}

describe("the mail outbox", () => {
  it("sends a mail only once its transaction commits, as HTML and text from one template, and erases its props", async () => {
    await clearOutboxes();
    await db()
      .transaction(async (tx) => {
        await queueMail(tx, null, resetMail("rolled@back.test"));
        throw new Error("roll back");
      })
      .catch(() => {});
    await db().transaction((tx) => queueMail(tx, fixture.orgId, resetMail("ann@example.test", "secret-token-123")));

    expect(await deliverDueMails(db(), options())).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(mail!.to).toMatchObject({ text: "ann@example.test" });
    expect(mail!.subject).toBe("Reset your Coachgrid password");
    expect(mail!.html).toContain("http://localhost:3000/reset-password/secret-token-123");
    expect(mail!.text).toContain("http://localhost:3000/reset-password/secret-token-123");
    expect(mail!.text).not.toContain("<");
    expect(mail!.messageId).toMatch(/@coachgrid\.test>$/);
    expect(rawHeader(mail!, "list-unsubscribe")).toBeUndefined(); // essential
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 1, last_error: null, props: null });
    expect(await outbox("account_mail_outbox")).toEqual([]);
  });

  it("escapes the organisation's name and keeps subjects on one line under 78 characters", async () => {
    await clearOutboxes();
    const org = `<b>Acme & "Sons"</b> ${"very long name ".repeat(6)}`;
    await db().transaction((tx) =>
      queueMail(tx, fixture.orgId, {
        kind: "password_reset",
        to: { email: "ann@example.test" },
        props: { name: "<i>Ann</i>", token: "t", sentBy: { name: "Ada", org } },
      }),
    );
    await deliverDueMails(db(), options());
    const [mail] = await smtp.waitFor(1);
    expect(mail!.html).toContain("&lt;b&gt;Acme &amp; &quot;Sons&quot;&lt;/b&gt;");
    expect(mail!.html).not.toContain("<i>Ann</i>");
    expect(clipSubject(`Reminder from ${org}\nsecond line`)).toMatch(/^[^\n]{1,77}$/);
  });

  it("retries while the SMTP server is down and delivers once it is back", async () => {
    await clearOutboxes();
    const down = await startSmtpServer();
    const port = down.port;
    await down.close();
    await db().transaction((tx) => queueMail(tx, fixture.orgId, resetMail("ann@example.test")));
    expect(await deliverDueMails(db(), options(`smtp://127.0.0.1:${port}`))).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting!.last_error).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(waiting!.props).not.toBeNull();

    const back = await startSmtpServer(port);
    try {
      expect(await deliverDueMails(db(), options(back.url))).toEqual({ sent: 0, retried: 0, failed: 0 }); // waits its delay
      await fastForward();
      expect(await deliverDueMails(db(), options(back.url))).toEqual({ sent: 1, retried: 0, failed: 0 });
      await back.waitFor(1);
      expect(back.received).toHaveLength(1);
      expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 2 });
    } finally {
      await back.close();
    }
  });

  it("marks a mail failed on a permanent refusal (5xx) and keeps the server's answer", async () => {
    await clearOutboxes();
    smtp.behave({ accept: false, code: 550, text: "No such user here" });
    await db().transaction((tx) => queueMail(tx, fixture.orgId, resetMail("nobody@example.test")));
    expect(await deliverDueMails(db(), options())).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "failed", attempts: 1, props: null });
    expect(row!.last_error).toContain("550");
  });

  it("retries a temporary refusal (4xx) and gives up after the last attempt", async () => {
    await clearOutboxes();
    smtp.behave({ accept: false, code: 451, text: "Try again later" });
    await db().transaction((tx) => queueMail(tx, null, resetMail("busy@example.test")));
    const run = { ...options(), maxAttempts: 3 };
    expect(await deliverDueMails(db(), run)).toEqual({ sent: 0, retried: 1, failed: 0 });
    await fastForward();
    expect(await deliverDueMails(db(), run)).toEqual({ sent: 0, retried: 1, failed: 0 });
    await fastForward();
    expect(await deliverDueMails(db(), run)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [row] = await outbox("account_mail_outbox");
    expect(row).toMatchObject({ status: "failed", attempts: 3, props: null });
    expect(row!.last_error).toMatch(/451.*gave up after 3 attempts/);
  });

  it("sends a mail again when its worker died after claiming it (a repeat, never a loss)", async () => {
    await clearOutboxes();
    await db().transaction((tx) => queueMail(tx, fixture.orgId, resetMail("ann@example.test")));
    // A worker claims it with a lease and dies before sending or recording.
    expect(await claimDueMails(db(), "org", 10, 60)).toHaveLength(1);
    expect(await deliverDueMails(db(), options())).toEqual({ sent: 0, retried: 0, failed: 0 }); // not before its lease ends
    await fastForward();
    expect(await deliverDueMails(db(), options())).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("two workers at once send each mail once", async () => {
    await clearOutboxes();
    const mails = Array.from({ length: 30 }, (_, i) => resetMail(`person${i}@example.test`));
    await db().transaction((tx) => queueMails(tx, fixture.orgId, mails));
    const [a, b] = await Promise.all([deliverDueMails(db(), { ...options(), batch: 3 }), deliverDueMails(db(), { ...options(), batch: 3 })]);
    expect(a.sent + b.sent).toBe(30);
    await smtp.waitFor(30);
    const recipients = smtp.received.map((m) => (m.to as { text: string }).text).sort();
    expect(new Set(recipients).size).toBe(30);
    expect(smtp.received).toHaveLength(30);
  });

  it("queues many mails in a constant number of statements", async () => {
    await clearOutboxes();
    const member = (userId: string, email: string) => ({ kind: "test_reminder", to: { email, userId }, props: { org: "Acme" } }) as never;
    const people = await db().execute(sql`select id, email from users`);
    const all = rowsOf<{ id: string; email: string }>(people);
    const few = await countQueries(() =>
      db().transaction((tx) =>
        queueMails(
          tx,
          fixture.orgId,
          all.slice(0, 2).map((u) => member(u.id, u.email)),
        ),
      ),
    );
    const many = await countQueries(() =>
      db().transaction((tx) =>
        queueMails(
          tx,
          fixture.orgId,
          all.map((u) => member(u.id, u.email)),
        ),
      ),
    );
    expect(many.queries).toBe(few.queries);
  });

  it("sends optional mails only to verified addresses of people who keep them on, with a one-click unsubscribe", async () => {
    await clearOutboxes();
    const [rep] = rowsOf<{ email: string }>(await db().execute(sql`select email from users where id = ${fixture.users.rep}`));
    const reminder = { kind: "test_reminder", to: { email: rep!.email, userId: fixture.users.rep }, props: { org: "Acme" } } as never;
    expect(await db().transaction((tx) => queueMail(tx, fixture.orgId, reminder))).toBe(false); // not verified
    await db().execute(sql`update users set email_verified_at = now() where id = ${fixture.users.rep}`);
    await db().execute(sql`insert into mail_preferences (org_id, user_id, reminders) values (${fixture.orgId}, ${fixture.users.rep}, false)`);
    expect(await db().transaction((tx) => queueMail(tx, fixture.orgId, reminder))).toBe(false); // turned off
    await db().execute(sql`update mail_preferences set reminders = true where user_id = ${fixture.users.rep}`);
    expect(await db().transaction((tx) => queueMail(tx, fixture.orgId, reminder))).toBe(true);
    const wrongAddress = { kind: "test_reminder", to: { email: "other@example.test", userId: fixture.users.rep }, props: { org: "Acme" } } as never;
    expect(await db().transaction((tx) => queueMail(tx, fixture.orgId, wrongAddress))).toBe(false);

    await deliverDueMails(db(), options());
    const [mail] = await smtp.waitFor(1);
    expect(rawHeader(mail!, "list-unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+>$/);
    expect(rawHeader(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain("/unsubscribe/");
  });

  it("runs a notified round in the worker's own context: none of its statements count for the request that committed", async () => {
    await clearOutboxes();
    const queue = (email: string) => db().transaction((tx) => queueMail(tx, null, resetMail(email)));
    const alone = (await countQueries(() => queue("alone@example.test"))).queries;
    await clearOutboxes();
    // As instrumentation.ts starts it: in the background scope, which a NOTIFY's callback does not run in.
    const worker = inBackground(() =>
      startMailWorker({ ...options(), db: async () => handle.db, listen: (onNotify) => handle.listen("coachgrid_mail", onNotify), pollMs: 120_000 }),
    );
    try {
      await worker.idle();
      await new Promise((r) => setTimeout(r, 300)); // the subscription is in place
      const { queries } = await countQueries(async () => {
        await queue("bea@example.test");
        await smtp.waitFor(1, 10_000); // the notified round ran (claim, send, mark sent) while this was counting
        await worker.idle();
      });
      expect(alone).toBeGreaterThan(0);
      expect(queries).toBe(alone);
    } finally {
      await worker.stop();
    }
  });

  it("the worker sends right after the commit that queued a mail (notified), and stops cleanly", async () => {
    await clearOutboxes();
    const worker = startMailWorker({
      ...options(),
      db: async () => handle.db,
      listen: (onNotify) => handle.listen("coachgrid_mail", onNotify),
      pollMs: 120_000,
    });
    try {
      await worker.idle();
      await new Promise((r) => setTimeout(r, 300)); // the subscription is in place
      await db().transaction((tx) => queueMail(tx, null, resetMail("ann@example.test")));
      await smtp.waitFor(1, 10_000);
    } finally {
      await worker.stop();
    }
    expect(smtp.received).toHaveLength(1);
  });
});
