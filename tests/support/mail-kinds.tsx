import { mailKind } from "@/lib/mail/kind";
import { MailLayout, MailText } from "@/lib/mail/templates/layout";

/** An optional kind for tests of the rules only optional mails follow (preferences, verification, unsubscribe). */
export const testReminder = mailKind<{ org: string }>({
  category: "reminders",
  subject: ({ org }) => `A reminder from ${org}`,
  template: ({ org }, { unsubscribeUrl }) => (
    <MailLayout preview="Reminder" org={org} unsubscribeUrl={unsubscribeUrl}>
      <MailText>Remember.</MailText>
    </MailLayout>
  ),
});
