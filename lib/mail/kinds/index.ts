import type { MailKindDefinition } from "../kind";
import { checkInLink } from "./check-in-link";
import { emailChange, emailChanged } from "./email-change";
import { emailVerification } from "./email-verification";
import { invitation } from "./invitation";
import { leaderDigest } from "./leader-digest";
import { passwordReset } from "./password-reset";
import { resultsShared } from "./results-shared";
import { cycleOpened, selfAssessmentReminder } from "./self-assessment";

/**
 * Every mail Coachgrid sends, by kind (the key is stored in the outbox). To add one: a file in this folder with
 * `mailKind(...)`, a line here, then `queueMail` in the action's transaction (docs/mail.md).
 */
export const mailKinds = {
  password_reset: passwordReset,
  email_verification: emailVerification,
  email_change: emailChange,
  email_changed: emailChanged,
  invitation,
  cycle_opened: cycleOpened,
  self_assessment_reminder: selfAssessmentReminder,
  results_shared: resultsShared,
  leader_digest: leaderDigest,
  check_in_link: checkInLink,
} satisfies Record<string, MailKindDefinition<never>>;

export type MailKind = keyof typeof mailKinds;
export type MailProps<K extends MailKind> = (typeof mailKinds)[K] extends MailKindDefinition<infer P> ? P : never;

export function isMailKind(kind: string): kind is MailKind {
  return Object.hasOwn(mailKinds, kind);
}
