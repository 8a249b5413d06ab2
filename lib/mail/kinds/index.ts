import type { MailKindDefinition } from "../kind";
import { emailVerification } from "./email-verification";
import { passwordReset } from "./password-reset";

/**
 * Every mail Coachgrid sends, by kind (the key is stored in the outbox). To add one: a file in this folder with
 * `mailKind(...)`, a line here, then `queueMail` in the action's transaction (docs/mail.md).
 */
export const mailKinds = {
  password_reset: passwordReset,
  email_verification: emailVerification,
} satisfies Record<string, MailKindDefinition<never>>;

export type MailKind = keyof typeof mailKinds;
export type MailProps<K extends MailKind> = (typeof mailKinds)[K] extends MailKindDefinition<infer P> ? P : never;

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(mailKinds, kind);
}
