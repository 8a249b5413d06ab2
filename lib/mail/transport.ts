import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/** A rendered mail, ready for a transport. */
export type OutgoingMail = {
  /** The outbox id: the Message-ID is made from it, so a repeated send is recognisable as the same mail. */
  id: string;
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The links in the mail (the local mailbox prints them). */
  links: string[];
};

export type MailTransport = {
  /** Where mail goes, for the start-up line. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** A failure that no retry can fix (a 5xx answer, a mail that cannot be rendered). */
export class PermanentMailError extends Error {}

/** Whether a send failure is worth retrying, and what to show of it: the server's answer, never the message. */
export function classifyMailError(error: unknown): { permanent: boolean; message: string } {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const message = (e.response ?? [e.code, e.message].filter(Boolean).join(": ")) || "unknown error";
  const permanent = error instanceof PermanentMailError || (typeof e.responseCode === "number" && e.responseCode >= 500);
  return { permanent, message: message.slice(0, 500) };
}

function message(from: string, mail: OutgoingMail, domain: string): nodemailer.SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: `<${mail.id}@${domain}>`,
    headers: { "Auto-Submitted": "auto-generated", ...mail.headers },
  };
}

const senderDomain = (from: string) => /@([^>\s]+)/.exec(from)?.[1] ?? "coachgrid.invalid";

/** SMTP through nodemailer: `smtp://` (STARTTLS when the server offers it) or `smtps://`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const where = new URL(url);
  return {
    description: `sent through the SMTP server ${where.hostname}:${where.port || (where.protocol === "smtps:" ? 465 : 587)} as ${from}`,
    async send(mail) {
      await transporter.sendMail(message(from, mail, senderDomain(from)));
    },
    close: () => transporter.close(),
  };
}

/**
 * The local mailbox, for the quick start: each mail is written as a `.eml` file in `dir` (readable only by the
 * server's user, and never served over the web) and announced on the console with its subject and links.
 */
export function mailboxTransport(dir: string, from: string, print: (line: string) => void = console.log): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `not sent: no SMTP_URL, so every mail is saved in ${dir} and announced here with its links`,
    async send(mail) {
      const info = (await composer.sendMail(message(from, mail, "coachgrid.local"))) as { message: Buffer };
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.kind}-${mail.id}.eml`);
      await fs.writeFile(file, info.message, { mode: 0o600 });
      print([`Mail to ${mail.to}: ${mail.subject}`, ...mail.links.map((l) => `  ${l}`), `  saved as ${file}`].join("\n"));
    },
    close: () => composer.close(),
  };
}

/** The local mailbox's folder. */
const mailboxDir = () => path.join(env().dataDir, "mail");

/** SMTP when SMTP_URL is set, else the local mailbox. */
export function configuredTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM!) : mailboxTransport(mailboxDir(), MAIL_FROM ?? "Coachgrid <coachgrid@localhost>");
}
