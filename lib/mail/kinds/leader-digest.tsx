import { Heading } from "@react-email/components";
import type { LeaderDigest } from "@/lib/digest/content";
import { mailLink } from "../links";
import { mailKind } from "../kind";
import { MailButton, MailLayout, MailText } from "../templates/layout";

function Section<T>({ title, list, line }: { title: string; list: { count: number; items: T[] }; line: (item: T) => string }) {
  if (list.count === 0) return null;
  const more = list.count - list.items.length;
  return (
    <>
      <Heading as="h2" style={{ fontSize: 16, margin: "20px 0 4px" }}>
        {title} ({list.count})
      </Heading>
      {list.items.map((item, index) => (
        <MailText key={index}>• {line(item)}</MailText>
      ))}
      {more > 0 && <MailText>… and {more} more.</MailText>}
    </>
  );
}

/** The leader's Monday digest: what to do this week, sent only when there is something (lib/digest). */
export const leaderDigest = mailKind<{ orgName: string; slug: string; leaderName: string; week: string; digest: LeaderDigest }>({
  category: "weeklyDigest",
  subject: ({ orgName }) => `Your coaching week at ${orgName}`,
  template: ({ orgName, slug, leaderName, digest }, { unsubscribeUrl }) => (
    <MailLayout preview="Pending self-assessments, overdue 1:1s, actions and relationships." org={orgName} unsubscribeUrl={unsubscribeUrl}>
      <MailText>Good morning {leaderName}, here is what is waiting for you this week.</MailText>
      <Section
        title={`Self-assessments not submitted${digest.cycleName ? ` for ${digest.cycleName}` : ""}`}
        list={digest.pendingSelfAssessments}
        line={(p) => `${p.name}, ${p.teamName}${p.started ? " (draft saved)" : ""}`}
      />
      <Section
        title="Reps overdue for a 1:1"
        list={digest.overdueOneOnOnes}
        line={(r) => `${r.name}${r.teamName ? `, ${r.teamName}` : ""}: ${r.daysSince} days since the last one`}
      />
      <Section
        title="Overdue coaching plan actions"
        list={digest.overduePlanActions}
        line={(a) => `${a.repName}, ${a.behaviourName}: ${a.description} (due ${a.dueOn})`}
      />
      <Section
        title="Relationships overdue for a contact"
        list={digest.overdueContacts}
        line={(c) => `${c.counterpartName}, ${c.departmentName} (due ${c.dueOn})`}
      />
      <Section title="Overdue next steps" list={digest.overdueNextSteps} line={(s) => `${s.counterpartName}: ${s.nextStep} (due ${s.dueOn})`} />
      <MailButton href={mailLink(`/o/${slug}`)}>Open my dashboard</MailButton>
    </MailLayout>
  ),
});
