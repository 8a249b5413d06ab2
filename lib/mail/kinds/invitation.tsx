import type { MemberRole } from "@/db/schema/enums";
import { ROLE_LABEL } from "@/lib/format";
import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

/** An invite bound to this address (sent on creation, from the bulk form, or again with a new link). */
export const invitation = mailKind<{
  inviterName: string;
  orgName: string;
  slug: string;
  role: MemberRole;
  teamName: string | null;
  /** The link's token; only its hash is in invites. */
  token: string;
  /** When the link stops working, already worded in the organisation's time zone. */
  expires: string;
}>({
  category: "essential",
  subject: ({ inviterName, orgName }) => `${inviterName} invites you to ${orgName} on Coachgrid`,
  template: ({ inviterName, orgName, slug, role, teamName, token, expires }) => (
    <MailLayout preview={`Join ${orgName} on Coachgrid.`} org={orgName}>
      <MailText>Hello,</MailText>
      <MailText>
        {inviterName} invites you to join {orgName} on Coachgrid as {role === "admin" ? "an" : "a"} {ROLE_LABEL[role].toLowerCase()}
        {teamName ? ` in ${teamName}` : ""}.
      </MailText>
      <MailButton href={mailLink(`/o/${slug}/join/${token}`)}>{`Join ${orgName}`}</MailButton>
      <MailText>The link is for this address only and works once, until {expires}. If you did not expect this invitation, ignore this mail.</MailText>
    </MailLayout>
  ),
});
