import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/** Where the test SMTP server (e2e/support/smtp-sink.ts) keeps what the app sent, one .eml per mail. */
export const SMTP_SINK_PORT = Number(process.env.E2E_PORT ?? 3100) + 20_000;
export const SMTP_SINK_DIR = path.resolve(".test-data", `e2e-${process.env.E2E_PORT ?? 3100}-mailbox`);

export type Mail = { to: string; subject: string; text: string; html: string; links: string[] };

function toMail(parsed: ParsedMail): Mail {
  const to = [parsed.to].flat().flatMap((a) => a?.value ?? []).map((v) => v.address?.toLowerCase() ?? "");
  const text = parsed.text ?? "";
  const html = typeof parsed.html === "string" ? parsed.html : "";
  const links = [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")))];
  return { to: to.join(", "), subject: parsed.subject ?? "", text, html, links };
}

/** Every mail received so far, oldest first. */
export async function receivedMails(): Promise<Mail[]> {
  if (!fs.existsSync(SMTP_SINK_DIR)) return [];
  const files = fs.readdirSync(SMTP_SINK_DIR).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(files.map(async (f) => toMail(await simpleParser(fs.readFileSync(path.join(SMTP_SINK_DIR, f))))));
}

/** The mails to this address whose subject matches, once there are `count` of them (the worker sends after commit). */
export async function mailsTo(address: string, subject: RegExp, count = 1, timeoutMs = 60_000): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await receivedMails()).filter((m) => m.to === address.toLowerCase() && subject.test(m.subject));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${address} matching ${subject}, found ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
