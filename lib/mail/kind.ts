import type { ReactElement } from "react";

/**
 * What a mail is for. Essential mails (reset, verification, invitations, links someone asked for) go to any address
 * and carry no unsubscribe link. The others go only to verified addresses of people who have not turned their
 * category off (mail_preferences), and carry a one-click unsubscribe for it (RFC 8058).
 */
export const MAIL_CATEGORIES = ["essential", "reminders", "resultsShared", "weeklyDigest"] as const;
type MailCategory = (typeof MAIL_CATEGORIES)[number];
export type OptionalCategory = Exclude<MailCategory, "essential">;

/** What the worker hands a template besides the kind's props. */
export type MailContext = { unsubscribeUrl?: string };

export type MailKindDefinition<P> = {
  category: MailCategory;
  /** One line; clipped to 77 characters when queued. Data only, no link or token. */
  subject(props: P): string;
  /** The body, rendered to HTML and plain text when sent. Links through mailLink() (lib/mail/links.ts). */
  template(props: P, context: MailContext): ReactElement;
};

/** Declares a kind; `P` is the JSON the queueing call stores and the template reads. */
export function mailKind<P extends Record<string, unknown>>(definition: MailKindDefinition<P>): MailKindDefinition<P> {
  return definition;
}

/** How pages and the audit log name each category of optional mail ("no more mails about …"). */
export const CATEGORY_NAMES: Record<OptionalCategory, string> = {
  reminders: "reminders",
  resultsShared: "results shared with you",
  weeklyDigest: "the weekly digest",
};
