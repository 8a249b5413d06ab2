import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

export const emailVerification = mailKind<{ name: string; token: string }>({
  category: "essential",
  subject: () => "Confirm your email address for Coachgrid",
  template: ({ name, token }) => (
    <MailLayout preview="Confirm that this address is yours.">
      <MailText>Hello {name},</MailText>
      <MailText>Please confirm that this is your address, so Coachgrid can send you reminders and results:</MailText>
      <MailButton href={mailLink(`/verify-email/${token}`)}>Confirm my address</MailButton>
      <MailText>If you did not create a Coachgrid account, ignore this mail.</MailText>
    </MailLayout>
  ),
});
