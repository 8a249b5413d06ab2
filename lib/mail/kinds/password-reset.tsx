import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

export const passwordReset = mailKind<{
  name: string;
  /** The link's token; its hash is in password_reset_tokens. */
  token: string;
  /** Set when an admin sent the link from the members page: their name and organisation. */
  sentBy?: { name: string; org: string };
}>({
  category: "essential",
  subject: () => "Reset your Coachgrid password",
  template: ({ name, token, sentBy }) => (
    <MailLayout preview="A link to choose a new password, valid for 60 minutes." org={sentBy?.org}>
      <MailText>Hello {name},</MailText>
      <MailText>
        {sentBy
          ? `${sentBy.name}, an admin of ${sentBy.org}, sent you a link to choose a new Coachgrid password.`
          : "Someone asked to reset the password of your Coachgrid account. If it was you, choose a new password:"}
      </MailText>
      <MailButton href={mailLink(`/reset-password/${token}`)}>Choose a new password</MailButton>
      <MailText>
        The link works once, within 60 minutes. A new password signs you out everywhere. If you did not ask for it, ignore this mail: your password
        stays as it is.
      </MailText>
    </MailLayout>
  ),
});
