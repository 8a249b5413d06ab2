import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/scripts/bench/app";
import { startSmtpServer } from "../support/smtp";
import { log, PORTS, postgresBinaries, SECRET, seededServerDatabase, startCluster, type Cluster } from "./support";

/**
 * The mail outbox under faults, with production servers on one PostgreSQL database and a real SMTP server: mails
 * queued while the SMTP server is down and the app is killed with SIGKILL are all delivered after the restart; two
 * instances deliver each mail once.
 */
describe("mail delivery across crashes and instances", () => {
  const bin = postgresBinaries();
  let cluster: Cluster | undefined;
  let url = "";
  let sql: postgres.Sql | undefined;
  const apps: AppServer[] = [];
  const env = { SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`, MAIL_FROM: "Coachgrid <coachgrid@reliability.test>", MAIL_RETRY_SECONDS: "1" };
  const start = (port: number, label: string) => startApp({ port, databaseUrl: url, secret: SECRET, log: log(label), env });

  beforeAll(async () => {
    if (!bin) return;
    cluster = await startCluster(bin);
    url = await seededServerDatabase(cluster, "mail_faults");
    sql = postgres(url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await sql?.end();
    cluster?.stop();
  });

  /** Queues `count` reset mails in one statement, as an action's transaction would. */
  async function queue(count: number, label: string): Promise<string[]> {
    const emails = Array.from({ length: count }, (_, i) => `${label}-${i}@example.test`);
    const props = JSON.stringify({ name: "Someone", token: "t" });
    await sql!`insert into account_mail_outbox (kind, to_email, subject, props)
               select 'password_reset', e, 'Reset your Coachgrid password', ${props}::jsonb from unnest(${emails}::text[]) e`;
    return emails;
  }
  const statuses = async (label: string) =>
    sql!<
      { status: string; n: number }[]
    >`select status, count(*)::int as n from account_mail_outbox where to_email like ${`${label}-%`} group by status`;

  it.skipIf(!bin)("mails queued while SMTP is down survive kill -9 and are delivered after the restart", async () => {
    const app = await start(PORTS.mailFirst, "mail-kill");
    const emails = await queue(12, "kill");
    // SMTP is down: the worker tries and queues them again, with the error.
    await expect
      .poll(
        async () =>
          (await sql!`select count(*)::int as n from account_mail_outbox where to_email like 'kill-%' and attempts > 0 and status = 'queued'`)[0]!.n,
        { timeout: 60_000 },
      )
      .toBe(12);
    await app.kill9();

    const smtp = await startSmtpServer(PORTS.smtp);
    try {
      apps.push(await start(PORTS.mailFirst, "mail-kill-restart"));
      const received = await smtp.waitFor(12, 90_000);
      expect(new Set(received.map((m) => (m.to as { text: string }).text))).toEqual(new Set(emails));
      await expect.poll(() => statuses("kill"), { timeout: 30_000 }).toEqual([{ status: "sent", n: 12 }]);
      const rows = await sql!`select count(*)::int as n from account_mail_outbox where to_email like 'kill-%' and props is not null`;
      expect(rows[0]!.n).toBe(0); // the links' props are erased once sent
    } finally {
      await Promise.all(apps.splice(0).map((a) => a.stop()));
      await smtp.close();
    }
  });

  it.skipIf(!bin)("two instances send each mail once", async () => {
    const smtp = await startSmtpServer(PORTS.smtp);
    try {
      apps.push(...(await Promise.all([start(PORTS.mailFirst, "mail-first"), start(PORTS.mailSecond, "mail-second")])));
      const emails = await queue(60, "pair");
      await smtp.waitFor(60, 90_000);
      await expect.poll(() => statuses("pair"), { timeout: 30_000 }).toEqual([{ status: "sent", n: 60 }]);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // nothing arrives twice, even late
      const ids = smtp.received.filter((m) => (m.to as { text: string }).text.startsWith("pair-")).map((m) => m.messageId);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      expect(new Set(smtp.received.map((m) => (m.to as { text: string }).text).filter((t) => t.startsWith("pair-")))).toEqual(new Set(emails));
    } finally {
      await smtp.close();
    }
  });
});
