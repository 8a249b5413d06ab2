import type { ParsedMail } from "mailparser";
import { startSmtpServer, type TestSmtpServer } from "../../tests/support/smtp";
import { test } from "./test";

/**
 * A real SMTP server on the port the worker's app server sends mail to (e2e/support/server.ts) while the calling
 * spec file runs (down the rest of the time: mails queued meanwhile wait in the outbox and are retried). Call at the
 * top of a spec file; use the getter inside tests.
 */
export function withMailbox(): () => TestSmtpServer {
  let smtp: TestSmtpServer | undefined;
  test.beforeAll(async ({ appServer }) => {
    smtp = await startSmtpServer(appServer.smtpPort);
  });
  test.afterAll(() => smtp?.close());
  return () => {
    if (!smtp) throw new Error("The mailbox is not running yet");
    return smtp;
  };
}

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  /** The one-click unsubscribe URL of the List-Unsubscribe header (RFC 8058), when the mail has one. */
  unsubscribe: string | undefined;
};

function toMail(parsed: ParsedMail): Mail {
  const to = [parsed.to]
    .flat()
    .flatMap((a) => a?.value ?? [])
    .map((v) => v.address?.toLowerCase() ?? "");
  const text = parsed.text ?? "";
  const html = typeof parsed.html === "string" ? parsed.html : "";
  const links = [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")))];
  const header = parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
  const unsubscribe = /<([^>]+)>/.exec(header)?.[1];
  return { to: to.join(", "), subject: parsed.subject ?? "", text, html, links, unsubscribe };
}

/** The mails to this address whose subject matches, once there are `count` of them (the worker sends after commit). */
export async function mailsTo(smtp: TestSmtpServer, address: string, subject: RegExp, count = 1, timeoutMs = 60_000): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = smtp.received.map(toMail).filter((m) => m.to === address.toLowerCase() && subject.test(m.subject));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${address} matching ${subject}, found ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
