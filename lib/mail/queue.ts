import type { DbOrTx } from "@/db/client";
import { insertOutboxMails, recipientStandings, type OutboxInsert } from "@/db/queries/mail";
import { mailKinds, type MailKind, type MailProps } from "./kinds";

/** Who a mail goes to. `userId` is required for optional (non-essential) kinds. */
type Recipient = { email: string; userId?: string | null };

/** One mail to queue: a kind and the props its template reads, typed by the kind. */
export type MailToQueue = { [K in MailKind]: { kind: K; to: Recipient; props: MailProps<K> } }[MailKind];

const SUBJECT_MAX = 77;

/** Subjects stay on one line and under 78 characters, whatever an organisation's name is. */
export function clipSubject(subject: string): string {
  const line = subject.replace(/\s+/g, " ").trim();
  return line.length <= SUBJECT_MAX ? line : `${line.slice(0, SUBJECT_MAX - 1).trimEnd()}…`;
}

/**
 * Queues one mail in the caller's transaction (`tx`): it is sent after that transaction commits, and never if it
 * rolls back. `orgId`: the organisation the mail belongs to (shown in its admins' panel), or null for an account
 * mail (reset, verification). Returns false when an optional mail was skipped (unverified address, or turned off).
 */
export async function queueMail(tx: DbOrTx, orgId: string | null, mail: MailToQueue): Promise<boolean> {
  return (await queueMails(tx, orgId, [mail])) === 1;
}

/**
 * Queues many mails in at most two statements, however many there are (a read of the recipients' standing when
 * some kinds are optional, and one insert). Returns how many were queued.
 */
export async function queueMails(tx: DbOrTx, orgId: string | null, mails: readonly MailToQueue[]): Promise<number> {
  const optional = mails.filter((m) => mailKinds[m.kind].category !== "essential");
  let allowed: (mail: MailToQueue) => boolean = () => true;
  if (optional.length > 0) {
    if (!orgId) throw new Error("An optional mail belongs to an organisation: its preferences are per organisation.");
    const ids = optional.map((m) => {
      if (!m.to.userId) throw new Error(`A ${m.kind} mail goes to a person: give to.userId.`);
      return m.to.userId;
    });
    const standings = new Map((await recipientStandings(tx, orgId, ids)).map((s) => [s.userId, s]));
    allowed = (mail) => {
      const category = mailKinds[mail.kind].category;
      if (category === "essential") return true;
      const standing = standings.get(mail.to.userId!);
      // Only to the address that was verified, and only while the person wants this category.
      return !!standing && standing.verified && standing.email.toLowerCase() === mail.to.email.toLowerCase() && standing[category];
    };
  }
  const rows: OutboxInsert[] = mails
    .filter((m) => allowed(m))
    .map((m) => ({
      kind: m.kind,
      toEmail: m.to.email,
      toUserId: m.to.userId ?? null,
      subject: clipSubject((mailKinds[m.kind].subject as (p: typeof m.props) => string)(m.props)),
      props: m.props,
    }));
  await insertOutboxMails(tx, orgId, rows);
  return rows.length;
}
