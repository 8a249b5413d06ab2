import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

type Props = { orgName: string; slug: string; cycleName: string; repName: string; senderName: string };

const selfAssessmentLink = (slug: string) => mailLink(`/o/${slug}/self-assessment`);

/** A cycle opened: every active rep gets a direct link to their own self-assessment. */
export const cycleOpened = mailKind<Props>({
  category: "reminders",
  subject: ({ cycleName, orgName }) => `${cycleName} is open: your self-assessment for ${orgName}`,
  template: ({ orgName, slug, cycleName, repName, senderName }, { unsubscribeUrl }) => (
    <MailLayout preview={`Rate yourself on each behaviour for ${cycleName}.`} org={orgName} unsubscribeUrl={unsubscribeUrl}>
      <MailText>Hello {repName},</MailText>
      <MailText>
        {senderName} opened {cycleName}. Rate yourself on each behaviour, 1 to 5, as honestly as you can: your leader rates you on the same
        behaviours, and the gaps are what you will coach on together. It takes about ten minutes.
      </MailText>
      <MailButton href={selfAssessmentLink(slug)}>Open my self-assessment</MailButton>
    </MailLayout>
  ),
});

/** "Remind those who have not submitted": at most one a day per rep (self_assessment_reminders). */
export const selfAssessmentReminder = mailKind<Props>({
  category: "reminders",
  subject: ({ cycleName }) => `Reminder: your self-assessment for ${cycleName}`,
  template: ({ orgName, slug, cycleName, repName, senderName }, { unsubscribeUrl }) => (
    <MailLayout preview={`Your self-assessment for ${cycleName} is not submitted yet.`} org={orgName} unsubscribeUrl={unsubscribeUrl}>
      <MailText>Hello {repName},</MailText>
      <MailText>
        {senderName} reminds you that your self-assessment for {cycleName} is not submitted yet. It takes about ten minutes, and what you save as a
        draft is kept.
      </MailText>
      <MailButton href={selfAssessmentLink(slug)}>Finish my self-assessment</MailButton>
    </MailLayout>
  ),
});
