import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

/** A relationship's check-in link, mailed to the counterpart by the leader who keeps the relationship. */
export const checkInLink = mailKind<{
  orgName: string;
  slug: string;
  leaderName: string;
  counterpartName: string;
  /** The link's token; only its hash is in check_ins. */
  token: string;
  /** When the link stops working, already worded in the organisation's time zone. */
  expires: string;
}>({
  category: "essential",
  subject: ({ leaderName }) => `${leaderName} asks for your view: a two-minute check-in`,
  template: ({ orgName, slug, leaderName, counterpartName, token, expires }) => (
    <MailLayout preview={`${leaderName} would like to know how working with sales feels from your side.`} org={orgName}>
      <MailText>Hello {counterpartName},</MailText>
      <MailText>
        {leaderName} at {orgName} would like to know how working with sales feels from your side: how much you trust the team, what we do that makes
        you crazy, and what would help most. It takes two minutes and needs no account.
      </MailText>
      <MailButton href={mailLink(`/o/${slug}/check-in/${token}`)}>Answer the check-in</MailButton>
      <MailText>
        Your answers are read by {leaderName} and by {orgName}&apos;s Coachgrid admins, nobody else. The link works once, until {expires}.
      </MailText>
    </MailLayout>
  ),
});
