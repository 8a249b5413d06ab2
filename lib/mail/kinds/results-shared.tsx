import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

/** A coach shared a rep's results: the rep can now compare their ratings with their leader's. */
export const resultsShared = mailKind<{
  orgName: string;
  slug: string;
  repUserId: string;
  cycleId: string;
  cycleName: string;
  repName: string;
  coachName: string;
}>({
  category: "resultsShared",
  subject: ({ cycleName }) => `Your results for ${cycleName} are ready`,
  template: ({ orgName, slug, repUserId, cycleId, cycleName, repName, coachName }, { unsubscribeUrl }) => (
    <MailLayout preview={`${coachName} shared your results for ${cycleName}.`} org={orgName} unsubscribeUrl={unsubscribeUrl}>
      <MailText>Hello {repName},</MailText>
      <MailText>
        {coachName} shared your results for {cycleName}: your own ratings beside your leader&apos;s, behaviour by behaviour. The largest gaps are a
        good start for your next 1:1.
      </MailText>
      <MailButton href={mailLink(`/o/${slug}/reps/${repUserId}?cycle=${cycleId}`)}>See my results</MailButton>
    </MailLayout>
  ),
});
